/** Daily budgets: per user and global, on calls and on tokens, kept in the store until the UTC day ends. */
import { describe, expect, it } from 'vitest';
import { fakeReply } from '../harness/openai-fake.ts';
import { type TestLlmOptions, useTestLlms } from '../helpers/llm.ts';

const GROUNDED = 'Startups mostly hire contractors [employment/contractors].';
const startLlm = useTestLlms();

async function rig(options: TestLlmOptions = {}) {
  const { fake, llm, store } = await startLlm({
    apiKey: 'sk-test-budget-0000000000',
    defaultReply: fakeReply.text(GROUNDED, { usage: { prompt: 80, completion: 20 } }),
    timeoutMs: 2_000,
    ...options,
  });
  let n = 0;
  const ask = (userKey: string, question = `who hires contractors? (${++n})`) =>
    llm.followUp({ question, entries: ['employment'], turns: [], userKey, conversationKey: 'c' });
  return { fake, ask, store };
}

describe('followUp budgets', () => {
  it('stops a user at the daily call limit with a notice, and leaves others alone', async () => {
    const { fake, ask } = await rig({ limits: { userDailyCalls: 2 } });
    expect((await ask('alice')).ok).toBe(true);
    expect((await ask('alice')).ok).toBe(true);
    const third = await ask('alice');
    expect(third).toMatchObject({ ok: false, reason: 'budget', detail: 'user calls' });
    expect(!third.ok && third.notice).toMatch(/today.*knowledge base/);
    expect((await ask('bob')).ok).toBe(true);
    expect(fake.chats()).toHaveLength(3);
  });

  it('stops everyone at the global call limit', async () => {
    const { ask } = await rig({ limits: { globalDailyCalls: 2 } });
    await ask('alice');
    await ask('bob');
    const third = await ask('carol');
    expect(third).toMatchObject({ ok: false, reason: 'budget', detail: 'global calls' });
    expect(!third.ok && third.notice).toMatch(/paused for today/);
  });

  it('stops a user once their tokens for the day are spent', async () => {
    const { ask } = await rig({ limits: { userDailyTokens: 150 } });
    expect((await ask('alice')).ok).toBe(true);
    expect((await ask('alice')).ok).toBe(true);
    expect(await ask('alice')).toMatchObject({ ok: false, reason: 'budget', detail: 'user tokens' });
    expect((await ask('bob')).ok).toBe(true);
  });

  it('stops everyone once the global tokens for the day are spent', async () => {
    const { ask } = await rig({ limits: { globalDailyTokens: 100 } });
    expect((await ask('alice')).ok).toBe(true);
    expect(await ask('bob')).toMatchObject({ ok: false, reason: 'budget', detail: 'global tokens' });
  });

  it('serves cached answers without spending budget, even when it is spent', async () => {
    const { fake, ask } = await rig({ limits: { userDailyCalls: 1 } });
    expect((await ask('alice', 'who hires contractors?')).ok).toBe(true);
    expect(await ask('alice', 'Who hires contractors')).toMatchObject({ ok: true, cached: true });
    expect(await ask('alice', 'something new')).toMatchObject({ ok: false, reason: 'budget' });
    expect(fake.chats()).toHaveLength(1);
  });

  it('never exceeds a call limit under concurrent follow-ups', async () => {
    const { fake, ask } = await rig({ limits: { userDailyCalls: 3 } });
    const results = await Promise.all(Array.from({ length: 8 }, () => ask('alice')));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'budget')).toHaveLength(5);
    expect(fake.chats()).toHaveLength(3);
  });

  it('starts a fresh allowance on the next UTC day', async () => {
    let now = new Date('2025-06-01T00:00:05Z');
    const { ask } = await rig({ limits: { userDailyCalls: 1 }, clock: () => now });
    expect((await ask('alice')).ok).toBe(true);
    expect(await ask('alice')).toMatchObject({ ok: false, reason: 'budget' });
    now = new Date('2025-06-02T00:00:05Z');
    expect((await ask('alice')).ok).toBe(true);
  });

  it('keeps counts in the store under keys that expire with the day', async () => {
    const { ask, store } = await rig({ clock: () => new Date('2025-06-01T12:00:00Z') });
    await ask('alice');
    expect(await store.get('llm:tokens:user:alice:2025-06-01')).toBe(100);
    expect(await store.get('llm:tokens:global:2025-06-01')).toBe(100);
    expect(await store.get('llm:calls:user:alice:2025-06-01')).toBe(1);
  });
});
