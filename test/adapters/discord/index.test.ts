/**
 * issue 10 (item 17): in Discord mode `GET /healthz` follows the gateway connection of the real discord.js client:
 * 503 while it logs in or resumes after a drop, 200 once READY/RESUMED, 503 again after stop.
 */
import { once } from 'node:events';
import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../../adapters/discord/index.ts';
import { type HealthServer, startHealthServer } from '../../../src/health.ts';
import { createScopedStore } from '../../../src/store/scoped.ts';
import { FakeDiscord } from '../../harness/discord-fake.ts';
import { createTestBot } from '../../helpers/context.ts';

let fake: FakeDiscord | undefined;
let adapter: DiscordAdapter | undefined;
let health: HealthServer | undefined;

afterEach(async () => {
  await health?.stop();
  await adapter?.stop();
  await fake?.stop();
  health = adapter = fake = undefined;
});

async function healthz(): Promise<{ status: number; body: { ok: boolean; platforms: Record<string, string> } }> {
  const res = await fetch(`http://127.0.0.1:${health?.port}/healthz`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; platforms: Record<string, string> } };
}

describe('issue 10: /healthz in Discord mode', () => {
  it('answers 503 while logging in or resuming, 200 when the gateway session is up, 503 after stop', async () => {
    fake = await FakeDiscord.start();
    const { bot, ctx } = await createTestBot();
    adapter = createDiscordAdapter({
      bot,
      logger: ctx.logger,
      store: createScopedStore(ctx.store, 'discord'),
      config: { token: 'discord-test-token', apiUrl: fake.api, restRetries: 0 },
    });
    health = await startHealthServer({ host: '127.0.0.1', port: 0, sources: [adapter] });
    expect(await healthz()).toEqual({ status: 503, body: { ok: false, platforms: { discord: 'down' } } });

    // The gateway holds IDENTIFY unanswered: connected, but no session yet.
    fake.holdSessions();
    const started = adapter.start();
    await fake.waitForIdentify();
    expect((await healthz()).status).toBe(503);
    fake.releaseSessions();
    await started;
    expect(await healthz()).toEqual({ status: 200, body: { ok: true, platforms: { discord: 'up' } } });

    // A dropped connection: discord.js resumes, and health is down until RESUMED arrives.
    fake.holdSessions();
    fake.dropConnection();
    await fake.waitForResume();
    expect((await healthz()).body.platforms.discord).toBe('down');
    const resumed = once(adapter.client, Events.ShardResume);
    fake.releaseSessions();
    await resumed;
    expect((await healthz()).status).toBe(200);

    await adapter.stop();
    expect((await healthz()).status).toBe(503);
  });
});
