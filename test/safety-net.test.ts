import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeSlack } from './harness/slack-fake.ts';
import { tempDir } from './helpers/context.ts';
import { type BotProcess, freePort, spawnBot } from './helpers/process.ts';

const strayErrors = fileURLToPath(new URL('./fixtures/process/stray-errors.mjs', import.meta.url));

describe('the process-level safety net', () => {
  const { dir, cleanup } = tempDir();
  let bot: BotProcess | undefined;
  let fake: FakeSlack | undefined;
  afterAll(async () => {
    await bot?.kill();
    await fake?.stop();
    cleanup();
  });

  it('issue 10: an uncaught exception and an unhandled rejection are logged and the bot keeps serving', async () => {
    fake = await FakeSlack.start();
    const port = await freePort();
    bot = spawnBot({
      NODE_OPTIONS: `--import=${strayErrors}`,
      SLACK_BOT_TOKEN: 'xoxb-net-test',
      SLACK_SIGNING_SECRET: fake.signingSecret,
      SLACK_API_URL: fake.apiUrl,
      PORT: String(port),
      DATA_DIR: dir,
    });
    // The scheduler starts after the adapters and the safety net.
    await bot.waitForLog((line) => line.msg === 'jobs schedule');
    bot.child.kill('SIGUSR2');
    await bot.waitForLog((line) => line.msg === 'uncaught exception; still running', 10_000);
    await bot.waitForLog((line) => line.msg === 'unhandled rejection; still running', 10_000);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
    expect(bot.child.exitCode).toBeNull();
  });
});
