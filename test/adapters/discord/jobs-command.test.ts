import { PermissionFlagsBits } from 'discord.js';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { commandsBody } from '../../../adapters/discord/commands.ts';
import { commandInfos } from '../../../src/commands.ts';
import { createStore } from '../../../src/store/store.ts';
import { DISCORD_IDS, MEMBER_PERMISSIONS } from '../../harness/discord-fake.ts';
import { captureLogger } from '../../helpers/context.ts';
import { type DiscordRig, startDiscordRig, useDiscordRig } from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
beforeEach(() => {
  rig = rigOf();
  vi.restoreAllMocks();
});

const EPHEMERAL = 64;
type Body = { type?: number; data?: { flags?: number; embeds?: unknown[]; allowed_mentions?: unknown } };
const member = BigInt(MEMBER_PERMISSIONS);
const withPerm = (bit: bigint) => (member | bit).toString();
const withoutPerm = (bit: bigint) => (member & ~bit).toString();

let channels = 0;
/** A channel id no other test used: the rig's subscriptions last for the whole file. */
const freshChannel = () => `13000000000000001${String(++channels).padStart(2, '0')}`;

/** Sends `/jobs` (with `action` when given) and returns the initial response's body. */
async function jobs(
  action: string | undefined,
  where: { channelId?: string; guild?: boolean; permissions?: string; appPermissions?: string } = {},
): Promise<Body> {
  const interaction = rig.fake.sendInteraction(
    rig.fake.chatInput({ name: 'jobs', ...(action ? { options: { action } } : {}), ...where }),
  );
  const call = await rig.fake.waitForCall({
    method: 'POST',
    route: new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`),
  });
  return call.body as Body;
}
const shown = (body: Body) => JSON.stringify(body.data?.embeds);

describe('/jobs definition', () => {
  it('is registered beside the other commands with one optional action and its four choices', () => {
    const command = commandsBody(commandInfos()).find((c) => c.name === 'jobs') as
      | { options?: { name: string; required?: boolean; choices?: { value: string }[] }[] }
      | undefined;
    expect(command?.options).toHaveLength(1);
    expect(command?.options?.[0]?.name).toBe('action');
    expect(command?.options?.[0]?.required).toBe(false);
    expect(command?.options?.[0]?.choices?.map((c) => c.value)).toEqual([
      'digest',
      'subscribe',
      'unsubscribe',
      'status',
    ]);
  });
});

describe('/jobs for anyone', () => {
  it("shows this week's digest privately, with no pings", async () => {
    const digest = vi.spyOn(rig.desk, 'digest');
    // The first /jobs of the file reads the boards, so it defers (with a note) and edits the digest in.
    const body = await jobs(undefined);
    expect(digest).toHaveBeenCalledTimes(1);
    expect(body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    const edit = await rig.fake.waitForCall(
      (call) =>
        call.method === 'PATCH' && call.route.endsWith('/@original') && JSON.stringify(call.body).includes('embeds'),
    );
    const answer = edit.body as { embeds?: unknown[]; allowed_mentions?: unknown };
    expect(JSON.stringify(answer.embeds)).toMatch(/AI-interaction jobs, week \d{4}-W\d{2}/);
    expect(JSON.stringify(answer.embeds)).toMatch(/open roles at \d+ companies/);
    expect(answer.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it("renders the real desk's digest privately (the test bot has no job boards)", async () => {
    const body = await jobs('digest');
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(shown(body)).toContain('"title"');
    expect(shown(body)).not.toMatch(/went wrong|not available/);
  });

  it('defers privately and edits the digest in when it is slow', async () => {
    const slow = await startDiscordRig({ deferAfterMs: 0 });
    const interaction = slow.fake.sendInteraction(slow.fake.chatInput({ name: 'jobs', options: { action: 'digest' } }));
    const edit = await slow.fake.waitForCall({ method: 'PATCH', route: /\/messages\/@original$/ });
    expect(JSON.stringify(edit.body)).toMatch(/AI-interaction jobs, week \d{4}-W\d{2}/);
    const callback = slow.fake.calls.find((c) => c.route.startsWith(`/interactions/${interaction.id}/`));
    expect(callback?.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    await slow.stop();
  });

  it('answers an action from a stale command definition with the current choices', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const body = await jobs('weekly');
    expect(shown(body)).toMatch(/digest \(the default\), subscribe, unsubscribe or status/);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('says something went wrong, privately, when the store behind the core is gone', async () => {
    const store = await createStore({ dataDir: ':memory:', logger: captureLogger().logger });
    const broken = await startDiscordRig({ store });
    try {
      await store.close();
      const manager = withPerm(PermissionFlagsBits.ManageChannels);
      const interaction = broken.fake.sendInteraction(
        broken.fake.chatInput({ name: 'jobs', options: { action: 'subscribe' }, permissions: manager }),
      );
      const call = await broken.fake.waitForCall({
        method: 'POST',
        route: new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`),
      });
      const body = call.body as Body;
      expect(body.data?.flags).toBe(EPHEMERAL);
      expect(shown(body)).toMatch(/went wrong/);
    } finally {
      await broken.stop();
    }
  });
});

describe('/jobs subscribe and unsubscribe: who may', () => {
  it('refuses a member without Manage Channels or Manage Server, and explains who can', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const unsubscribe = vi.spyOn(rig.desk, 'unsubscribe');
    for (const action of ['subscribe', 'unsubscribe']) {
      const body = await jobs(action, { channelId: freshChannel() });
      expect(body.data?.flags).toBe(EPHEMERAL);
      expect(shown(body)).toMatch(/Manage Channels or Manage Server/);
    }
    expect(subscribe).not.toHaveBeenCalled();
    expect(unsubscribe).not.toHaveBeenCalled();
  });

  it.each([
    ['Manage Channels', PermissionFlagsBits.ManageChannels],
    ['Manage Server', PermissionFlagsBits.ManageGuild],
    ['Administrator', PermissionFlagsBits.Administrator],
  ])('lets a member with %s subscribe, with the right channel', async (_name, bit) => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const channelId = freshChannel();
    const body = await jobs('subscribe', { channelId, permissions: withPerm(bit) });
    expect(subscribe).toHaveBeenCalledWith(
      { platform: 'discord', channelId, workspaceId: DISCORD_IDS.guildId, name: 'general' },
      DISCORD_IDS.userId,
    );
    expect(shown(body)).toMatch(/Subscribed to the weekly job digest/);
  });

  it('lets a manager subscribe, see the status, and unsubscribe', async () => {
    const where = { channelId: freshChannel(), permissions: withPerm(PermissionFlagsBits.ManageChannels) };
    expect(shown(await jobs('subscribe', where))).toMatch(/Subscribed/);
    expect(shown(await jobs('status', where))).toMatch(/is subscribed since/);
    expect(shown(await jobs('unsubscribe', where))).toMatch(/Unsubscribed/);
    expect(shown(await jobs('status', { channelId: where.channelId }))).toMatch(/is not subscribed/);
  });

  it('lets someone subscribe their own DM with the bot', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    expect(shown(await jobs('subscribe', { guild: false }))).toMatch(/Subscribed to the weekly job digest/);
    expect(subscribe).toHaveBeenCalledWith(
      { platform: 'discord', channelId: DISCORD_IDS.dmChannelId },
      DISCORD_IDS.userId,
    );
  });
});

describe('/jobs subscribe: can the bot post there', () => {
  it.each([
    ['Embed Links', PermissionFlagsBits.EmbedLinks],
    ['Send Messages', PermissionFlagsBits.SendMessages],
    ['View Channel', PermissionFlagsBits.ViewChannel],
  ])('names the missing %s permission instead of subscribing', async (name, bit) => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const body = await jobs('subscribe', {
      channelId: freshChannel(),
      permissions: withPerm(PermissionFlagsBits.ManageChannels),
      appPermissions: withoutPerm(bit),
    });
    expect(shown(body)).toContain(`missing these permissions here: ${name}`);
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('still lets a manager unsubscribe where the bot can no longer post', async () => {
    const unsubscribe = vi.spyOn(rig.desk, 'unsubscribe');
    await jobs('unsubscribe', {
      channelId: freshChannel(),
      permissions: withPerm(PermissionFlagsBits.ManageChannels),
      appPermissions: withoutPerm(PermissionFlagsBits.SendMessages),
    });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
