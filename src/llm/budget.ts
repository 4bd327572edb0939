/**
 * Daily limits on model calls and tokens, per user and for the whole bot, kept in the store under
 * keys that expire at the end of the UTC day. Calls are counted with `claim()`, which is atomic in
 * both stores, so concurrent replicas never exceed a call limit. Tokens are only known after an
 * answer, so they are added with a read-modify-write: concurrent answers can overshoot a token limit
 * by at most what the answers in flight use, which the call limits and `max_completion_tokens` bound.
 */
import type { Store } from '../store/store.ts';

/** Daily limits; the lead wires them to LLM_USER_DAILY_CALLS and friends. */
export interface Limits {
  userDailyCalls: number;
  globalDailyCalls: number;
  userDailyTokens: number;
  globalDailyTokens: number;
}

/** Generous for one person, small enough that a runaway loop cannot run up a bill. */
export const DEFAULT_LIMITS: Limits = {
  userDailyCalls: 40,
  globalDailyCalls: 2_000,
  userDailyTokens: 60_000,
  globalDailyTokens: 3_000_000,
};

/** Which limit stopped a call. */
export interface BudgetRefusal {
  scope: 'user' | 'global';
  kind: 'calls' | 'tokens';
}

/** Spends and checks the daily budget. */
export interface Budget {
  /** Takes one call from the user's (if given) and the global allowance, or says which limit is reached. */
  reserve(userKey: string | undefined): Promise<BudgetRefusal | undefined>;
  /** Adds the tokens an answer used. */
  record(userKey: string | undefined, tokens: number): Promise<void>;
}

/** `YYYY-MM-DD` in UTC, and the milliseconds left until that day ends (at least one second). */
export function utcDay(now: Date): { day: string; msLeft: number } {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
  return { day: now.toISOString().slice(0, 10), msLeft: Math.max(1_000, end - now.getTime()) };
}

/** Creates the budget over a store; store errors propagate so the caller can fail closed. */
export function createBudget(store: Store, clock: () => Date, limits: Limits): Budget {
  const scopes = (userKey: string | undefined) => [
    ...(userKey === undefined ? [] : [{ scope: 'user' as const, id: `user:${userKey}` }]),
    { scope: 'global' as const, id: 'global' },
  ];
  const limit = (scope: 'user' | 'global', kind: 'calls' | 'tokens') =>
    limits[`${scope}Daily${kind === 'calls' ? 'Calls' : 'Tokens'}`];

  /**
   * Claims the lowest free call slot below the limit. The stored count is only a hint of where to
   * start; the claim on `slot:n` is what makes each slot go to exactly one caller.
   */
  async function claimSlot(id: string, max: number, day: string, ttl: number): Promise<boolean> {
    const hintKey = `llm:calls:${id}:${day}`;
    for (let n = (await store.get<number>(hintKey)) ?? 0; n < max; n += 1) {
      if (await store.claim(`llm:call:${id}:${day}:${n}`, ttl)) {
        await store.set(hintKey, n + 1, ttl);
        return true;
      }
    }
    return false;
  }

  return {
    async reserve(userKey) {
      const { day, msLeft } = utcDay(clock());
      const all = scopes(userKey);
      for (const { scope, id } of all) {
        const used = (await store.get<number>(`llm:tokens:${id}:${day}`)) ?? 0;
        if (used >= limit(scope, 'tokens')) return { scope, kind: 'tokens' };
      }
      // A user slot taken before the global claim fails stays spent: one wasted call at the day's cap.
      for (const { scope, id } of all) {
        if (!(await claimSlot(id, limit(scope, 'calls'), day, msLeft))) return { scope, kind: 'calls' };
      }
      return undefined;
    },
    async record(userKey, tokens) {
      if (tokens <= 0) return;
      const { day, msLeft } = utcDay(clock());
      for (const { id } of scopes(userKey)) {
        const key = `llm:tokens:${id}:${day}`;
        await store.set(key, ((await store.get<number>(key)) ?? 0) + tokens, msLeft);
      }
    },
  };
}

/** What the user is told when a limit stops a written follow-up; the caller shows the KB answer with it. */
export function budgetNotice(refusal: BudgetRefusal): string {
  return refusal.scope === 'user'
    ? 'You have used today’s written follow-ups, so here is the answer from the knowledge base. They reset at midnight UTC.'
    : 'Written follow-ups are paused for today, so here is the answer from the knowledge base. They resume at midnight UTC.';
}
