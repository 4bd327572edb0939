/**
 * The LLM layer for tests, against the local OpenAI-compatible fake: on its own (an in-memory store,
 * the real knowledge base, no retries unless asked) or behind a platform rig configured for it.
 */
import { afterEach } from 'vitest';
import { createLlm, type Llm, type LlmOptions } from '../../src/llm/llm.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { type OpenAiFake, type Script, startOpenAiFake } from '../harness/openai-fake.ts';
import { captureLogger, llmTestEnv, realKnowledge, TEST_OPENAI_KEY } from './context.ts';
import { useRig } from './rig.ts';

/** A grounded follow-up for a copywriter asking about pay: prose, a cited figure and an entry citation. */
export const COPYWRITER_ANSWER =
  'Copywriting already trains the core skill: clear, testable instructions. Most listings paid $70,000–$200,000 a year ' +
  '[compensation/listings-range], so judge any offer against that range [compensation].';

/** A shorter grounded answer, for tests that time a slow model rather than read the answer closely. */
export const HEAD_START_ANSWER =
  'Your copywriting is a head start. Most listings paid $70,000–$200,000 a year [compensation/listings-range], ' +
  'so weigh any offer against that [compensation].';

/** The title of the knowledge-base answer a pay question falls back to when the model's answer is refused. */
export const KB_PAY_TITLE = 'Compensation: what prompt engineers earn';

/** What `startTestLlm` takes: any `createLlm` option, plus the config and the fake's default reply. */
export interface TestLlmOptions extends Partial<Omit<LlmOptions, 'config'>> {
  apiKey?: string;
  /** Where the SDK sends requests; the fake's URL unless a test wants nothing listening. */
  baseUrl?: string;
  model?: string;
  /** What the fake answers when nothing is enqueued. */
  defaultReply?: Script;
}

/** A running LLM layer, its fake, its store and its log lines. */
export interface TestLlm {
  fake: OpenAiFake;
  store: Store;
  llm: Llm;
  lines: string[];
  /** Closes the fake and the store. */
  stop(): Promise<void>;
}

/** Starts the fake, an in-memory store and the LLM layer on them. */
export async function startTestLlm(options: TestLlmOptions = {}): Promise<TestLlm> {
  const { apiKey = TEST_OPENAI_KEY, baseUrl, model, defaultReply, ...rest } = options;
  const fake = await startOpenAiFake({ default: defaultReply });
  const { logger, lines } = captureLogger();
  const store = await createStore({ dataDir: ':memory:', logger });
  const llm = createLlm({
    config: { apiKey, baseUrl: baseUrl ?? fake.url, model },
    logger,
    store,
    kb: realKnowledge().kb,
    clock: () => new Date(),
    timeoutMs: 1_000,
    // A retry would hide which scripted reply a request got; the tests of retries ask for them.
    maxRetries: 0,
    ...rest,
  });
  if (!llm) throw new Error('expected an LLM');
  return {
    fake,
    store,
    llm,
    lines,
    stop: async () => {
      await fake.close();
      // A test may have closed the store itself, to stand for a store that is down.
      await store.close().catch(() => {});
    },
  };
}

/** One LLM for a whole test file, its fake's records cleared before each test; returns getters for its parts. */
export function useTestLlm(options: TestLlmOptions = {}): { fake: () => OpenAiFake; llm: () => Llm } {
  const current = useRig(() => startTestLlm(options), 'LLM');
  return { fake: () => current().fake, llm: () => current().llm };
}

/** A starter for LLMs made inside tests (each with its own options), every one stopped after its test. */
export function useTestLlms(): (options?: TestLlmOptions) => Promise<TestLlm> {
  const started: TestLlm[] = [];
  afterEach(async () => {
    for (const t of started.splice(0)) await t.stop();
  });
  return async (options) => {
    const t = await startTestLlm(options);
    started.push(t);
    return t;
  };
}

/** One model fake for a whole test file, its queue and records cleared before each test; returns a getter. */
export function useModel(): () => OpenAiFake {
  const current = useRig(async () => {
    const fake = await startOpenAiFake();
    return { fake, stop: () => fake.close() };
  }, 'model');
  return () => current().fake;
}

/**
 * A platform rig for a whole test file with the LLM layer on, against its own model fake; both fakes'
 * records are cleared before each test. `start` gets the environment that points the bot at the fake.
 */
export function useModelRig<R extends { fake: { reset(): void }; stop(): Promise<void> }>(
  start: (env: Record<string, string>) => Promise<R>,
  options: { timeoutMs: number },
): { model: () => OpenAiFake; rig: () => R } {
  const model = useModel();
  // Registered after the model, so it starts after it (and, hooks after tests running in reverse, stops first).
  const rig = useRig(() => start(llmTestEnv(model().url, options)), 'platform');
  return { model, rig };
}
