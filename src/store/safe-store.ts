/**
 * Best-effort access to the store for message handling: a store that is down (a Redis restart) must
 * not stop an answer, so failures are logged and read as "no state".
 */
import type { Logger } from '../logger.ts';
import type { Store } from './store.ts';

/** The same calls as `Store`, but they never throw. */
export interface SafeStore {
  get<T>(key: string): Promise<T | undefined>;
  /** True when the value was saved; false (logged) when the store refused it. */
  set(key: string, value: unknown, ttlMs?: number): Promise<boolean>;
  delete(key: string): Promise<void>;
}

/** Wraps a store so that each failure is logged (with the key's kind, never its user part) and absorbed. */
export function createSafeStore(store: Store, logger: Logger): SafeStore {
  const kind = (key: string) => key.split(':')[0];
  return {
    async get<T>(key: string) {
      try {
        return await store.get<T>(key);
      } catch (err) {
        logger.warn({ err, key: kind(key) }, 'store read failed; continuing without state');
        return undefined;
      }
    },
    async set(key, value, ttlMs) {
      try {
        await store.set(key, value, ttlMs);
        return true;
      } catch (err) {
        logger.warn({ err, key: kind(key) }, 'store write failed; state not saved');
        return false;
      }
    },
    async delete(key) {
      try {
        await store.delete(key);
      } catch (err) {
        logger.warn({ err, key: kind(key) }, 'store delete failed');
      }
    },
  };
}
