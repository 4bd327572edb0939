/**
 * The optional LLM layer: follow-up answers written by a model from knowledge-base entries, cited,
 * checked and bounded. Off unless OPENAI_API_KEY is set; every failure is a fallback reason, and the
 * caller then gives the knowledge-base answer, so the bot works the same without a model.
 */

import { cleanInput } from '../input.ts';
import type { Entry } from '../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import { createSafeStore } from '../store/safe-store.ts';
import type { Turn } from '../types.ts';
import { buildAnswerReply, groundIn, judgeAnswer, streamGate } from './answer.ts';
import { budgetNotice, createBudget, DEFAULT_LIMITS } from './budget.ts';
import { cacheKey, createAnswerCache } from './cache.ts';
import { createModelClient, DEFAULT_MODEL, type Usage } from './client.ts';
import { createPickIntent } from './intent.ts';
import { buildMessages } from './prompt.ts';
import { screenInput } from './screen.ts';
import type { FallbackReason, FollowUpInput, FollowUpOptions, FollowUpResult, Llm, LlmOptions } from './types.ts';

export type * from './types.ts';

/** Longest a follow-up may take before the KB answer is given instead. */
export const DEFAULT_TIMEOUT_MS = 8_000;
const MAX_ENTRIES = 4;
const MAX_TURN_CHARS = 500;
const NO_USAGE: Usage = { prompt: 0, completion: 0, total: 0 };
// A token is about four characters; past ten per token the server is not honouring the token cap.
const MAX_CHARS_PER_TOKEN = 10;

function deliver(onDelta: (text: string) => void, text: string, log: Logger): void {
  try {
    onDelta(text);
  } catch (err) {
    log.warn({ err }, 'onDelta failed');
  }
}

/** Creates the LLM layer, or returns null when no API key is configured. */
export function createLlm(options: LlmOptions): Llm | null {
  const { config, logger, store, kb, clock } = options;
  if (!config.apiKey) return null;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A local server rarely serves the default model; its 404 would otherwise only show on the first question.
  if (config.baseUrl && !config.model) {
    logger.warn(
      { model: DEFAULT_MODEL },
      `OPENAI_MODEL is unset: ${DEFAULT_MODEL} will be asked for at OPENAI_BASE_URL; set OPENAI_MODEL to the model that server serves`,
    );
  }
  const maxTurns = options.maxTurns ?? 6;
  const client = createModelClient({
    config: { ...config, apiKey: config.apiKey },
    logger,
    timeoutMs,
    maxRetries: options.maxRetries ?? 1,
    maxRetryWaitMs: options.maxRetryWaitMs ?? 2_000,
  });
  const budget = createBudget(store, clock, { ...DEFAULT_LIMITS, ...options.limits });
  const cache = createAnswerCache(createSafeStore(store, logger), clock);
  const secrets = [config.apiKey, ...(options.secrets ?? [])];

  function resolveEntries(refs: FollowUpInput['entries']): Entry[] {
    const all = [...kb.entries.values()];
    const found = refs.map((r) => (typeof r === 'string' ? all.find((e) => e.id === r || e.intent === r) : r));
    return [...new Map(found.filter((e) => e !== undefined).map((e) => [e.id, e])).values()].slice(0, MAX_ENTRIES);
  }

  // Earlier user turns are untrusted too: an attack the router refused is still in the memory.
  function recentTurns(turns: readonly Turn[]): Pick<Turn, 'role' | 'text'>[] {
    return turns.slice(-maxTurns).map((t) => ({
      role: t.role,
      text: t.role === 'user' && screenInput(t.text) ? '(message withheld)' : t.text.slice(0, MAX_TURN_CHARS),
    }));
  }

  async function followUp(input: FollowUpInput, opts: FollowUpOptions = {}): Promise<FollowUpResult> {
    const started = performance.now();
    const log = logger.child({ conversation: input.conversationKey, model: client.model });
    const fail = (reason: FallbackReason, detail?: string, notice?: string): FollowUpResult => {
      log.warn({ reason, detail, ms: Math.round(performance.now() - started) }, 'llm follow-up fell back');
      return { ok: false, reason, ...(detail ? { detail } : {}), ...(notice ? { notice } : {}) };
    };
    const entries = resolveEntries(input.entries);
    if (entries.length === 0) return fail('off_topic', 'no knowledge entries given');
    const question = cleanInput(input.question);
    if (question.empty || question.noWords) return fail('empty', 'no question');
    // The whole original text is screened: cleanInput keeps only the head and tail of long messages.
    const attack = screenInput(input.question);
    if (attack) return fail('injection', attack);

    const turns = recentTurns(input.turns);
    const key = cacheKey({
      question: question.text,
      entryIds: entries.map((e) => e.id),
      kbVersion: kb.version,
      model: client.model,
      turns,
    });
    const cached = await cache.get(key);
    if (cached) {
      log.info({ cached: true, entryIds: cached.reply.entryIds }, 'llm follow-up answered');
      if (opts.onDelta) deliver(opts.onDelta, cached.reply.body, log);
      return { ok: true, reply: cached.reply, usage: NO_USAGE, cached: true, modelMs: 0 };
    }

    try {
      const refusal = await budget.reserve(input.userKey);
      if (refusal) return fail('budget', `${refusal.scope} ${refusal.kind}`, budgetNotice(refusal));
    } catch (err) {
      // Without the store the budget cannot be kept, so no money is spent.
      log.warn({ err }, 'llm budget unavailable');
      return fail('error', 'budget store unavailable');
    }

    const g = groundIn(kb, entries, secrets);
    const maxTokens = options.maxAnswerTokens ?? 400;
    const outcome = await client.call({
      messages: buildMessages({ kb, entries, turns, question: question.text }),
      maxTokens,
      maxChars: maxTokens * MAX_CHARS_PER_TOKEN,
      signal: opts.signal,
      onText: opts.onDelta ? streamGate(opts.onDelta, g, (err) => log.warn({ err }, 'onDelta failed')) : undefined,
    });
    const { usage } = outcome;
    log.info(
      {
        prompt: usage.prompt,
        completion: usage.completion,
        total: usage.total,
        estimated: !outcome.ok || outcome.usageEstimated,
      },
      'llm tokens used',
    );
    await budget
      .record(input.userKey, usage.total)
      .catch((err: unknown) => log.warn({ err }, 'llm tokens not recorded'));
    if (!outcome.ok) return fail(outcome.reason, outcome.detail);

    const verdict = judgeAnswer(outcome.text, g);
    if (verdict) return fail(...verdict);
    if (outcome.stopped) return fail('error', 'stream stopped early');
    if (outcome.finishReason === 'length') return fail('error', 'answer cut off at the token cap');
    const reply = buildAnswerReply(outcome.text, g);
    await cache.set(key, reply);
    // Streamed text trails the model by a few words; the checked answer is the last word.
    if (opts.onDelta) deliver(opts.onDelta, reply.body, log);
    log.info(
      {
        cached: false,
        entryIds: reply.entryIds,
        modelMs: Math.round(outcome.modelMs),
        ms: Math.round(performance.now() - started),
      },
      'llm follow-up answered',
    );
    return { ok: true, reply, usage, cached: false, modelMs: outcome.modelMs };
  }

  return { model: client.model, followUp, pickIntent: createPickIntent({ client, budget, logger }) };
}
