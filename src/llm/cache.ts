/**
 * Same-day answer cache. The key is the normalised question, the entry ids, the knowledge-base
 * version and the model, plus a digest of the conversation turns the model saw: answers speak to the
 * asker's situation ("as a copywriter..."), so two conversations share an answer only when the model
 * was shown the same thing. Two people who click the same suggested follow-ups still share one.
 */
import { createHash } from 'node:crypto';
import type { SafeStore } from '../store/safe-store.ts';
import type { Reply, Turn } from '../types.ts';
import { utcDay } from './budget.ts';

/** A stored answer. */
export interface CachedAnswer {
  reply: Reply;
  at: string;
}

/** Lowercase words only: "What about Europe?" and "what about europe" ask the same thing. */
export function normaliseQuestion(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}$€£%]+/gu, ' ')
    .trim();
}

/** Inputs that decide whether two follow-ups get the same answer. */
export interface CacheKeyInput {
  question: string;
  entryIds: readonly string[];
  kbVersion: string;
  model: string;
  turns: readonly Pick<Turn, 'role' | 'text'>[];
}

/** The store key for an answer. */
export function cacheKey(input: CacheKeyInput): string {
  const hash = createHash('sha256');
  for (const part of [
    normaliseQuestion(input.question),
    [...input.entryIds].sort().join(','),
    input.kbVersion,
    input.model,
    ...input.turns.map((t) => `${t.role}:${normaliseQuestion(t.text)}`),
  ]) {
    hash.update(part).update('\u0000');
  }
  return `llm:answer:${hash.digest('hex').slice(0, 32)}`;
}

/** Reads and writes cached answers; a store failure reads as a miss (the store logs it). */
export function createAnswerCache(memory: SafeStore, clock: () => Date) {
  return {
    get: (key: string) => memory.get<CachedAnswer>(key),
    set: (key: string, reply: Reply) =>
      memory.set(key, { reply, at: clock().toISOString() } satisfies CachedAnswer, utcDay(clock()).msLeft),
  };
}
