import { beforeEach, describe, expect, it } from 'vitest';
import { createStore } from '../../../src/store/store.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { captureLogger } from '../../helpers/context.ts';
import { blockText, mention, messageEvent, type SlackRig, startSlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

describe('Slack HTTP mode: requests and signatures', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await rig.fake.sendUrlVerification('chal-123');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'chal-123' });
  });

  it.each([
    ['a bad signature', { badSignature: true }],
    ['a missing signature', { noSignature: true }],
    ['a timestamp older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects %s with 401 and does nothing', async (_name, signOptions) => {
    const res = await rig.fake.sendEvent(mention('how much do prompt engineers make?'), { signOptions });
    expect(res.status).toBe(401);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('serves GET /healthz on the same port', async () => {
    const res = await fetch(`http://127.0.0.1:${rig.adapter.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});

describe('Slack questions in chat', () => {
  it('answers a channel mention in a thread under the question, with sourced Block Kit', async () => {
    const event = mention('how much do prompt engineers make?');
    await rig.fake.sendEvent(event);
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: event.ts });
    const blocks = blockText(call?.params.blocks);
    expect(blocks).toContain('"type":"header"');
    expect(blocks).toContain('$175,000');
    expect(blocks).toMatch(/Bloomberg/);
    expect(blocks).toContain('careerbot_ask_0');
    expect(String(call?.params.text)).toContain('$70,000');
  });

  it('answers an event once when Slack retries it (X-Slack-Retry-Num)', async () => {
    const event = mention('do I need to code?');
    await rig.fake.sendEvent(event, { eventId: 'EvRETRY1' });
    await rig.fake.sendEvent(event, { eventId: 'EvRETRY1', retryNum: 1, retryReason: 'http_timeout' });
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('answers once when the retry reaches another replica sharing the store', async () => {
    const { logger } = captureLogger();
    const shared = await createStore({ dataDir: ':memory:', logger });
    const a = await startSlackRig({ store: shared, fake: rig.fake });
    const b = await startSlackRig({ store: shared, fake: rig.fake });
    const event = mention('what about certifications?');
    await rig.fake.sendEvent(event, { eventId: 'EvREPLICA', url: `http://127.0.0.1:${a.adapter.port}/slack/events` });
    await rig.fake.sendEvent(event, {
      eventId: 'EvREPLICA',
      retryNum: 1,
      url: `http://127.0.0.1:${b.adapter.port}/slack/events`,
    });
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
    await a.stop();
    await b.stop();
    await shared.close();
  });

  it('continues a thread it answered when someone replies without a mention', async () => {
    const first = mention('how much do prompt engineers make?');
    await rig.fake.sendEvent(first);
    await rig.fake.sendEvent(
      messageEvent('and in europe?', { channel: FAKE_IDS.channelId, channel_type: 'channel', thread_ts: first.ts }),
    );
    const calls = rig.fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
    expect(calls[1]?.params).toMatchObject({ thread_ts: first.ts });
    expect(blockText(calls[1]?.params.blocks)).toMatch(/Compensation/);
  });

  it('ignores replies in threads it never answered', async () => {
    await rig.fake.sendEvent(
      messageEvent('how much do prompt engineers make?', {
        channel: FAKE_IDS.channelId,
        channel_type: 'channel',
        thread_ts: '1.000001',
      }),
    );
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('answers a DM in the DM, not in a thread', async () => {
    await rig.fake.sendEvent(messageEvent('which certification should I get?'));
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params.channel).toBe('D0DM');
    expect(call?.params.thread_ts).toBeUndefined();
  });

  it.each([
    ['another bot', { bot_id: 'B0OTHER' }],
    ['itself', { user: FAKE_IDS.botUserId }],
    ['a message edit', { subtype: 'message_changed' }],
  ])('ignores messages from %s', async (_name, extra) => {
    await rig.fake.sendEvent(messageEvent('how much do prompt engineers make?', extra));
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('never lets mention-laden input ping anyone', async () => {
    await rig.fake.sendEvent(mention('<!channel> <!here> <@U0OTHER> @everyone how much do prompt engineers make?'));
    const [call] = rig.fake.callsTo('chat.postMessage');
    const shown = `${String(call?.params.text)}${blockText(call?.params.blocks)}`;
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U0OTHER>|@everyone/);
  });

  it('retries after a 429 with Retry-After and then posts once', async () => {
    rig.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await rig.fake.sendEvent(mention('is prompt engineering a real career?'));
    const calls = rig.fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
  });

  it('retries a transient 500 from the Web API and posts once', async () => {
    rig.fake.failNext('chat.postMessage', { status: 500 });
    await rig.fake.sendEvent(mention('how do I build a portfolio?'));
    const calls = rig.fake.callsTo('chat.postMessage');
    expect(calls).toHaveLength(2);
  });

  it('logs a Slack API error and keeps answering later events', async () => {
    rig.fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    await rig.fake.sendEvent(mention('what does a prompt engineer do all day?'));
    expect(rig.lines.join('')).toMatch(/could not post a Slack reply/);
    await rig.fake.sendEvent(mention('what does a prompt engineer do all day?'));
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('posting on its own (weekly posts use this)', () => {
  it('posts a reply to a channel without being asked', async () => {
    const { answerReply } = await import('../../../src/answers/compose.ts');
    await rig.adapter.post(FAKE_IDS.channelId, answerReply(rig.ctx.kb, 'jobs'));
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params.channel).toBe(FAKE_IDS.channelId);
    expect(blockText(call?.params.blocks)).toMatch(/openings/i);
  });
});

describe('Slack assistant panel', () => {
  it('greets a new assistant thread with suggested prompts', async () => {
    await rig.fake.sendEvent({
      type: 'assistant_thread_started',
      assistant_thread: { user_id: FAKE_IDS.userId, context: {}, channel_id: 'D0DM', thread_ts: '1700000000.000100' },
      event_ts: '1700000000.000200',
    });
    expect(rig.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]?.params.prompts).toHaveLength(3);
    expect(rig.fake.callsTo('chat.postMessage')[0]?.params).toMatchObject({
      channel: 'D0DM',
      thread_ts: '1700000000.000100',
    });
  });

  it('shows a status while answering a question in an assistant thread', async () => {
    await rig.fake.sendEvent(messageEvent('how much do prompt engineers make?', { thread_ts: '1700000000.000100' }));
    expect(rig.fake.callsTo('assistant.threads.setStatus')).toHaveLength(1);
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params).toMatchObject({ channel: 'D0DM', thread_ts: '1700000000.000100' });
    expect(blockText(call?.params.blocks)).toContain('$175,000');
  });
});
