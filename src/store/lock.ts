/**
 * A short mutual-exclusion lock on top of the store's atomic claim: for read-modify-write updates of
 * shared records (the subscription list) that two replicas might make at the same moment.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BotError } from '../errors.ts';
import type { Store } from './store.ts';

/** Raised when a lock stays taken for longer than the caller is willing to wait. */
export class LockTimeoutError extends BotError {
  constructor(message: string) {
    super('LOCK_TIMEOUT', message);
  }
}

/** Options for `withLock`: how long a holder may keep it, and how long to wait for it. */
export interface LockOptions {
  ttlMs?: number;
  waitMs?: number;
}

/** Runs `fn` while holding `lock:<name>`; the lock expires by itself if the holder dies. */
export async function withLock<T>(store: Store, name: string, fn: () => Promise<T>, options: LockOptions = {}) {
  const { ttlMs = 10_000, waitMs = 5_000 } = options;
  const key = `lock:${name}`;
  const token = randomUUID();
  const deadline = Date.now() + waitMs;
  let delay = 10;
  while (!(await store.claim(key, ttlMs, token))) {
    if (Date.now() >= deadline) throw new LockTimeoutError(`lock ${name} is busy`);
    await sleep(delay);
    delay = Math.min(delay * 2, 200);
  }
  try {
    return await fn();
  } finally {
    await store.release(key, token).catch(() => undefined);
  }
}
