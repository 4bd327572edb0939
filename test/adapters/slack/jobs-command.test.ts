import { beforeEach, describe, expect, it, vi } from 'vitest';
import { COLLECTING_NOTE } from '../../../src/jobs/desk.ts';
import { createStore } from '../../../src/store/store.ts';
import { FAKE_IDS, type Json } from '../../harness/slack-fake.ts';
import { captureLogger } from '../../helpers/context.ts';
import { blockText, type SlackRig, startSlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
  vi.restoreAllMocks();
});

let channels = 0;
/** A channel no other test used: the rig's subscriptions last for the whole file. */
function freshChannel(init: Parameters<SlackRig['fake']['channels']['setChannel']>[1] = {}): string {
  const id = `C0JOBS${++channels}`;
  rig.fake.channels.setChannel(id, { name: `jobs-${channels}`, ...init });
  return id;
}

/** Runs `/jobs <text>` and returns the answer the bot sent to the command's response_url (after any progress note). */
async function jobs(text: string, fields: { channel_id?: string; user_id?: string; channel_name?: string } = {}) {
  const res = await rig.fake.sendCommand({ command: '/jobs', text, ...fields });
  expect(res.status).toBe(200);
  const id = decodeURIComponent(res.payload.response_url.split('/').pop() ?? '');
  return (await rig.fake.waitForResponse(id, 2000, (r) => r.body.text !== COLLECTING_NOTE)).body;
}
const shown = (body: Json) => `${String(body.text)}${blockText(body.blocks)}`;

describe('/jobs for anyone', () => {
  it("shows this week's digest privately and posts nothing in the channel", async () => {
    const digest = vi.spyOn(rig.desk, 'digest');
    const body = await jobs('');
    expect(digest).toHaveBeenCalledTimes(1);
    expect(body.response_type).toBe('ephemeral');
    expect(shown(body)).toMatch(/AI-interaction jobs, week \d{4}-W\d{2}/);
    expect(shown(body)).toMatch(/open roles at \d+ companies/);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it("renders the real desk's digest privately (the test bot has no job boards)", async () => {
    const body = await jobs('digest');
    expect(body.response_type).toBe('ephemeral');
    expect(blockText(body.blocks)).toContain('"type":"header"');
    expect(shown(body)).not.toMatch(/went wrong|not available/);
  });

  it('answers an unknown action with the usage, without calling the core', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const body = await jobs('subscrbe please');
    expect(shown(body)).toMatch(/How to use \/jobs/);
    expect(shown(body)).toContain('/jobs unsubscribe');
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('says something went wrong, privately, when the store behind the core is gone', async () => {
    const store = await createStore({ dataDir: ':memory:', logger: captureLogger().logger });
    const broken = await startSlackRig({ store });
    try {
      broken.fake.channels.setUser(FAKE_IDS.userId, { is_admin: true });
      await store.close();
      const res = await broken.fake.sendCommand({ command: '/jobs', text: 'subscribe' });
      const id = decodeURIComponent(res.payload.response_url.split('/').pop() ?? '');
      const body = (await broken.fake.waitForResponse(id)).body;
      expect(body.response_type).toBe('ephemeral');
      expect(shown(body)).toMatch(/went wrong/);
      expect(broken.lines.join('')).toMatch(/\/jobs failed/);
    } finally {
      await broken.stop();
    }
  });
});

describe('/jobs subscribe and unsubscribe: who may', () => {
  it('refuses a member who is neither an admin nor the channel creator, and explains who can', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const unsubscribe = vi.spyOn(rig.desk, 'unsubscribe');
    const channel = freshChannel({ creator: 'U0SOMEONE' });
    for (const action of ['subscribe', 'unsubscribe']) {
      const body = await jobs(action, { channel_id: channel });
      expect(body.response_type).toBe('ephemeral');
      expect(shown(body)).toMatch(/created it or a workspace admin or owner/);
    }
    expect(subscribe).not.toHaveBeenCalled();
    expect(unsubscribe).not.toHaveBeenCalled();
  });

  it.each(['is_admin', 'is_owner', 'is_primary_owner'] as const)(
    'lets a workspace member with %s subscribe, with the right channel',
    async (role) => {
      const subscribe = vi.spyOn(rig.desk, 'subscribe');
      const channel = freshChannel();
      rig.fake.channels.setUser(FAKE_IDS.userId, { [role]: true });
      const body = await jobs('subscribe', { channel_id: channel });
      expect(subscribe).toHaveBeenCalledWith(
        { platform: 'slack', channelId: channel, workspaceId: FAKE_IDS.teamId, name: `jobs-${channels}` },
        FAKE_IDS.userId,
      );
      expect(shown(body)).toMatch(/Subscribed to the weekly job digest/);
    },
  );

  it('lets the channel creator subscribe, see the status, and unsubscribe', async () => {
    const channel = freshChannel({ creator: FAKE_IDS.userId });
    expect(shown(await jobs('subscribe', { channel_id: channel }))).toMatch(/Subscribed/);
    expect(shown(await jobs('status', { channel_id: channel, channel_name: `jobs-${channels}` }))).toMatch(
      /is subscribed since/,
    );
    expect(shown(await jobs('unsubscribe', { channel_id: channel }))).toMatch(/Unsubscribed/);
    expect(shown(await jobs('status', { channel_id: channel }))).toMatch(/is not subscribed/);
  });

  it('lets someone subscribe their own DM with the bot, and no one else’s', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    rig.fake.channels.setChannel('D0MINE', { is_im: true, user: FAKE_IDS.userId });
    rig.fake.channels.setChannel('D0THEIRS', { is_im: true, user: 'U0OTHER' });
    await jobs('subscribe', { channel_id: 'D0MINE', channel_name: 'directmessage' });
    expect(subscribe).toHaveBeenCalledWith(
      { platform: 'slack', channelId: 'D0MINE', workspaceId: FAKE_IDS.teamId },
      FAKE_IDS.userId,
    );
    expect(shown(await jobs('subscribe', { channel_id: 'D0THEIRS' }))).toMatch(/Not your DM/);
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(rig.fake.callsTo('users.info')).toHaveLength(0);
  });
});

describe('/jobs subscribe: can the bot post there', () => {
  it('asks an admin to invite the bot first when it is not a member', async () => {
    const subscribe = vi.spyOn(rig.desk, 'subscribe');
    const channel = freshChannel({ is_member: false, creator: FAKE_IDS.userId });
    const body = await jobs('subscribe', { channel_id: channel });
    expect(shown(body)).toMatch(/Please invite me first/);
    expect(shown(body)).toContain('/invite @careerbot');
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('still lets an admin unsubscribe a channel the bot has left', async () => {
    const unsubscribe = vi.spyOn(rig.desk, 'unsubscribe');
    const channel = freshChannel({ is_member: false, creator: FAKE_IDS.userId });
    await jobs('unsubscribe', { channel_id: channel });
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('explains how to invite the bot to a private channel it cannot see', async () => {
    const channel = freshChannel();
    rig.fake.channels.failChannel(channel, 'channel_not_found');
    const body = await jobs('subscribe', { channel_id: channel, channel_name: 'privategroup' });
    expect(shown(body)).toMatch(/cannot see this conversation/);
    expect(shown(body)).toContain('/invite @careerbot');
  });

  it('refuses an archived channel', async () => {
    const channel = freshChannel({ is_archived: true, creator: FAKE_IDS.userId });
    expect(shown(await jobs('subscribe', { channel_id: channel }))).toMatch(/archived/);
  });
});
