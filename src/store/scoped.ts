/**
 * The store an adapter gets: every key it reads or writes is prefixed with its namespace (`slack:`,
 * `discord:`), so adapters can neither collide nor reach the core's own records.
 */
import type { ScopedStore } from '../ports.ts';
import type { Store } from './store.ts';

/** A view of `store` confined to keys under `<namespace>:`. */
export function createScopedStore(store: Store, namespace: string): ScopedStore {
  const key = (k: string) => `${namespace}:${k}`;
  return {
    get: (k) => store.get(key(k)),
    set: (k, value, ttlMs) => store.set(key(k), value, ttlMs),
    delete: (k) => store.delete(key(k)),
    claim: (k, ttlMs) => store.claim(key(k), ttlMs),
  };
}
