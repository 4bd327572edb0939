/**
 * Slack follow-ups through the LLM layer: the real Bolt app, the real openai SDK and two local fakes. A
 * follow-up in a thread shows a placeholder that is updated in place, with the streamed text and then the
 * cited answer or the knowledge-base fallback; a first question never reaches the model.
 */
import { describe, expect, it } from 'vitest';
import { PLACEHOLDER_TEXT } from '../../../adapters/slack/progress.ts';
import { SYSTEM_PROMPT } from '../../../src/llm/prompt.ts';
import { fakeReply, type Script } from '../../harness/openai-fake.ts';
import { FAKE_IDS, type RecordedCall } from '../../harness/slack-fake.ts';
import { COPYWRITER_ANSWER, KB_PAY_TITLE, useModelRig } from '../../helpers/llm.ts';
import { blockText, mention, messageEvent, startSlackRig } from '../../helpers/slack.ts';

const { model, rig } = useModelRig((env) => startSlackRig({ env, progressIntervalMs: 40 }), { timeoutMs: 1_500 });

const reply = (text: string, threadTs: string) =>
  messageEvent(text, { channel: FAKE_IDS.channelId, channel_type: 'channel', thread_ts: threadTs });

/** Starts a thread with a first question (answered from the knowledge base) and returns its ts. */
async function thread(): Promise<string> {
  const first = mention('how much do prompt engineers make?');
  await rig().fake.sendEvent(first);
  return first.ts;
}

const shown = (call: RecordedCall | undefined) => `${String(call?.params.text)}${blockText(call?.params.blocks)}`;

describe('Slack follow-ups with a model', () => {
  it('answers a thread follow-up with the cited model answer, in a placeholder streamed and updated in place', async () => {
    const ts = await thread();
    expect(model().chats()).toHaveLength(0);
    model().enqueue(fakeReply.text(COPYWRITER_ANSWER, { chunkDelayMs: 15 }));
    await rig().fake.sendEvent(reply('and if I already work as a copywriter?', ts));

    expect(model().chats()).toHaveLength(1);
    const posts = rig().fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts[1]?.params).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: ts, text: PLACEHOLDER_TEXT });
    const updates = rig().fake.callsTo('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(new Set(updates.map((u) => u.params.ts)).size).toBe(1);
    expect(updates[0]?.at).toBeGreaterThanOrEqual(posts[1]?.at ?? Number.POSITIVE_INFINITY);
    // Streamed text first (plain, marked as unfinished, citations already rendered), then the full reply.
    const streamed = updates.slice(0, -1);
    for (const u of streamed) {
      expect(u.params.blocks).toBeUndefined();
      expect(String(u.params.text)).toMatch(/ …$/);
      expect(String(u.params.text)).not.toContain('[compensation');
    }
    const final = updates.at(-1);
    const blocks = blockText(final?.params.blocks);
    expect(blocks).toContain('(follow-up)');
    expect(blocks).toContain('Copywriting already trains the core skill');
    expect(blocks).toContain('$70,000–$200,000 a year');
    expect(blocks).toMatch(/Source: .*Indeed/);
    expect(blocks).toContain('Written by a language model');
  });

  it('keeps a first question in a thread away from the model: one message, as before', async () => {
    model().setDefault(fakeReply.text(COPYWRITER_ANSWER));
    await thread();
    model().setDefault(undefined);
    expect(model().chats()).toHaveLength(0);
    expect(rig().fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(rig().fake.callsTo('chat.update')).toHaveLength(0);
    expect(blockText(rig().fake.callsTo('chat.postMessage')[0]?.params.blocks)).toContain(KB_PAY_TITLE);
  });

  const fallbacks: [string, Script[], string, string][] = [
    [
      'an invented figure',
      [fakeReply.text('Copywriters who switch earn about $250,000 [compensation/listings-range].')],
      'what about in Europe?',
      'invented_figure',
    ],
    ['a 500 from the model server', [fakeReply.serverError(), fakeReply.serverError()], 'is that per year?', 'error'],
    [
      'a model slower than LLM_TIMEOUT_MS',
      [fakeReply.slow(3_000, COPYWRITER_ANSWER)],
      'so what would a junior earn?',
      'timeout',
    ],
    // A streamed leak stops the stream at the leak, so the layer logs it as a stopped stream (`error`).
    [
      'a model that recites its instructions',
      [fakeReply.leakSystemPrompt()],
      'and with a marketing background?',
      'injection|error',
    ],
  ];

  it.each(fallbacks)(
    'replaces the placeholder with the knowledge-base answer after %s',
    async (_case, scripts, text, reason) => {
      const ts = await thread();
      const logged = rig().lines.length;
      model().enqueue(...scripts);
      await rig().fake.sendEvent(reply(text, ts));

      const fellBack = rig()
        .lines.slice(logged)
        .map((l) => JSON.parse(l))
        .find((l) => l.msg === 'llm follow-up fell back');
      expect(fellBack?.reason).toMatch(new RegExp(`^(${reason})$`));

      expect(model().chats().length).toBeGreaterThanOrEqual(1);
      const posts = rig().fake.callsTo('chat.postMessage');
      expect(posts).toHaveLength(2);
      expect(posts[1]?.params.text).toBe(PLACEHOLDER_TEXT);
      const updates = rig().fake.callsTo('chat.update');
      const final = updates.at(-1);
      expect(blockText(final?.params.blocks)).toContain(KB_PAY_TITLE);
      expect(blockText(final?.params.blocks)).not.toContain('language model');
      for (const u of updates) {
        expect(shown(u)).not.toContain('250,000');
        expect(shown(u)).not.toContain(SYSTEM_PROMPT.slice(0, 60));
      }
    },
  );
});

describe('Slack assistant panel with a model', () => {
  it('says it is thinking in the status line, then posts the model answer once', async () => {
    const threadTs = '1700000000.000900';
    await rig().fake.sendEvent(messageEvent('how much do prompt engineers make?', { thread_ts: threadTs }));
    expect(model().chats()).toHaveLength(0);
    rig().fake.reset();
    model().enqueue(fakeReply.text(COPYWRITER_ANSWER));
    await rig().fake.sendEvent(messageEvent('and what if I am a copywriter already?', { thread_ts: threadTs }));

    expect(model().chats()).toHaveLength(1);
    const statuses = rig()
      .fake.callsTo('assistant.threads.setStatus')
      .map((c) => c.params.status);
    expect(statuses).toEqual(['is looking this up…', 'is thinking about your follow-up…']);
    const posts = rig().fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.params).toMatchObject({ channel: 'D0DM', thread_ts: threadTs });
    expect(blockText(posts[0]?.params.blocks)).toContain('Copywriting already trains the core skill');
    expect(rig().fake.callsTo('chat.update')).toHaveLength(0);
  });
});

describe('Slack with no model configured', () => {
  it('answers a thread follow-up exactly as before: one chat.postMessage, no placeholder', async () => {
    const plain = await startSlackRig();
    const first = mention('how much do prompt engineers make?');
    await plain.fake.sendEvent(first);
    await plain.fake.sendEvent(reply('and if I already work as a copywriter?', first.ts));
    const posts = plain.fake.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(posts.map((p) => p.params.text)).not.toContain(PLACEHOLDER_TEXT);
    expect(blockText(posts[1]?.params.blocks)).toContain(KB_PAY_TITLE);
    expect(plain.fake.callsTo('chat.update')).toHaveLength(0);
    await plain.stop();
  });
});
