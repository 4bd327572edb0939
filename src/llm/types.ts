/** The LLM layer's public surface: what callers pass in and what they get back. */

import type { Config } from '../config.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Entry } from '../knowledge/schema.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { IntentId, Reply, Turn } from '../types.ts';
import type { Limits } from './budget.ts';
import type { Usage } from './client.ts';

/** Why a follow-up was not written by the model; the caller then gives the knowledge-base answer. */
export type FallbackReason =
  | 'injection'
  | 'timeout'
  | 'error'
  | 'rate_limited'
  | 'invented_figure'
  | 'off_topic'
  | 'empty'
  | 'budget';

/** The outcome of a follow-up. On `ok: false`, show `notice` (when set) above the KB answer. */
export type FollowUpResult =
  | { ok: true; reply: Reply; usage: Usage; cached: boolean; modelMs: number }
  | { ok: false; reason: FallbackReason; notice?: string; detail?: string };

/** One follow-up question with what the model may use to answer it. */
export interface FollowUpInput {
  question: string;
  /** The relevant entries, most relevant first, as entries or entry/intent ids; at most four are used. */
  entries: readonly (Entry | string)[];
  /** The conversation so far, oldest first; the last few are sent. */
  turns: readonly Turn[];
  /** Counts against this user's daily budget. */
  userKey: string;
  /** For logs only. */
  conversationKey: string;
}

/** Per-call options. */
export interface FollowUpOptions {
  /**
   * Streams the answer: called with the text so far (citations rendered) as it arrives. Streamed text
   * is provisional: the finished answer is checked like any other, and when the result is not `ok` the
   * adapter must replace what it streamed with the knowledge-base answer. Streaming stops early once
   * the text so far already fails a check (a leak, an invented figure).
   */
  onDelta?: (textSoFar: string) => void;
  /** Cancels the call; the result is then `error` with detail `aborted`. */
  signal?: AbortSignal;
}

/** The optional LLM layer. */
export interface Llm {
  /** The model in use, for logs and the footer. */
  readonly model: string;
  /** Answers a follow-up grounded in the given entries, or says why the caller should fall back. */
  followUp(input: FollowUpInput, options?: FollowUpOptions): Promise<FollowUpResult>;
  /**
   * Picks the intent `text` is about from `candidates` (structured output restricted to them);
   * undefined on any error, timeout, exhausted budget or a pick outside the candidates.
   */
  pickIntent(text: string, candidates: readonly IntentId[]): Promise<IntentId | undefined>;
}

/** Options for `createLlm`. Only `config.apiKey` turns the layer on. */
export interface LlmOptions {
  config: Pick<Config['openai'], 'apiKey' | 'baseUrl' | 'model'>;
  logger: Logger;
  store: Store;
  kb: KnowledgeBase;
  clock: () => Date;
  /** Deadline for a whole call, retries and streaming included (LLM_TIMEOUT_MS; default 8000). */
  timeoutMs?: number;
  /** Daily limits (LLM_USER_DAILY_CALLS, LLM_GLOBAL_DAILY_CALLS, LLM_USER_DAILY_TOKENS, LLM_GLOBAL_DAILY_TOKENS). */
  limits?: Partial<Limits>;
  /** SDK retries on 429/5xx/connection errors (default 1); retries stay inside `timeoutMs`. */
  maxRetries?: number;
  /** Longest Retry-After worth waiting for before giving up (default 2000 ms). */
  maxRetryWaitMs?: number;
  /** Cap on answer length in tokens (default 400). */
  maxAnswerTokens?: number;
  /** How many recent turns the model sees (default 6). */
  maxTurns?: number;
  /** Further secret values that must never appear in an answer (platform tokens); the API key always counts. */
  secrets?: readonly string[];
}
