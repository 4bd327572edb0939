/**
 * All state goes through one keyv instance: the embedded SQLite file by default, Redis when
 * `REDIS_URL` is set. Callers use the small `Store` facade and the key builders in `keys`.
 */
import Keyv from 'keyv';
import { BotError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { openSqliteStore } from './open-sqlite.ts';

/** The store as the rest of the core sees it. Values are JSON-serialisable. */
export interface Store {
  readonly kind: 'sqlite' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /**
   * Atomically takes `key` for `ttlMs`: true for the first caller, false while the claim lives. Used to
   * answer an event once even when it is delivered again, to another replica.
   */
  claim(key: string, ttlMs: number, token?: string): Promise<boolean>;
  /** Ends a claim early, only if `token` (given to `claim`) still holds it; used for short locks. */
  release(key: string, token: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Key builders, so every key shape is defined once. */
export const keys = {
  viability: (userKey: string) => `viability:${userKey}`,
  questionnaire: (conversationKey: string) => `questionnaire:${conversationKey}`,
  conversation: (conversationKey: string) => `conversation:${conversationKey}`,
};

/** Longest a store call may take; a Redis that went away must not hang a reply. */
export const STORE_TIMEOUT_MS = 2_000;

/** Raised when the store does not answer within `STORE_TIMEOUT_MS`. */
export class StoreTimeoutError extends BotError {
  constructor(message: string) {
    super('STORE_TIMEOUT', message);
  }
}

function withTimeout<T>(operation: string, promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError(`store ${operation} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Options for `createStore`. */
export interface StoreOptions {
  dataDir: string;
  redisUrl?: string;
  logger: Logger;
  timeoutMs?: number;
}

/**
 * Opens the configured store. The SQLite file is `<dataDir>/careerbot.sqlite`; when it cannot be opened
 * this throws `StoreOpenError`, one line naming the path and DATA_DIR. The Redis client is
 * imported only when `REDIS_URL` is set: it adds about 25 MB to a process that does not use it.
 */
export async function createStore({
  dataDir,
  redisUrl,
  logger,
  timeoutMs = STORE_TIMEOUT_MS,
}: StoreOptions): Promise<Store> {
  const kind = redisUrl ? 'redis' : 'sqlite';
  let keyv: Keyv;
  let claim: (key: string, ttlMs: number, token?: string) => Promise<boolean>;
  let release: (key: string, token: string) => Promise<boolean>;
  const claimKey = (key: string) => `careerbot:claim:${key}`;
  if (redisUrl) {
    const { default: KeyvRedis } = await import('@keyv/redis');
    // Fail fast while disconnected instead of queueing: a reply must not wait for Redis to return.
    const adapter = new KeyvRedis(
      { url: redisUrl, disableOfflineQueue: true },
      { namespace: 'careerbot', throwOnConnectError: false, throwOnErrors: true },
    );
    keyv = new Keyv({ store: adapter, namespace: 'careerbot', useKeyPrefix: false });
    claim = async (key, ttlMs, token = '1') => {
      const client = await adapter.getClient();
      return (await client.set(claimKey(key), token, { NX: true, PX: ttlMs })) === 'OK';
    };
    release = async (key, token) => {
      const client = await adapter.getClient();
      // Compare and delete in one step on the server, so a claim re-taken by another replica survives.
      const script = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";
      return Number(await client.eval(script, { keys: [claimKey(key)], arguments: [token] })) === 1;
    };
  } else {
    const adapter = openSqliteStore(dataDir);
    keyv = new Keyv({ store: adapter, namespace: 'careerbot' });
    claim = async (key, ttlMs, token) => adapter.claim(claimKey(key), ttlMs, token);
    release = async (key, token) => adapter.release(claimKey(key), token);
  }
  keyv.throwOnErrors = true;
  // keyv also emits errors; without a listener an EventEmitter error would crash the process.
  keyv.on('error', (error: unknown) => logger.error({ err: error, store: kind }, 'store error'));
  return {
    kind,
    get: async <T>(key: string) => (await withTimeout('get', keyv.get(key), timeoutMs)) as T | undefined,
    set: async (key, value, ttlMs) => {
      await withTimeout('set', keyv.set(key, value, ttlMs), timeoutMs);
    },
    delete: (key) => withTimeout('delete', keyv.delete(key), timeoutMs),
    claim: (key, ttlMs, token) => withTimeout('claim', claim(key, ttlMs, token), timeoutMs),
    release: (key, token) => withTimeout('release', release(key, token), timeoutMs),
    close: () => withTimeout('close', keyv.disconnect(), timeoutMs),
  };
}
