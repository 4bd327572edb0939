/** Builds a real context for tests: the real knowledge base, an in-memory or temp store, a silent or capturing logger. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { type AppContext, createContext } from '../../src/context.ts';
import { createJobs, type Jobs } from '../../src/jobs/jobs.ts';
import type { JobSource } from '../../src/jobs/sources-file.ts';
import { type KnowledgeBase, loadKnowledge } from '../../src/knowledge/loader.ts';
import { createLogger } from '../../src/logger.ts';
import type { Bot, IncomingMessage } from '../../src/ports.ts';
import { createRouter, type Router } from '../../src/router/router.ts';
import { createStore, type Store } from '../../src/store/store.ts';

let shared: { kb: KnowledgeBase; router: Router } | undefined;

/** The real knowledge base and trained router, built once per test file. */
export function realKnowledge(): { kb: KnowledgeBase; router: Router } {
  shared ??= (() => {
    const kb = loadKnowledge('knowledge');
    return { kb, router: createRouter(kb) };
  })();
  return shared;
}

/** A logger that keeps every line it writes, for assertions on logs. */
export function captureLogger(level = 'debug') {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: createLogger(level, sink), lines };
}

/** A temporary folder removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'careerbot-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A bot over the real knowledge base with an in-memory store (or the one given). */
export async function createTestBot(
  options: { store?: Store; clock?: () => Date; jobSources?: JobSource[]; env?: Record<string, string> } = {},
): Promise<{
  bot: Bot;
  ctx: AppContext;
  lines: string[];
  jobs: Jobs;
}> {
  const { logger, lines } = captureLogger();
  const { kb, router } = realKnowledge();
  const store = options.store ?? (await createStore({ dataDir: ':memory:', logger }));
  const ctx = await createContext(loadConfig(options.env ?? {}), logger, { kb, router, store, clock: options.clock });
  // No job boards unless a test serves some: the real list would reach for the internet.
  const jobs = createJobs(ctx, { sources: options.jobSources ?? [] });
  return { bot: createBot(ctx, { jobs: jobs.desk }), ctx, lines, jobs };
}

/** An API key that must never leave the process except as the fake's bearer token. */
export const TEST_OPENAI_KEY = 'sk-test-careerbot-4c1d9e8f7a6b';

/** Environment that turns the LLM layer on against a local OpenAI-compatible fake (`baseUrl` ends in /v1). */
export function llmTestEnv(baseUrl: string, options: { timeoutMs?: number } = {}): Record<string, string> {
  return {
    OPENAI_API_KEY: TEST_OPENAI_KEY,
    OPENAI_BASE_URL: baseUrl,
    LLM_TIMEOUT_MS: String(options.timeoutMs ?? 1_500),
  };
}

let counter = 0;
/** A platform-neutral message as an adapter would build it. */
export function message(text: string, overrides: Partial<IncomingMessage> = {}): IncomingMessage {
  counter += 1;
  return {
    id: `m${counter}`,
    platform: 'test',
    text,
    author: { id: 'U1' },
    conversation: { id: 'C1' },
    kind: 'mention',
    ...overrides,
  };
}
