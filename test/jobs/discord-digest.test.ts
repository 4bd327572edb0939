/**
 * The whole weekly flow on Discord through the composition root: a manager subscribes a channel with
 * `/jobs subscribe`, the cron schedule fires (every second here, so a "week" of runs fits in a test), and
 * the channel holds exactly one digest, edited in place by later runs of the same week.
 */
import { PermissionFlagsBits } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_IDS, FakeDiscord, MEMBER_PERMISSIONS } from '../harness/discord-fake.ts';
import {
  FIXTURE_SOURCES,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { tempDir } from '../helpers/context.ts';
import { type BotProcess, spawnBot } from '../helpers/process.ts';

const { dir, cleanup } = tempDir();
let discord: FakeDiscord;
let boards: JobBoardsFake;
let bot: BotProcess | undefined;

beforeAll(async () => {
  [discord, boards] = await Promise.all([FakeDiscord.start(), startJobBoardsFake()]);
});
afterAll(async () => {
  await bot?.kill();
  await Promise.all([discord.stop(), boards.close()]);
  cleanup();
});

describe('weekly digest on Discord, end to end', () => {
  it('posts one digest to a channel subscribed with /jobs subscribe, then edits it on later runs', async () => {
    bot = spawnBot({
      DISCORD_TOKEN: 'discord-digest-token',
      DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId,
      DISCORD_API_URL: discord.api,
      DATA_DIR: `${dir}/data`,
      JOBS_SOURCES: writeSourcesFile(dir, boards, FIXTURE_SOURCES),
      JOBS_SCHEDULE: '* * * * * *',
      TZ: 'UTC',
      LOG_LEVEL: 'info',
    });
    await discord.waitForIdentify({ timeoutMs: 15_000 });
    const manager = (BigInt(MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageChannels).toString();
    const interaction = discord.sendInteraction(
      discord.chatInput({ name: 'jobs', options: { action: 'subscribe' }, permissions: manager }),
    );
    const reply = await discord.waitForCall(
      { method: 'POST', route: new RegExp(`^/interactions/${interaction.id}/`) },
      10_000,
    );
    expect(JSON.stringify(reply.body)).toMatch(/Subscribed to the weekly job digest/);

    const posts = () =>
      discord.channelMessages(DISCORD_IDS.channelId).filter((m) => m.author.id === DISCORD_IDS.botUserId);
    await expect.poll(() => posts().length, { timeout: 15_000 }).toBe(1);
    const [digest] = posts();
    expect(digest?.embeds[0]?.title).toMatch(/AI-interaction jobs, week \d{4}-W\d{2}/);
    expect(digest?.embeds[0]?.footer?.text).toMatch(/careerbot jobs digest \d{4}-W\d{2}/);
    expect(JSON.stringify(digest?.embeds)).toMatch(/open roles at \d+ companies/);
    // Later ticks in the same week edit the post; none adds a second one.
    await expect
      .poll(() => discord.callsTo('PATCH', '/channels/:id/messages/:mid').length, { timeout: 10_000 })
      .toBeGreaterThan(0);
    expect(posts()).toHaveLength(1);
    const creates = discord.callsTo('POST', '/channels/:id/messages');
    expect(creates.every((c) => (c.body as { allowed_mentions?: unknown }).allowed_mentions !== undefined)).toBe(true);
    expect(creates).toHaveLength(1);
  });
});
