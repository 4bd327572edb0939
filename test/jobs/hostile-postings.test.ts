/**
 * Issue 10, item 8: job-board text is untrusted and goes to whole channels. A hostile board (forged sections,
 * masked links, terminal escapes, bidi and zero-width characters, a 10,000-character title) is collected through
 * the real pipeline and delivered by the real scheduler to a subscribed channel on the Slack and Discord fakes,
 * and printed by the real CLI; each test asserts on what the platform received.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobs } from '../../src/jobs/jobs.ts';
import { type JobSource, loadJobSources } from '../../src/jobs/sources-file.ts';
import type { DigestPublisher } from '../../src/ports.ts';
import { DISCORD_IDS } from '../harness/discord-fake.ts';
import { type JobBoardsFake, startJobBoardsFake, writeSourcesFile } from '../harness/job-boards-fake.ts';
import { HOSTILE_COMPANIES } from '../harness/job-boards-hostile.ts';
import { FAKE_IDS } from '../harness/slack-fake.ts';
import { tempDir } from '../helpers/context.ts';
import { type DiscordRig, startDiscordRig } from '../helpers/discord.ts';
import { blockText, type SlackRig, startSlackRig } from '../helpers/slack.ts';

const run = promisify(execFile);
const { dir, cleanup } = tempDir();
let boards: JobBoardsFake;
let sourcesFile: string;
let sources: JobSource[];
let slack: SlackRig;
let discord: DiscordRig;

/** C0/C1 controls except the line break, bidi controls, and zero-width or format characters the sources sent. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for exactly these control characters.
const FORBIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200c-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;
const URLS = [1, 2, 3, 4, 5].map((i) => `https://job-boards.greenhouse.io/hostile/jobs/${9_100_000 + i}`);

beforeAll(async () => {
  boards = await startJobBoardsFake();
  sourcesFile = writeSourcesFile(dir, boards, [{ type: 'greenhouse', board: 'hostile', company: 'Hostile' }]);
  sources = loadJobSources(sourcesFile);
  [slack, discord] = await Promise.all([startSlackRig(), startDiscordRig()]);
});
afterAll(async () => {
  await Promise.all([slack?.stop(), discord?.stop(), boards.close()]);
  cleanup();
});

/** Subscribes `channel` eight days ago and runs the weekly scheduler once through the adapter's publisher. */
async function deliver(rig: SlackRig | DiscordRig, channel: { platform: string; channelId: string }) {
  const jobs = createJobs(rig.ctx, { sources });
  const at = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000).toISOString();
  await jobs.subscriptions.put({ channel, by: 'U0ADMIN', at });
  const summary = await jobs.scheduler([rig.adapter.digests as DigestPublisher]).run();
  expect(summary).toMatchObject({ posted: 1 });
}

/** The opening of `text` whose line names `company` (the "Hiring most" line aside), asserting there is one. */
function lineOf(text: string, company: string): string {
  const lines = text.split('\n').filter((l) => l.includes(company) && !l.includes('Hiring most'));
  expect(lines, `lines naming ${company}`).toHaveLength(1);
  return lines[0] ?? '';
}

describe('issue 10: hostile job-board text', () => {
  it('reaches a Slack channel as one escaped line per opening: no forged section, no mention, no control characters', async () => {
    await deliver(slack, { platform: 'slack', channelId: FAKE_IDS.channelId });
    const [post] = slack.fake.callsTo('chat.postMessage');
    const blocks = post?.params.blocks as { type: string; text?: { text: string } }[];
    const body = blocks
      .filter((b) => b.type === 'section')
      .map((b) => b.text?.text ?? '')
      .join('\n');
    const everything = `${String(post?.params.text)}\n${blockText(blocks)}`;
    expect(body.match(/^\*Pay stated in postings\*/gm)).toHaveLength(1);
    expect(body).not.toMatch(/^• Annual, USD: median \$999,999/m);
    const forged = lineOf(body, 'Forgery Inc');
    expect(forged).toContain('$999,999');
    expect(forged).not.toMatch(/[*_~`]/);
    expect(lineOf(body, 'tick')).not.toMatch(/[*_~`]/);
    expect(everything).not.toMatch(/<!channel>|@everyone/);
    expect(body).not.toMatch(FORBIDDEN);
    expect(String(post?.params.text)).not.toMatch(FORBIDDEN);
    for (const url of URLS) expect(body).toContain(url);
    expect(lineOf(body, 'Huge Corp').length).toBeLessThan(300);
  });

  it('reaches a Discord channel with every opening in the embed, escaped, after a 10,000-character title', async () => {
    await deliver(discord, { platform: 'discord', channelId: DISCORD_IDS.channelId });
    const [post] = discord.fake.channelMessages(DISCORD_IDS.channelId).filter((m) => m.embeds.length > 0);
    const description = post?.embeds[0]?.description ?? '';
    for (const url of URLS) expect(description).toContain(url);
    expect(description).not.toMatch(/(^|[^\\])\[click for a raise\]\(/m);
    expect(description).toContain('\\[click for a raise\\]');
    expect(description).not.toMatch(/@everyone/);
    expect(description.match(/^\*\*?Pay stated in postings\*\*?/gm)).toHaveLength(1);
    expect(lineOf(description, 'Forgery Inc')).toContain('$999,999');
    expect(lineOf(description, 'tick')).toContain('\\*Bold\\*');
    expect(description).not.toMatch(FORBIDDEN);
    for (const company of HOSTILE_COMPANIES.slice(0, 4)) lineOf(description, company);
  });

  it('prints in the CLI without terminal escapes and with every opening on lines of its own', async () => {
    const { stdout } = await run(process.execPath, ['src/cli.ts', 'jobs', 'digest', '--sources', sourcesFile], {
      env: { ...process.env, DATA_DIR: `${dir}/cli-data`, TZ: 'UTC', LOG_LEVEL: 'silent' },
    });
    expect(stdout).not.toMatch(FORBIDDEN);
    expect(stdout.match(/^Pay stated in postings/gm)).toHaveLength(1);
    expect(stdout).not.toMatch(/^• Annual, USD: median \$999,999/m);
    for (const url of URLS) expect(stdout).toContain(url);
    // Only a Greenhouse board answered, so no aggregator is credited.
    expect(stdout).not.toMatch(/Remotive|Himalayas/);
  });
});
