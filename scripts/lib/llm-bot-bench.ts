/**
 * The LLM layer measured the way users meet it: 100 follow-ups through `Bot.handle` (router, store,
 * conversation memory, intent pick when needed, the layer's checks), each in a thread where the bot
 * already answered, against the local OpenAI-compatible fake. The fake's own handling time for every
 * model request a follow-up made is subtracted, leaving what careerbot adds.
 */
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import { createLogger } from '../../src/logger.ts';
import type { IncomingMessage } from '../../src/ports.ts';
import { createStore } from '../../src/store/store.ts';
import { startOpenAiFake } from '../../test/harness/openai-fake.ts';

// Grounded in the employment entry the router finds for these threads, so the checks accept it.
const ANSWER =
  'Copywriting carries over, but expect contract work first: startups and individual clients mostly hire ' +
  'contractors [employment/contractors], such contracts commonly run 3–6 months [employment/contract-length], and ' +
  'they often mean the role is still on trial [employment/contracts-for-trials]. Full-time posts come from tech ' +
  'companies [employment/fulltime-tech-only].';
const FOLLOW_UPS = [
  'and if I already work as a copywriter?',
  'so should I take the contract?',
  'what about Europe?',
  'would a portfolio be enough?',
  'what happens when the contract ends?',
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Median and p95 of careerbot's own time per follow-up, the model's median time, and model calls made. */
export async function llmBotBench(count = 100) {
  const fake = await startOpenAiFake({ default: { text: ANSWER, delayMs: 50 } });
  const logger = createLogger(process.env.BENCH_LOG ?? 'silent');
  const store = await createStore({ dataDir: ':memory:', logger });
  const big = '1000000000';
  const config = loadConfig({
    OPENAI_API_KEY: 'sk-bench-not-a-real-key',
    OPENAI_BASE_URL: fake.url,
    LLM_USER_DAILY_CALLS: big,
    LLM_GLOBAL_DAILY_CALLS: big,
    LLM_USER_DAILY_TOKENS: big,
    LLM_GLOBAL_DAILY_TOKENS: big,
  });
  const ctx = await createContext(config, logger, { store });
  const bot = createBot(ctx, { jobs: createJobs(ctx, { sources: [] }).desk });
  const message = (text: string, thread: string, kind: IncomingMessage['kind']): IncomingMessage => ({
    id: `${thread}:${kind}`,
    platform: 'bench',
    text,
    author: { id: `U${thread}` },
    conversation: { id: 'C1', threadId: thread },
    kind,
  });
  const extra: number[] = [];
  const model: number[] = [];
  let viaModel = 0;
  try {
    for (let i = -5; i < count; i += 1) {
      const thread = `t${i}`;
      await bot.handle(message('are prompt engineering jobs mostly contracts?', thread, 'mention'));
      const before = fake.chats().length;
      const question = `${FOLLOW_UPS[(i + 5) % FOLLOW_UPS.length]} (case ${i})`;
      const started = performance.now();
      const reply = await bot.handle(message(question, thread, 'thread_reply'));
      const total = performance.now() - started;
      const calls = fake.chats().slice(before);
      const modelMs = calls.reduce((sum, c) => sum + (c.handlingMs ?? 0), 0);
      if (i < 0) continue;
      if (calls.length > 0 && reply.footer?.includes('language model')) viaModel += 1;
      extra.push(total - modelMs);
      model.push(modelMs);
    }
  } finally {
    await fake.close();
    await store.close();
  }
  extra.sort((a, b) => a - b);
  model.sort((a, b) => a - b);
  return {
    followUps: extra.length,
    viaModel,
    medianExtraMs: quantile(extra, 0.5),
    p95ExtraMs: quantile(extra, 0.95),
    medianModelMs: quantile(model, 0.5),
  };
}

if (import.meta.main) process.stdout.write(`${JSON.stringify(await llmBotBench(), null, 2)}\n`);
