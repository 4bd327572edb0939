import KeyvRedis from '@keyv/redis';
import keyvTestSuite from '@keyv/test-suite';
import Keyv from 'keyv';
import * as vitestModule from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.ts';
import { captureLogger, createTestBot, message } from '../helpers/context.ts';
import { type RedisServer, startRedis } from '../helpers/redis-server.ts';

// @keyv/test-suite is typed against the vitest 4 it bundles; the runtime API it uses is the same in vitest 5.
const vitest = vitestModule as unknown as Parameters<typeof keyvTestSuite>[0];

let redis: RedisServer;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => {
  await redis?.stop();
});

describe('@keyv/redis against a real redis-server passes @keyv/test-suite', () => {
  const adapters: KeyvRedis<unknown>[] = [];
  afterAll(async () => {
    await Promise.all(adapters.map((a) => a.disconnect().catch(() => undefined)));
  });
  keyvTestSuite(vitest, Keyv, () => {
    const adapter = new KeyvRedis(redis.url);
    adapters.push(adapter);
    return adapter;
  });
});

describe('Store on Redis (REDIS_URL)', () => {
  it('shares state between two bot processes on the same Redis', async () => {
    const { logger } = captureLogger();
    const storeA = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    const storeB = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    expect(storeA.kind).toBe('redis');
    const a = await createTestBot({ store: storeA });
    const b = await createTestBot({ store: storeB });
    const first = await a.bot.handle(message('/viability', { kind: 'direct' }));
    expect(first.title).toMatch(/question 1 of/i);
    // The second replica continues the same questionnaire: the state lives in Redis.
    const second = await b.bot.handle(message('1', { kind: 'direct' }));
    expect(second.title).toMatch(/question 2 of/i);
    await storeA.close();
    await storeB.close();
  });

  it('lets exactly one of two replicas claim the same event id', async () => {
    const { logger } = captureLogger();
    const a = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    const b = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    const results = await Promise.all([a.claim('slack:event:EvR', 10_000), b.claim('slack:event:EvR', 10_000)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    await a.close();
    await b.close();
  });

  it('releases a claim across replicas only with the token that holds it', async () => {
    const { logger } = captureLogger();
    const a = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    const b = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger });
    expect(await a.claim('jobs:lock', 10_000, 'token-a')).toBe(true);
    expect(await b.release('jobs:lock', 'token-b')).toBe(false);
    expect(await b.claim('jobs:lock', 10_000, 'token-b')).toBe(false);
    expect(await a.release('jobs:lock', 'token-a')).toBe(true);
    expect(await b.claim('jobs:lock', 10_000, 'token-b')).toBe(true);
    await a.close();
    await b.close();
  });

  it('keeps answering when Redis goes away, and logs the store failure', async () => {
    const own = await startRedis();
    const { logger } = captureLogger();
    const store = await createStore({ dataDir: ':memory:', redisUrl: own.url, logger });
    const { bot, lines } = await createTestBot({ store });
    expect((await bot.handle(message('how much do prompt engineers make?'))).kind).toBe('answer');
    await own.stop();
    const reply = await bot.handle(message('how much do prompt engineers make?'));
    expect(reply.kind).toBe('answer');
    expect(reply.facts.length).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/store (read|write) failed/);
    await store.close().catch(() => undefined);
  });
});
