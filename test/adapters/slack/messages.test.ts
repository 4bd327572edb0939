/** Mentions, DMs and thread replies: answered once, in the right place, never pinging, surviving Slack errors. */
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
