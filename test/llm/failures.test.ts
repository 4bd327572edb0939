/** Every way a model call can fail ends in a fallback reason, within the configured deadline. */
import { describe, expect, it } from 'vitest';
import { fakeReply } from '../harness/openai-fake.ts';
import { type TestLlmOptions, useTestLlms } from '../helpers/llm.ts';

const GROUNDED = 'Startups mostly hire contractors [employment/contractors].';
const startLlm = useTestLlms();

async function rig(options: TestLlmOptions = {}) {
  const { fake, llm, store } = await startLlm({ apiKey: 'sk-test-failures-0000000000', timeoutMs: 300, ...options });
  let n = 0;
  const ask = (onDelta?: (text: string) => void) =>
    llm.followUp(
      {
        question: `who hires contractors? (${++n})`,
        entries: ['employment'],
        turns: [],
        userKey: 'u',
        conversationKey: 'c',
      },
      { onDelta },
    );
  return { fake, llm, ask, store };
}

describe('followUp failures', () => {
  it('gives up on a slow model at the configured deadline', async () => {
    const { fake, ask } = await rig();
    fake.enqueue(fakeReply.slow(2_000, GROUNDED));
    const started = performance.now();
    const result = await ask();
    const elapsed = performance.now() - started;
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(600);
  });

  it('gives up on a stream that stalls, at the same deadline', async () => {
    const { fake, ask } = await rig();
    fake.enqueue({ text: `${GROUNDED} ${'More words here. '.repeat(20)}`, chunkDelayMs: 40 });
    const started = performance.now();
    const result = await ask(() => {});
    expect(result).toMatchObject({ ok: false, reason: 'timeout' });
    expect(performance.now() - started).toBeLessThan(600);
  });

  it('falls back on 429 after the configured retries, honouring a short Retry-After', async () => {
    const { fake, ask } = await rig({ maxRetries: 1, timeoutMs: 2_000 });
    fake.enqueue(fakeReply.rateLimited(0), fakeReply.rateLimited(0));
    expect(await ask()).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(fake.chats()).toHaveLength(2);
  });

  it('does not wait out a long Retry-After: one request, then the fallback', async () => {
    const { fake, ask } = await rig({ maxRetries: 2, timeoutMs: 2_000 });
    fake.enqueue(fakeReply.rateLimited(30));
    const started = performance.now();
    expect(await ask()).toMatchObject({ ok: false, reason: 'rate_limited' });
    expect(fake.chats()).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(500);
  });

  it('answers when a retry after 429 succeeds', async () => {
    const { fake, ask } = await rig({ maxRetries: 1, timeoutMs: 2_000 });
    fake.enqueue(fakeReply.rateLimited(0), fakeReply.text(GROUNDED));
    expect(await ask()).toMatchObject({ ok: true });
  });

  it('falls back on a server error', async () => {
    const { fake, ask } = await rig();
    fake.enqueue(fakeReply.serverError(500));
    expect(await ask()).toMatchObject({ ok: false, reason: 'error', detail: 'http 500' });
  });

  it.each([false, true])('falls back on malformed JSON (streaming: %s)', async (streaming) => {
    const { fake, ask } = await rig();
    fake.enqueue(fakeReply.malformed());
    expect(await ask(streaming ? () => {} : undefined)).toMatchObject({
      ok: false,
      reason: 'error',
      detail: 'malformed response',
    });
  });

  it('falls back when nothing listens at the base URL', async () => {
    const { ask } = await rig({ baseUrl: 'http://127.0.0.1:9/v1' });
    expect(await ask()).toMatchObject({ ok: false, reason: 'error', detail: 'connection' });
  });

  it('falls back when the answer was cut off at the token cap', async () => {
    const { fake, ask } = await rig();
    fake.enqueue(fakeReply.text(GROUNDED, { finishReason: 'length' }));
    expect(await ask()).toMatchObject({ ok: false, reason: 'error' });
  });

  it('issue 10: falls back when a server ignores the token cap and returns a huge answer in one piece', async () => {
    const { fake, ask } = await rig({ timeoutMs: 5_000 });
    fake.enqueue(fakeReply.text(`${GROUNDED} `.repeat(20_000)));
    expect(await ask()).toMatchObject({ ok: false, reason: 'error', detail: 'answer too long' });
  });

  it('falls back without calling the model when the budget store is down', async () => {
    const { fake, ask, store } = await rig();
    await store.close();
    expect(await ask()).toMatchObject({ ok: false, reason: 'error', detail: 'budget store unavailable' });
    expect(fake.chats()).toHaveLength(0);
  });

  it('stops when the caller aborts', async () => {
    const { fake, llm } = await rig({ timeoutMs: 2_000 });
    fake.enqueue(fakeReply.slow(1_000, GROUNDED));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const result = await llm.followUp(
      { question: 'who hires?', entries: ['employment'], turns: [], userKey: 'u', conversationKey: 'c' },
      { signal: controller.signal },
    );
    expect(result).toMatchObject({ ok: false, reason: 'error', detail: 'aborted' });
  });
});
