import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { startAdapters } from '../../src/startup/adapter-start.ts';
import { createScopedStore } from '../../src/store/scoped.ts';
import { FakeDiscord } from '../harness/discord-fake.ts';
import { FakeSlack } from '../harness/slack-fake.ts';
import { createTestBot } from '../helpers/context.ts';

const stops: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});
const quickBackoff = { firstDelayMs: 10, maxDelayMs: 20 };
// The Slack WebClient waits between its own retries (250 ms, 500 ms) before a start attempt fails.
vi.setConfig({ testTimeout: 40_000 });

describe('a platform that is down at start-up comes back (real SDKs against the fakes)', () => {
  it('issue 10: Slack answering 500 to auth.test is retried, then the adapter starts and says so', async () => {
    const fake = await FakeSlack.start();
    stops.push(() => fake.stop());
    let failures = 4; // more than the WebClient's own two retries, so one start attempt fails
    fake.on('auth.test', () => {
      if (failures-- > 0) throw new Error('Slack is having a bad day');
      return { ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0TEAM' };
    });
    const { bot, ctx, lines } = await createTestBot();
    const adapter = createSlackAdapter({
      bot,
      logger: ctx.logger,
      store: createScopedStore(ctx.store, 'slack'),
      config: { botToken: 'xoxb-retry', signingSecret: fake.signingSecret, apiUrl: fake.apiUrl, port: 0 },
    });
    stops.push(() => adapter.stop());
    await startAdapters([adapter], ctx.logger, quickBackoff);
    expect(adapter.port).toBeGreaterThan(0);
    expect(lines.join('')).toMatch(/Slack at 127\.0\.0\.1:\d+ is not answering \(HTTP 500\); retrying in 10 ms/);
  });

  it('issue 10: Discord answering 503 to /gateway/bot is retried, then the client logs in', async () => {
    const fake = await FakeDiscord.start();
    stops.push(() => fake.stop());
    fake.failNext('GET /gateway/bot', { status: 503, times: 2 });
    const { bot, ctx, lines } = await createTestBot();
    const adapter = createDiscordAdapter({
      bot,
      logger: ctx.logger,
      store: createScopedStore(ctx.store, 'discord'),
      config: { token: 'discord-retry-token', apiUrl: fake.api, waitGuildTimeout: 1_000, restRetries: 0 },
    });
    stops.push(() => adapter.stop());
    await startAdapters([adapter], ctx.logger, quickBackoff);
    expect(adapter.client.isReady()).toBe(true);
    expect(lines.join('')).toMatch(/Discord at 127\.0\.0\.1:\d+ is not answering \(HTTP 503\); retrying in 10 ms/);
  });
});
