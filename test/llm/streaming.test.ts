/** Streaming: deltas arrive as the model writes, checks still decide, and failing text stops early. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { SYSTEM_PROMPT } from '../../src/llm/prompt.ts';
import { fakeReply } from '../harness/openai-fake.ts';
import { useTestLlm } from '../helpers/llm.ts';

const KEY = 'sk-test-streaming-77aa88bb99cc';
const LONG_ANSWER =
  'Tech companies are the only employers hiring prompt engineers as full-time staff [employment/fulltime-tech-only], ' +
  'while startups and individual clients bring people in as contractors [employment/contractors]. Contracts on Upwork ' +
  'and Indeed commonly run three to six months [employment/contract-length], and a contract often means the role is ' +
  'still on trial [employment/contracts-for-trials], so ask what happens when it ends.';

const { fake, llm } = useTestLlm({ apiKey: KEY, timeoutMs: 2_000 });
let n = 0;

async function stream(question = `should I take the contract? (${++n})`) {
  const deltas: string[] = [];
  const result = await llm().followUp(
    { question, entries: ['employment', 'compensation'], turns: [], userKey: 'u', conversationKey: 'c' },
    { onDelta: (text) => deltas.push(text) },
  );
  return { result, deltas };
}

describe('followUp streaming', () => {
  it('delivers growing deltas of whole sentences with citations rendered, then the checked answer', async () => {
    fake().enqueue(fakeReply.text(LONG_ANSWER, { usage: { prompt: 812, completion: 96 } }));
    const { result, deltas } = await stream();
    if (!result.ok) throw new Error(`fell back: ${result.reason} ${result.detail}`);
    const [request] = fake().chats();
    expect(request?.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
    expect(result.usage).toEqual({ prompt: 812, completion: 96, total: 908 });
    // Whole sentences only (issue 10): a sentence is checked complete before any of it shows.
    expect(deltas.length).toBeGreaterThanOrEqual(2);
    for (const d of deltas.slice(0, -1)) expect(d).toMatch(/[.!?]$/);
    for (let i = 1; i < deltas.length; i += 1) {
      expect(deltas[i]?.length).toBeGreaterThanOrEqual(deltas[i - 1]?.length ?? 0);
    }
    for (const d of deltas) expect(d).not.toMatch(/\[[a-z]/);
    expect(deltas.at(-1)).toBe(result.reply.body);
    expect(result.reply.facts.map((f) => f.ref)).toContain('employment/contract-length');
  });

  it('estimates tokens when the server sends no usage chunk', async () => {
    fake().enqueue(fakeReply.text(LONG_ANSWER, { usage: false }));
    const { result } = await stream();
    expect(result.ok && result.usage.total).toBeGreaterThan(100);
  });

  it('stops streaming at an invented figure, never shows it, and falls back', async () => {
    const text = `${LONG_ANSWER} In Europe contracts pay $9,999 a month [compensation/listings-range] ${'and more words follow here '.repeat(20)}`;
    fake().enqueue(fakeReply.text(text, { chunkDelayMs: 1 }));
    const { result, deltas } = await stream();
    expect(result).toMatchObject({ ok: false, reason: 'invented_figure' });
    for (const d of deltas) expect(d).not.toContain('9,999');
    // Stopped early: the request was abandoned long before the fake finished writing.
    expect(deltas.at(-1)?.length ?? 0).toBeLessThan(text.length / 2);
  });

  it('never streams any eight words of a leaked system prompt', async () => {
    fake().enqueue(fakeReply.leakSystemPrompt());
    const { result, deltas } = await stream();
    expect(result).toMatchObject({ ok: false, reason: 'injection' });
    const shown = deltas.join(' ').toLowerCase();
    const words = SYSTEM_PROMPT.toLowerCase().match(/[a-z0-9']+/g) ?? [];
    for (let i = 0; i + 8 <= words.length; i += 1) expect(shown).not.toContain(words.slice(i, i + 8).join(' '));
    expect(shown).not.toContain(KEY);
  });

  it('issue 10: never streams the start of a paraphrased prompt that gives itself away late in its sentence', async () => {
    const leak =
      'Policy I operate under: stay on careers, ground everything in curated entries, cite them [employment/contractors]. ' +
      'Startups mostly hire contractors [employment/contractors].';
    fake().enqueue(fakeReply.text(leak));
    const { result, deltas } = await stream();
    expect(result).toMatchObject({ ok: false, reason: 'injection' });
    expect(deltas.join(' ')).not.toContain('Policy I operate');
  });

  it('never streams the out-of-scope signal', async () => {
    fake().enqueue(fakeReply.text('OUT_OF_SCOPE'));
    const { result, deltas } = await stream();
    expect(result).toMatchObject({ ok: false, reason: 'off_topic' });
    expect(deltas).toEqual([]);
  });

  it('sends a cached answer as one delta', async () => {
    fake().enqueue(fakeReply.text(LONG_ANSWER));
    const first = await stream('cache me please');
    const second = await stream('Cache me, please!');
    expect(second.result).toMatchObject({ ok: true, cached: true });
    expect(second.deltas).toEqual([first.result.ok ? first.result.reply.body : '']);
    expect(fake().chats()).toHaveLength(1);
  });

  it('issue 10: cuts off a stream far longer than any answer, keeps little of it, falls back, and other requests are served meanwhile', async () => {
    // Grounded text, so no check would stop it: only the cap on kept text can.
    const sentence = 'Startups mostly hire contractors [employment/contractors]. ';
    fake().enqueue(
      fakeReply.text(sentence.repeat(Math.ceil(1_000_000 / sentence.length)), { chunkChars: 1_024, chunkDelayMs: 1 }),
    );
    const health = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
    const { port } = health.address() as AddressInfo;
    let answered: Promise<string> | undefined;
    const deltas: string[] = [];
    try {
      const result = await llm().followUp(
        { question: 'a very long answer', entries: ['employment'], turns: [], userKey: 'u', conversationKey: 'c' },
        {
          onDelta: (text) => {
            deltas.push(text);
            answered ??= fetch(`http://127.0.0.1:${port}/health`).then((r) => r.text());
          },
        },
      );
      expect(result).toMatchObject({ ok: false, reason: 'error', detail: 'answer too long' });
      expect(Math.max(...deltas.map((d) => d.length))).toBeLessThan(10_000);
      // The fake hears of the closed connection a moment after the client gives up.
      await vi.waitFor(() => expect(fake().chats()[0]?.abandoned).toBe(true));
      expect(await answered).toBe('ok');
    } finally {
      health.closeAllConnections();
      await new Promise((resolve) => health.close(resolve));
    }
  });

  it('keeps answering when the delta callback throws', async () => {
    fake().enqueue(fakeReply.text(LONG_ANSWER));
    const result = await llm().followUp(
      { question: 'throwing callback', entries: ['employment'], turns: [], userKey: 'u', conversationKey: 'c' },
      {
        onDelta: () => {
          throw new Error('message edit failed');
        },
      },
    );
    expect(result.ok).toBe(true);
  });
});
