import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DISCORD_IDS, FakeDiscord } from '../harness/discord-fake.ts';
import { FakeSlack } from '../harness/slack-fake.ts';
import { tempDir } from '../helpers/context.ts';
import { type BotProcess, freePort, spawnBot } from '../helpers/process.ts';

const stops: (() => unknown)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

function start(env: Record<string, string>): BotProcess & { exited: Promise<number | null> } {
  const { dir, cleanup } = tempDir();
  const bot = spawnBot({ DATA_DIR: dir, LOG_LEVEL: 'info', ...env });
  const exited = new Promise<number | null>((resolve) => bot.child.once('exit', (code) => resolve(code)));
  stops.push(cleanup, () => bot.kill());
  return { ...bot, exited };
}

/** Non-JSON output lines (what the process wrote to stderr itself), and whether any looks like a stack trace. */
const plainLines = (bot: BotProcess) => bot.logs.filter((l) => l.level === undefined).map((l) => String(l.msg));
const hasStack = (bot: BotProcess) => JSON.stringify(bot.logs).includes('    at ');

// Each test starts the real process (and, for the network cases, waits through two backoff rounds).
vi.setConfig({ testTimeout: 60_000 });

describe('Slack at start-up', () => {
  async function slackBot(setup: (fake: FakeSlack) => void = () => undefined) {
    const fake = await FakeSlack.start();
    stops.push(() => fake.stop());
    setup(fake);
    const port = await freePort();
    return start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
  }

  it('issue 10: a bot token Slack refuses (invalid_auth) stops with one line naming SLACK_BOT_TOKEN, exit 2, never "ready"', async () => {
    const bot = await slackBot((fake) => fake.on('auth.test', () => ({ ok: false, error: 'invalid_auth' })));
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot).filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^careerbot: Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    expect(bot.logs.some((l) => l.msg === 'careerbot ready')).toBe(false);
    expect(hasStack(bot)).toBe(false);
    expect(JSON.stringify(bot.logs)).not.toContain('xoxb-start-test');
  });

  it.each(['not_authed', 'account_inactive', 'token_revoked'])(
    'issue 10: %s is a refusal too (exit 2)',
    async (error) => {
      const bot = await slackBot((fake) => fake.on('auth.test', () => ({ ok: false, error })));
      expect(await bot.exited).toBe(2);
      expect(plainLines(bot).join('\n')).toContain(`Slack refused SLACK_BOT_TOKEN (${error})`);
    },
  );

  it('issue 10: Slack unreachable at start is retried with backoff, one log line per attempt, no stack trace', async () => {
    const closed = await freePort();
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: 'signing-secret-for-tests',
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: String(await freePort()),
    });
    const first = await bot.waitForLog((l) => l.attempt === 1, 40_000);
    const second = await bot.waitForLog((l) => l.attempt === 2, 40_000);
    expect(first.msg).toMatch(/cannot reach Slack .*ECONNREFUSED.*; retrying in/);
    expect(Number(second.retryInMs)).toBeGreaterThan(Number(first.retryInMs));
    expect(bot.child.exitCode).toBeNull();
    expect(bot.logs.some((l) => l.msg === 'careerbot ready')).toBe(false);
    expect(hasStack(bot)).toBe(false);
  });

  it('issue 10: PORT already in use (HTTP mode) stops with one line naming PORT, exit 2', async () => {
    const fake = await FakeSlack.start();
    stops.push(() => fake.stop());
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    stops.push(() => new Promise((resolve) => taken.close(resolve)));
    const port = (taken.address() as AddressInfo).port;
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-start-test',
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
    });
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot).filter((l) => l.trim() !== '');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^careerbot: cannot listen on PORT=${port} \\(EADDRINUSE\\)`)),
    ]);
    expect(hasStack(bot)).toBe(false);
  });

  it('says "careerbot ready" only after Slack accepted the token', async () => {
    const bot = await slackBot();
    const ready = await bot.waitForLog((l) => l.msg === 'careerbot ready', 40_000);
    const listening = bot.logs.findIndex((l) => l.msg === 'Slack adapter listening (HTTP mode)');
    expect(listening).toBeGreaterThanOrEqual(0);
    expect(listening).toBeLessThan(bot.logs.indexOf(ready));
  });
});

describe('Discord at start-up', () => {
  async function discordBot(setup: (fake: FakeDiscord) => void = () => undefined) {
    const fake = await FakeDiscord.start();
    stops.push(() => fake.stop());
    setup(fake);
    return start({
      DISCORD_TOKEN: 'discord-start-token',
      DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId,
      DISCORD_API_URL: fake.api,
    });
  }

  it('issue 10: a token Discord refuses (401 on /gateway/bot) stops with one line naming DISCORD_TOKEN, exit 2', async () => {
    const bot = await discordBot((fake) =>
      fake.failNext('GET /gateway/bot', { status: 401, code: 0, message: '401: Unauthorized', times: 10 }),
    );
    expect(await bot.exited).toBe(2);
    const lines = plainLines(bot).filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^careerbot: Discord refused DISCORD_TOKEN \(HTTP 401\)/);
    expect(hasStack(bot)).toBe(false);
    expect(JSON.stringify(bot.logs)).not.toContain('discord-start-token');
  });

  it('issue 10: Discord unreachable at start is retried with backoff, one log line per attempt, no stack trace', async () => {
    const closed = await freePort();
    const bot = start({
      DISCORD_TOKEN: 'discord-start-token',
      DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId,
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
    });
    const first = await bot.waitForLog((l) => l.attempt === 1, 40_000);
    const second = await bot.waitForLog((l) => l.attempt === 2, 40_000);
    expect(first.msg).toMatch(/cannot reach Discord .*ECONNREFUSED.*; retrying in/);
    expect(Number(second.retryInMs)).toBeGreaterThan(Number(first.retryInMs));
    expect(bot.child.exitCode).toBeNull();
    expect(hasStack(bot)).toBe(false);
  });
});
