import { describe, expect, it, vi } from 'vitest';
import { DISCORD_IDS, humanUser } from '../../harness/discord-fake.ts';
import { type DiscordRig, startDiscordRig, useDiscordRig } from '../../helpers/discord.ts';

const rigOf = useDiscordRig();

type Sent = {
  content?: string;
  embeds?: unknown[];
  message_reference?: { message_id?: string };
  allowed_mentions?: unknown;
};
const posts = (rig: DiscordRig, channelId = DISCORD_IDS.channelId) =>
  rig.fake.callsTo('POST', `/channels/${channelId}/messages`);

describe('mentions in a server channel', () => {
  it('answers as a reply to the message, with embeds and no pings', async () => {
    const rig = rigOf();
    const sent = rig.fake.sendMessage(
      rig.fake.guildMessage({ content: '@everyone <@&1234> how much do prompt engineers make?', mentionsBot: true }),
    );
    const call = await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.channelId}/messages` });
    const body = call.body as Sent;
    expect(call.auth).toMatch(/^Bot /);
    expect(body.message_reference?.message_id).toBe(sent.id);
    expect(body.allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify(body.embeds)).toContain('$175,000');
    expect(JSON.stringify(body)).not.toMatch(/@everyone|<@&1234>/);
  });

  it('moves a follow-up that replies to its answer into a thread, and keeps the topic there', async () => {
    const rig = rigOf();
    rig.fake.sendMessage(rig.fake.guildMessage({ content: 'how much do prompt engineers make?', mentionsBot: true }));
    await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.channelId}/messages` });
    const botMessageId = rig.fake.lastBotMessage(DISCORD_IDS.channelId)?.id ?? '';
    // The bot links its answer to the conversation right after Discord confirms it; a person replies later.
    await vi.waitFor(async () => expect(await rig.ctx.store.get(`discord:answer:${botMessageId}`)).toBeDefined());
    const followUp = rig.fake.sendMessage(
      rig.fake.guildMessage({
        content: 'and in europe?',
        mentionsBot: true,
        messageReference: { message_id: botMessageId, channel_id: DISCORD_IDS.channelId },
      }),
    );
    const thread = await rig.fake.waitForCall({
      method: 'POST',
      route: `/channels/${DISCORD_IDS.channelId}/messages/${followUp.id}/threads`,
    });
    expect(thread).toBeDefined();
    const inThread = await rig.fake.waitForCall({ method: 'POST', route: `/channels/${followUp.id}/messages` });
    expect(JSON.stringify((inThread.body as Sent).embeds)).toMatch(/Compensation/);

    rig.fake.sendMessage(
      rig.fake.guildMessage({ content: 'what about contracts?', mentionsBot: true, channelId: followUp.id }),
    );
    await rig.fake.waitForCall(
      (c) => c.method === 'POST' && c.route === `/channels/${followUp.id}/messages` && c !== inThread,
    );
  });

  it('ignores channel messages that do not mention it, and messages from bots (its own echoes included)', async () => {
    const rig = rigOf();
    rig.fake.sendMessage(rig.fake.guildMessage({ content: 'how much do prompt engineers make?' }));
    // Another bot (its own user: discord.js caches users, so marking alice a bot would follow her into later tests).
    const otherBot = humanUser({ id: '1900000000000000009', username: 'otherbot', bot: true });
    rig.fake.sendMessage(
      rig.fake.guildMessage({ content: 'how much?', mentionsBot: true, author: otherBot, bot: true }),
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(posts(rig)).toHaveLength(0);
  });
});

describe('posting on its own (weekly posts use this)', () => {
  it('posts a reply to a channel without being asked, pinging no one', async () => {
    const rig = rigOf();
    const { answerReply } = await import('../../../src/answers/compose.ts');
    await rig.adapter.post(DISCORD_IDS.channelId, answerReply(rig.ctx.kb, 'jobs'));
    const call = await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.channelId}/messages` });
    expect((call.body as Sent).allowed_mentions).toEqual({ parse: [], replied_user: false });
    expect(JSON.stringify((call.body as Sent).embeds)).toMatch(/openings/i);
  });
});

describe('DMs', () => {
  it('answers a DM in the DM', async () => {
    const rig = rigOf();
    rig.fake.sendMessage(rig.fake.dmMessage({ content: 'which certification should I get?' }));
    const call = await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.dmChannelId}/messages` });
    expect(JSON.stringify((call.body as Sent).embeds)).toMatch(/Certifications/);
  });
});

describe('resilience', () => {
  it('tells a flooding user to slow down, once the cooldown is reached', async () => {
    const rig = await startDiscordRig({ cooldown: { limit: 2, windowMs: 60_000 } });
    for (let i = 0; i < 3; i++) {
      rig.fake.sendMessage(rig.fake.guildMessage({ content: 'how much do prompt engineers make?', mentionsBot: true }));
    }
    await rig.fake.waitForCall(
      (c) => c.method === 'POST' && /slow|faster|wait/i.test(String((c.body as Sent).content)),
    );
    await vi.waitFor(() => expect(posts(rig)).toHaveLength(3));
    await rig.stop();
  });

  it('waits out a REST 429 and still posts the answer', async () => {
    const rig = rigOf();
    rig.fake.failNext('POST /channels/:id/messages', { retryAfter: 0.3 });
    rig.fake.sendMessage(rig.fake.guildMessage({ content: 'is prompt engineering a real career?', mentionsBot: true }));
    await vi.waitFor(() => expect(posts(rig)).toHaveLength(2), { timeout: 4_000 });
    expect(rig.fake.lastBotMessage(DISCORD_IDS.channelId)?.embeds?.length).toBe(1);
  });

  it('resumes after a gateway drop and keeps answering', async () => {
    const rig = rigOf();
    rig.fake.dropConnection();
    await rig.fake.waitForResume({ timeoutMs: 5_000 });
    const interaction = rig.fake.sendInteraction(rig.fake.chatInput({ name: 'help' }));
    await rig.fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${interaction.id}/`) }, 3_000);
  });
});
