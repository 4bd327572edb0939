/**
 * A copy of the real knowledge folder whose compensation entry holds facts a test chose, so answer tests do
 * not depend on the figures curators add. Examples and the lexicon stay as they are, so the saved router
 * model still matches and the router reads questions exactly as in production.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { type AppContext, createContext } from '../../src/context.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { Fact } from '../../src/knowledge/schema.ts';
import type { Bot, IncomingMessage } from '../../src/ports.ts';
import { createRouter } from '../../src/router/router.ts';
import { createStore } from '../../src/store/store.ts';
import { captureLogger, tempDir } from '../helpers/context.ts';

/** The test source every chosen fact cites. */
export const TEST_SOURCE = {
  id: 'test-survey',
  name: 'Test Survey',
  title: 'A survey made up for tests',
  url: 'https://survey.test/',
};

/**
 * Writes the copy: compensation gets `facts` (citing `TEST_SOURCE` unless they say otherwise), number-free
 * prose and, when given, `extra` fields such as `reviewBy`. Returns the folder and its cleanup.
 */
export function writeKnowledge(facts: Partial<Fact>[], extra: Record<string, unknown> = {}) {
  const { dir, cleanup } = tempDir();
  cpSync('knowledge', dir, { recursive: true });
  const sourcesFile = join(dir, 'sources.yaml');
  const sources = parse(readFileSync(sourcesFile, 'utf8'));
  sources.sources.push(TEST_SOURCE);
  writeFileSync(sourcesFile, stringify(sources));
  const file = join(dir, 'factors', 'compensation.yaml');
  const entry = parse(readFileSync(file, 'utf8'));
  entry.facts = facts.map((f) => ({ source: TEST_SOURCE.id, ...f }));
  entry.summary = 'Pay varies widely by role and platform. The figures below say where each comes from.';
  entry.advice = [
    'Compare an offer with the listings for your own role before you accept it.',
    'Ask each platform how often it reviews hourly rates for raters.',
    'Keep a record of the hours each project really takes.',
    'Negotiate a written scope before the first invoice.',
  ];
  Object.assign(entry, extra);
  writeFileSync(file, stringify(entry));
  // The rubric cites compensation facts by id; it cites the first chosen fact instead, in words without figures.
  const rubricFile = join(dir, 'viability-rubric.yaml');
  const rubric = parse(readFileSync(rubricFile, 'utf8'));
  const cite = `compensation/${facts[0]?.id}`;
  for (const rule of Object.values(rubric.factors).flat() as { fact: string; reason: string }[]) {
    if (rule.fact.startsWith('compensation/')) Object.assign(rule, { fact: cite, reason: 'Pay depends on the role.' });
  }
  for (const step of rubric.nextSteps as { fact: string; text: string }[]) {
    if (step.fact.startsWith('compensation/'))
      Object.assign(step, { fact: cite, text: 'Compare offers with listings.' });
  }
  writeFileSync(rubricFile, stringify(rubric));
  return { dir, cleanup };
}

/** A bot over a knowledge folder, with the clock fixed at `now`. */
export async function botOver(dir: string, now: Date): Promise<{ bot: Bot; ctx: AppContext }> {
  const { logger } = captureLogger('warn');
  const kb = loadKnowledge(dir);
  const store = await createStore({ dataDir: ':memory:', logger });
  const ctx = await createContext(loadConfig({}), logger, {
    kb,
    router: createRouter(kb),
    store,
    clock: () => now,
  });
  return { bot: createBot(ctx, { jobs: createJobs(ctx, { sources: [] }).desk }), ctx };
}

let counter = 0;
/** A direct message in a conversation of its own. */
export function ask(text: string): IncomingMessage {
  counter += 1;
  return {
    id: `m${counter}`,
    platform: 'test',
    text,
    author: { id: 'u1' },
    conversation: { id: `c${counter}` },
    kind: 'direct',
  };
}
