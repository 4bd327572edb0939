import { beforeEach, describe, expect, it } from 'vitest';
import { ChannelGoneError, MessageGoneError } from '../../../src/errors.ts';
import type { DigestPublisher, Reply } from '../../../src/ports.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
let digests: DigestPublisher;
beforeEach(() => {
  rig = rigOf();
  const publisher = rig.adapter.digests;
  if (!publisher) throw new Error('the Slack adapter has no digest publisher');
  digests = publisher;
});

const channel = { platform: 'slack', channelId: FAKE_IDS.channelId, workspaceId: FAKE_IDS.teamId };

function digest(body: string, title = 'Prompt-engineering jobs this week'): Reply {
  return { kind: 'answer', title, body, facts: [], advice: [], choices: [], entryIds: [], footer: 'Week 48' };
}

describe('Slack digest publisher', () => {
  it('posts the digest with its marker in message metadata, and finds that post again', async () => {
    const ref = await digests.publish(channel, digest('12 new openings, 3 remote.'), '2026-W48');
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params.metadata).toEqual({ event_type: 'careerbot_digest', event_payload: { marker: '2026-W48' } });
    expect(blockText(call?.params.blocks)).toContain('12 new openings');
    expect(ref.channelId).toBe(FAKE_IDS.channelId);
    expect(await digests.find(channel, '2026-W48')).toEqual(ref);
    const [history] = rig.fake.callsTo('conversations.history');
    expect(history?.params).toMatchObject({ channel: FAKE_IDS.channelId, include_all_metadata: 'true' });
    expect(Number(history?.params.oldest)).toBeLessThan(Date.now() / 1000 - 7 * 24 * 3600);
  });

  it('finds nothing for another week, or for a post of another app that carries the same metadata', async () => {
    await digests.publish(channel, digest('Last week.'), '2026-W47');
    rig.fake.channels.addMessage(FAKE_IDS.channelId, {
      type: 'message',
      text: 'copycat',
      bot_id: 'B0OTHER',
      ts: `${Math.floor(Date.now() / 1000)}.999999`,
      metadata: { event_type: 'careerbot_digest', event_payload: { marker: '2026-W48' } },
    });
    expect(await digests.find(channel, '2026-W48')).toBeUndefined();
    expect(await digests.find({ ...channel, channelId: 'C0EMPTY' }, '2026-W47')).toBeUndefined();
  });

  it('edits the earlier post in place, keeping the marker, without posting a second message', async () => {
    const ref = await digests.publish(channel, digest('First count: 12 openings.'), '2026-W48');
    await digests.update(ref, digest('Corrected count: 14 openings.'), '2026-W48');
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
    const stored = rig.fake.channels.messages.get(FAKE_IDS.channelId) ?? [];
    expect(stored).toHaveLength(1);
    expect(blockText(stored[0]?.blocks)).toContain('Corrected count: 14 openings.');
    expect(stored[0]?.edited).toBeDefined();
    expect(await digests.find(channel, '2026-W48')).toEqual(ref);
  });

  it('says the message is gone when the earlier post was deleted, so the core posts afresh', async () => {
    const ref = await digests.publish(channel, digest('First count.'), '2026-W48');
    rig.fake.channels.messages.set(FAKE_IDS.channelId, []);
    await expect(digests.update(ref, digest('Second count.'), '2026-W48')).rejects.toBeInstanceOf(MessageGoneError);
  });

  it('never pings: broadcast and user mentions in the digest are defused in text and blocks', async () => {
    await digests.publish(channel, digest('<!channel> <!here> <@U0OTHER> @everyone hiring now', '@here jobs'), 'w');
    const [call] = rig.fake.callsTo('chat.postMessage');
    const shown = `${String(call?.params.text)}${blockText(call?.params.blocks)}`;
    expect(shown).toContain('hiring now');
    expect(shown).not.toMatch(/<!channel>|<!here>|<@U0OTHER>|@everyone|@here/);
  });

  it.each([
    ['channel_not_found', 'not_found'],
    ['is_archived', 'archived'],
    ['channel_is_archived', 'archived'],
    ['not_in_channel', 'no_access'],
    ['missing_scope', 'no_permission'],
    ['restricted_action', 'no_permission'],
    ['access_denied', 'no_permission'],
    ['ekm_access_denied', 'no_permission'],
  ])('maps %s from chat.postMessage to a gone channel (%s)', async (error, reason) => {
    rig.fake.channels.failChannel(FAKE_IDS.channelId, error);
    const failure = await digests.publish(channel, digest('x'), 'w').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(ChannelGoneError);
    expect((failure as ChannelGoneError).reason).toBe(reason);
  });

  it('maps a channel the bot was removed from to no_access in find and update too', async () => {
    const ref = await digests.publish(channel, digest('x'), 'w');
    rig.fake.channels.setChannel(FAKE_IDS.channelId, { is_member: false });
    await expect(digests.find(channel, 'w')).rejects.toMatchObject({ code: 'CHANNEL_GONE', reason: 'no_access' });
    await expect(digests.update(ref, digest('y'), 'w')).rejects.toMatchObject({ reason: 'no_access' });
  });

  it('rethrows a server error unchanged after the client retries, so the core can try again later', async () => {
    rig.fake.failNext('chat.postMessage', { status: 503, times: 3 });
    const failure = await digests.publish(channel, digest('x'), 'w').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ChannelGoneError);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it('rethrows an error that is not about the channel (invalid_auth) unchanged', async () => {
    rig.fake.failNext('chat.postMessage', { error: 'invalid_auth' });
    const failure = await digests.publish(channel, digest('x'), 'w').catch((err: unknown) => err);
    expect(failure).not.toBeInstanceOf(ChannelGoneError);
    expect((failure as { data?: { error?: string } }).data?.error).toBe('invalid_auth');
  });
});
