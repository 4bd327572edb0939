/**
 * LLM layer figure for `npm run bench`: what careerbot adds on top of the model. 100 distinct
 * follow-ups go through `createLlm(...).followUp` against the local fake, which answers after a fixed
 * delay; the fake's own handling time is subtracted per request, leaving the SDK, prompt building,
 * checks, budget and cache work. Run alone with `node scripts/lib/llm-bench.ts`.
 */
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { createLlm } from '../../src/llm/llm.ts';
import { createLogger } from '../../src/logger.ts';
import type { Turn } from '../../src/ports.ts';
import { createStore } from '../../src/store/store.ts';
import { startOpenAiFake } from '../../test/harness/openai-fake.ts';

/** The benchmark's figures, in milliseconds and tokens. */
export interface LlmBenchResult {
  answers: number;
  failed: number;
  medianExtraMs: number;
  p95ExtraMs: number;
  medianModelMs: number;
  tokensPerAnswer: { prompt: number; completion: number; total: number };
}

/** A grounded answer of typical length: three citations, figures from the entries. */
const ANSWER =
  'Coming from copywriting helps: writing and refining prompts is the core of the work [workload], and simple prompts ' +
  'are within reach without a tech background [barriers/simple-prompts-open]. Startups and individual clients mostly ' +
  'hire contractors [employment/contractors], and those contracts commonly run three to six months ' +
  '[employment/contract-length], so treat a contract as a trial of the role rather than a warning sign. For pay, most ' +
  'listings paid $70,000–$200,000 a year [compensation/listings-range]; ask what happens when the contract ends.';
const QUESTIONS = [
  'and if I already work as a copywriter?',
  'so should I take the contract?',
  'what about Europe?',
  'is the pay worth leaving a permanent job for?',
  'would a portfolio be enough to get hired?',
  'what happens when the contract ends?',
  'do agencies ever convert contractors to staff?',
  'is freelancing on Upwork a better start?',
  'how risky is this compared with staying put?',
  'what should I ask the recruiter?',
];
const CONTEXTS = [
  'today',
  'honestly',
  'in short',
  'for me',
  'right now',
  'in practice',
  'really',
  'overall',
  'then',
  'realistically',
];
const at = new Date().toISOString();
const TURNS: Turn[] = [
  { role: 'user', text: 'are prompt engineering jobs mostly contracts?', intent: 'employment', at },
  {
    role: 'bot',
    text: 'Full-time, contract or freelance: how prompt engineers are hired: tech companies hire full-time, startups hire contractors.',
    intent: 'employment',
    at,
  },
  { role: 'user', text: 'an agency offered me a contract role', intent: 'employment', at },
  { role: 'bot', text: 'Contracts commonly run three to six months and often mean the role is still on trial.', at },
];

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
const hundredths = (n: number) => Math.round(n * 100) / 100;

/** Runs `count` distinct follow-ups one after another (after a warm-up) and returns the figures. */
export async function llmBench(
  options: { count?: number; modelDelayMs?: number; stream?: boolean } = {},
): Promise<LlmBenchResult> {
  const { count = 100, modelDelayMs = 50, stream = false } = options;
  const fake = await startOpenAiFake({ default: { text: ANSWER, delayMs: modelDelayMs } });
  const logger = createLogger('silent');
  const store = await createStore({ dataDir: ':memory:', logger });
  const kb = loadKnowledge(fileURLToPath(new URL('../../knowledge', import.meta.url)));
  const big = 1_000_000_000;
  const llm = createLlm({
    config: { apiKey: 'sk-bench-not-a-real-key', baseUrl: fake.url },
    logger,
    store,
    kb,
    clock: () => new Date(),
    limits: { userDailyCalls: big, globalDailyCalls: big, userDailyTokens: big, globalDailyTokens: big },
  });
  if (!llm) throw new Error('createLlm returned null with a key');
  const ask = (question: string, i: number) =>
    llm.followUp(
      {
        question,
        entries: ['employment', 'compensation', 'barriers', 'workload'],
        turns: TURNS,
        userKey: `bench:${i % 7}`,
        conversationKey: `bench:${i}`,
      },
      stream ? { onDelta: () => {} } : {},
    );
  try {
    for (let i = 0; i < 5; i += 1) await ask(`warm-up question number ${'x'.repeat(i + 1)}`, i);
    const extra: number[] = [];
    const model: number[] = [];
    const tokens = { prompt: 0, completion: 0, total: 0 };
    let failed = 0;
    for (let i = 0; i < count; i += 1) {
      // Distinct after normalisation, so no answer comes from the cache.
      const round = i >= 100 ? ` take ${Math.floor(i / 100) + 1}` : '';
      const question = `${QUESTIONS[i % QUESTIONS.length]} (${CONTEXTS[Math.floor(i / QUESTIONS.length) % CONTEXTS.length]}${round})`;
      const started = performance.now();
      const result = await ask(question, i);
      const total = performance.now() - started;
      const handled = fake.chats().at(-1)?.handlingMs ?? 0;
      if (!result.ok || result.cached) {
        failed += 1;
        continue;
      }
      extra.push(total - handled);
      model.push(result.modelMs);
      tokens.prompt += result.usage.prompt;
      tokens.completion += result.usage.completion;
      tokens.total += result.usage.total;
    }
    extra.sort((a, b) => a - b);
    model.sort((a, b) => a - b);
    const n = Math.max(1, extra.length);
    return {
      answers: extra.length,
      failed,
      medianExtraMs: hundredths(quantile(extra, 0.5)),
      p95ExtraMs: hundredths(quantile(extra, 0.95)),
      medianModelMs: hundredths(quantile(model, 0.5)),
      tokensPerAnswer: {
        prompt: Math.round(tokens.prompt / n),
        completion: Math.round(tokens.completion / n),
        total: Math.round(tokens.total / n),
      },
    };
  } finally {
    await fake.close();
    await store.close();
  }
}

if (import.meta.main) {
  const json = await llmBench();
  const streamed = await llmBench({ stream: true });
  process.stdout.write(`${JSON.stringify({ json, streamed }, null, 2)}\n`);
}
