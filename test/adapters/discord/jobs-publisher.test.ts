import type { APIEmbed } from 'discord.js';
import { beforeEach, describe, expect, it } from 'vitest';
import { digestNonce } from '../../../adapters/discord/jobs-publisher.ts';
import { ChannelGoneError, MessageGoneError } from '../../../src/errors.ts';
import { digestMarker } from '../../../src/jobs/delivery.ts';
import type { DigestPublisher, Reply } from '../../../src/ports.ts';
import { type ChannelErrorCode, DISCORD_IDS, humanUser } from '../../harness/discord-fake.ts';
import { type DiscordRig, useDiscordRig } from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
let digests: DigestPublisher;
beforeEach(() => {
  rig = rigOf();
  const publisher = rig.adapter.digests;
  if (!publisher) throw new Error('the Discord adapter has no digest publisher');
  digests = publisher;
});

const channel = { platform: 'discord', channelId: DISCORD_IDS.channelId, workspaceId: DISCORD_IDS.guildId };
type Body = { nonce?: string; enforce_nonce?: boolean; allowed_mentions?: unknown; embeds?: APIEmbed[] };
const createCalls = () => rig.fake.callsTo('POST', '/channels/:id/messages');
const footerOf = (messageId: string) => rig.fake.message(messageId)?.embeds[0]?.footer?.text;
let week = 0;
/** A marker no other test uses: the fake keeps messages across the tests of this file. */
const freshMarker = () => `2026-W${++week}-${Date.now()}`;

function digest(body: string, title = 'Prompt-engineering jobs this week'): Reply {
  return { kind: 'answer', title, body, facts: [], advice: [], choices: [], entryIds: [], footer: 'Sources: 4 boards' };
}

describe('Discord digest publisher', () => {
  it('posts with a short nonce, enforce_nonce, no pings and the marker in the footer, then finds the post', async () => {
    const marker = freshMarker();
    const ref = await digests.publish(channel, digest('12 new openings.'), marker);
    const body = createCalls()[0]?.body as Body;
    expect(body.enforce_nonce).toBe(true);
    expect(body.nonce?.length).toBeLessThanOrEqual(25);
    expect(body.nonce).toBe(digestNonce(DISCORD_IDS.channelId, marker));
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(footerOf(ref.messageId)).toBe(`careerbot jobs digest · ${marker} · Sources: 4 boards`);
    expect(await digests.find(channel, marker)).toEqual(ref);
    expect(rig.fake.callsTo('GET', '/channels/:id/messages')[0]?.query.get('limit')).toBe('50');
  });

  it("shows the core's own marker as the footer label, once", async () => {
    const marker = digestMarker(`2026-W${++week}`);
    const ref = await digests.publish(channel, digest('x'), marker);
    expect(footerOf(ref.messageId)).toBe(`${marker} · Sources: 4 boards`);
    expect(await digests.find(channel, marker)).toEqual(ref);
  });

  it('gets the first message back when the same digest is sent again within minutes (nonce)', async () => {
    const marker = freshMarker();
    const first = await digests.publish(channel, digest('Once.'), marker);
    const again = await digests.publish(channel, digest('Once.'), marker);
    expect(again).toEqual(first);
    expect(createCalls()).toHaveLength(2);
    const tagged = rig.fake
      .channelMessages(DISCORD_IDS.channelId)
      .filter((m) => m.embeds[0]?.footer?.text?.includes(marker));
    expect(tagged).toHaveLength(1);
  });

  it('posts separately to another channel with the same marker (nonces differ per channel)', async () => {
    const marker = freshMarker();
    const a = await digests.publish(channel, digest('A.'), marker);
    const b = await digests.publish({ ...channel, channelId: DISCORD_IDS.secondChannelId }, digest('B.'), marker);
    expect(b.messageId).not.toBe(a.messageId);
    expect(b.channelId).toBe(DISCORD_IDS.secondChannelId);
  });

  it('edits the earlier post in place and keeps the marker footer', async () => {
    const marker = freshMarker();
    const ref = await digests.publish(channel, digest('First count: 12.'), marker);
    const before = rig.fake.channelMessages(DISCORD_IDS.channelId).length;
    await digests.update(ref, digest('Corrected count: 14.'), marker);
    expect(rig.fake.callsTo('PATCH', '/channels/:id/messages/:mid')).toHaveLength(1);
    expect(rig.fake.channelMessages(DISCORD_IDS.channelId)).toHaveLength(before);
    expect(rig.fake.message(ref.messageId)?.embeds[0]?.description).toContain('Corrected count: 14.');
    expect(footerOf(ref.messageId)).toContain(`careerbot jobs digest · ${marker}`);
    expect(await digests.find(channel, marker)).toEqual(ref);
  });

  it('says the message is gone when the earlier post was deleted, so the core posts afresh', async () => {
    const marker = freshMarker();
    const ref = await digests.publish(channel, digest('First count.'), marker);
    await expect(
      digests.update({ ...ref, messageId: '1999999999999999999' }, digest('Again.'), marker),
    ).rejects.toBeInstanceOf(MessageGoneError);
  });

  it("finds nothing for a marker that only prefixes another one, or for someone else's copy of the footer", async () => {
    const marker = freshMarker();
    await digests.publish(channel, digest('x'), `${marker}8`);
    const copy = rig.fake.guildMessage({ content: 'copy', author: humanUser() });
    rig.fake.sendMessage({ ...copy, embeds: [{ footer: { text: `careerbot jobs digest · ${marker}` } }] });
    await expect.poll(() => rig.fake.message(copy.id)).toBeDefined();
    expect(await digests.find(channel, marker)).toBeUndefined();
  });

  it('never pings: allowed_mentions parses nothing and mention text is defused', async () => {
    await digests.publish(channel, digest('@everyone <@123> new roles', '@here jobs'), freshMarker());
    const body = createCalls()[0]?.body as Body;
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(body.embeds)).toContain('new roles');
    expect(JSON.stringify(body.embeds)).not.toMatch(/@everyone|@here|<@123>/);
  });

  it.each([
    [10003, 'not_found'],
    [50001, 'no_access'],
    [50013, 'no_permission'],
    [50083, 'archived'],
    [160005, 'archived'],
  ] as const)('maps Discord error %i to a gone channel (%s) on publish, update and find', async (code, reason) => {
    const ref = await digests.publish(channel, digest('x'), freshMarker());
    rig.fake.failChannel(DISCORD_IDS.channelId, code as ChannelErrorCode);
    for (const attempt of [
      () => digests.publish(channel, digest('y'), freshMarker()),
      () => digests.update(ref, digest('y'), 'w'),
      () => digests.find(channel, 'w'),
    ]) {
      const failure = await attempt().catch((err: unknown) => err);
      expect(failure).toBeInstanceOf(ChannelGoneError);
      expect((failure as ChannelGoneError).reason).toBe(reason);
    }
  });

  it('rethrows a server error unchanged, so the core can try again later', async () => {
    rig.fake.failNext('POST /channels/:id/messages', { status: 502 });
    const failure = await digests.publish(channel, digest('x'), freshMarker()).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(Error);
    expect(failure).not.toBeInstanceOf(ChannelGoneError);
    expect((failure as { status?: number }).status).toBe(502);
  });
});
