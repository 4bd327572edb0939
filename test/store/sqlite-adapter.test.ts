import keyvTestSuite, { keyvIteratorTests } from '@keyv/test-suite';
import Keyv from 'keyv';
import * as vitestModule from 'vitest';
import { afterAll, describe, expect, it } from 'vitest';
import { KeyvNodeSqlite } from '../../src/store/sqlite-adapter.ts';
import { createStore } from '../../src/store/store.ts';
import { captureLogger, tempDir } from '../helpers/context.ts';

// @keyv/test-suite is typed against the vitest 4 it bundles; the runtime API it uses is the same in vitest 5.
const vitest = vitestModule as unknown as Parameters<typeof keyvTestSuite>[0];

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('KeyvNodeSqlite passes keyv’s own @keyv/test-suite', () => {
  let n = 0;
  const store = () => new KeyvNodeSqlite({ path: `${dir}/suite-${n++}.sqlite` });
  keyvTestSuite(vitest, Keyv, store);
  keyvIteratorTests(vitest, Keyv, store);
});

describe('embedded store', () => {
  it('keeps values across a restart in DATA_DIR', async () => {
    const { logger } = captureLogger();
    const first = await createStore({ dataDir: `${dir}/data`, logger });
    await first.set('viability:test:U1', { verdict: 'promising' });
    await first.close();
    const second = await createStore({ dataDir: `${dir}/data`, logger });
    expect(await second.get('viability:test:U1')).toEqual({ verdict: 'promising' });
    await second.close();
  });

  it('forgets a value once its TTL has passed', async () => {
    const { logger } = captureLogger();
    const store = await createStore({ dataDir: ':memory:', logger });
    await store.set('k', 'v', 30);
    expect(await store.get('k')).toBe('v');
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.get('k')).toBeUndefined();
    await store.close();
  });

  it('claims a key once until its TTL passes, then lets it be claimed again', async () => {
    const { logger } = captureLogger();
    const store = await createStore({ dataDir: `${dir}/claims`, logger });
    expect(await store.claim('slack:event:Ev1', 40)).toBe(true);
    expect(await store.claim('slack:event:Ev1', 40)).toBe(false);
    expect(await store.claim('slack:event:Ev2', 40)).toBe(true);
    await new Promise((r) => setTimeout(r, 60));
    expect(await store.claim('slack:event:Ev1', 40)).toBe(true);
    await store.close();
  });

  it('releases a claim only for the token that holds it', async () => {
    const { logger } = captureLogger();
    const store = await createStore({ dataDir: `${dir}/release`, logger });
    expect(await store.claim('jobs:lock', 10_000, 'owner-a')).toBe(true);
    expect(await store.release('jobs:lock', 'owner-b')).toBe(false);
    expect(await store.claim('jobs:lock', 10_000, 'owner-b')).toBe(false);
    expect(await store.release('jobs:lock', 'owner-a')).toBe(true);
    expect(await store.claim('jobs:lock', 10_000, 'owner-b')).toBe(true);
    await store.close();
  });

  it('treats keys containing LIKE wildcards literally when clearing a namespace', async () => {
    const adapter = new KeyvNodeSqlite({ path: ':memory:' });
    const a = new Keyv({ store: adapter, namespace: 'a_b' });
    await a.set('x', 1);
    const other = new Keyv({ store: new KeyvNodeSqlite({ path: ':memory:' }), namespace: 'axb' });
    await other.set('y', 2);
    await a.clear();
    expect(await a.get('x')).toBeUndefined();
    expect(await other.get('y')).toBe(2);
  });
});
