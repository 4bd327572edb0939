import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_IDS, FakeDiscord } from './harness/discord-fake.ts';
import { FakeSlack } from './harness/slack-fake.ts';
import { tempDir } from './helpers/context.ts';
import { freePort } from './helpers/process.ts';
import { mention } from './helpers/slack.ts';

async function waitForHealth(url: string, timeoutMs = 15_000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await fetch(url);
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('npm start with Slack configured (composition root)', () => {
  let fake: FakeSlack;
  let child: ChildProcess;
  let port: number;
  const { dir, cleanup } = tempDir();
  beforeAll(async () => {
    fake = await FakeSlack.start();
    port = await freePort();
    child = spawn(process.execPath, ['src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        SLACK_BOT_TOKEN: 'xoxb-main-test',
        SLACK_SIGNING_SECRET: fake.signingSecret,
        SLACK_API_URL: fake.apiUrl,
        PORT: String(port),
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  });
  afterAll(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await fake.stop();
    cleanup();
  });

  it('starts the Slack adapter in HTTP mode, answers, and shuts down cleanly on SIGTERM', async () => {
    const health = await waitForHealth(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    // issue 10: Bolt's route reports each platform's connection (all of them, were Discord configured too).
    expect(await health.json()).toMatchObject({ ok: true, platforms: { slack: 'up' } });
    expect(fake.callsTo('auth.test')[0]?.auth).toBe('Bearer xoxb-main-test');
    fake.setAppUrl(`http://127.0.0.1:${port}/slack/events`);
    await fake.sendEvent(mention('how much do prompt engineers make?'));
    const call = await fake.waitForCall('chat.postMessage', undefined, 5_000);
    expect(JSON.stringify(call.params.blocks)).toContain('$175,000');
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});

/** Polls `url` until it answers `status` (the process may still be starting or logging in). */
async function waitForStatus(url: string, status: number, timeoutMs = 15_000): Promise<Response> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(url).catch(() => undefined);
    if (res?.status === status || Date.now() > until) return res ?? fetch(url);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start with Discord configured (composition root)', () => {
  it('logs in through DISCORD_API_URL, serves /healthz on PORT, answers an interaction, and exits 0 on SIGTERM', async () => {
    const fake = await FakeDiscord.start();
    const { dir, cleanup } = tempDir();
    const port = await freePort();
    const child = spawn(process.execPath, ['src/main.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: 'discord-main-token',
        DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId,
        DISCORD_API_URL: fake.api,
        PORT: String(port),
        DATA_DIR: dir,
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      await fake.waitForIdentify({ timeoutMs: 15_000 });
      // issue 10: Discord mode opens no port of its own, yet Docker's HEALTHCHECK needs /healthz on PORT.
      const health = await waitForStatus(`http://127.0.0.1:${port}/healthz`, 200);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, platforms: { discord: 'up' } });
      const interaction = fake.sendInteraction(
        fake.chatInput({ name: 'careers', options: { question: 'how much do prompt engineers make?' } }),
      );
      const call = await fake.waitForCall(
        { method: 'POST', route: new RegExp(`^/interactions/${interaction.id}/`) },
        10_000,
      );
      expect(JSON.stringify(call.body)).toContain('$175,000');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await fake.stop();
      cleanup();
    }
  });
});
