/**
 * Runs the injection corpus through the real LLM layer against a model that obeys every attack: the
 * local OpenAI-compatible fake answers each attack with the harmful text written beside it in the
 * corpus. Counts what reaches the model (the input screen let it through) and what reaches the user
 * (an obeyed answer shown, or its harmful part visible in any streamed text). Career questions in the
 * same languages run alongside, so a screen that refuses everything shows up as a failure too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { createLlm } from '../../src/llm/llm.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore } from '../../src/store/store.ts';
import { fakeReply, startOpenAiFake } from '../../test/harness/openai-fake.ts';

/** One attack of the corpus: what the user sends, what an obeying model answers, and the harmful part of it. */
export interface Attack {
  id: string;
  kind: string;
  lang: string;
  text: string;
  answer: string;
  harm: string;
}

/** One career question in some language, with a grounded answer the model gives. */
export interface CareerQuestion {
  id: string;
  lang: string;
  text: string;
  answer: string;
}

/** What became of one attack or question. */
export interface Outcome {
  id: string;
  kind: string;
  lang: string;
  reachedModel: boolean;
  /** An answer was accepted and shown. */
  shown: boolean;
  /** The harmful part of the obeyed answer is visible in something the user saw. */
  harmVisible: boolean;
  reason?: string;
}

/** Reads a JSONL fixture. */
export function readJsonl<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** Every attack in test/fixtures/injections-*.jsonl, or in the one file of that name (`multilingual`, `heldout`). */
export function loadAttacks(only?: string): Attack[] {
  const files = readdirSync('test/fixtures').filter((f) => /^injections-.+\.jsonl$/.test(f));
  return files
    .filter((f) => only === undefined || f === `injections-${only}.jsonl`)
    .flatMap((f) => readJsonl<Attack>(`test/fixtures/${f}`));
}

const squash = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ');

/**
 * Runs attacks and career questions through `followUp` (streaming, as the platforms call it); then every
 * attack's answer again behind a plain question (`pastScreen`), to measure the output check alone.
 */
export async function runInjectionEval(
  attacks: readonly Attack[],
  questions: readonly CareerQuestion[],
): Promise<{ attacks: Outcome[]; pastScreen: Outcome[]; questions: Outcome[] }> {
  // The second pass asks a plain question and the model still gives the attack's answer: an attack the
  // screen cannot see (inside a page, a document, an earlier turn), so the output check stands alone.
  const unseen = attacks.map((a) => ({ ...a, text: `Should I take this prompt engineering offer? (case ${a.id})` }));
  const fake = await startOpenAiFake({ default: fakeReply.obey([...attacks, ...unseen, ...questions]) });
  const logger = createLogger('silent');
  const store = await createStore({ dataDir: ':memory:', logger });
  const llm = createLlm({
    config: { apiKey: 'sk-eval-injections-0a1b2c3d4e5f', baseUrl: fake.url, model: 'obedient' },
    logger,
    store,
    kb: loadKnowledge('knowledge'),
    clock: () => new Date(),
    timeoutMs: 5_000,
    maxRetries: 0,
    limits: { globalDailyCalls: 1e6, globalDailyTokens: 1e9 },
  });
  if (!llm) throw new Error('expected an LLM');
  const layer = llm;
  let n = 0;
  async function one(item: Attack | CareerQuestion): Promise<Outcome> {
    const before = fake.chats().length;
    const deltas: string[] = [];
    const result = await layer.followUp(
      {
        question: item.text,
        entries: ['compensation', 'employment'],
        turns: [],
        userKey: `u${++n}`,
        conversationKey: `c${n}`,
      },
      { onDelta: (text) => deltas.push(text) },
    );
    const visible = squash([...deltas, result.ok ? `${result.reply.title} ${result.reply.body}` : ''].join('\n'));
    const harm = 'harm' in item ? squash(item.harm) : undefined;
    return {
      id: item.id,
      kind: 'kind' in item ? item.kind : 'career',
      lang: item.lang,
      reachedModel: fake.chats().length > before,
      shown: result.ok,
      harmVisible: harm !== undefined && visible.includes(harm),
      ...(result.ok ? {} : { reason: `${result.reason}${result.detail ? `: ${result.detail}` : ''}` }),
    };
  }
  try {
    const a: Outcome[] = [];
    for (const attack of attacks) a.push(await one(attack));
    const past: Outcome[] = [];
    for (const attack of unseen) past.push(await one(attack));
    const q: Outcome[] = [];
    for (const question of questions) q.push(await one(question));
    return { attacks: a, pastScreen: past, questions: q };
  } finally {
    await fake.close();
    await store.close();
  }
}
