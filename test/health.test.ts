/** issue 10 (item 17): the core `/healthz` server: status per platform, loopback by default, which modes need it. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { type HealthServer, needsHealthServer, startHealthServer } from '../src/health.ts';

let server: HealthServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('issue 10: health server', () => {
  it('answers 200 when every platform is up and 503 naming the one that is down', async () => {
    let discordUp = true;
    const sources = [
      { name: 'slack', ready: () => true },
      { name: 'discord', ready: () => discordUp },
    ];
    server = await startHealthServer({ host: '127.0.0.1', port: 0, sources, knowledge: 'abc123' });
    const url = `http://127.0.0.1:${server.port}/healthz`;
    const up = await fetch(url);
    expect(up.status).toBe(200);
    expect(up.headers.get('cache-control')).toBe('no-store');
    expect(await up.json()).toEqual({ ok: true, platforms: { slack: 'up', discord: 'up' }, knowledge: 'abc123' });
    discordUp = false;
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, platforms: { slack: 'up', discord: 'down' } });
    expect((await fetch(url, { method: 'HEAD' })).status).toBe(503);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`http://127.0.0.1:${server.port}/`)).status).toBe(404);
  });

  it('listens on loopback by default (HOST unset) and on the HOST given', async () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    server = await startHealthServer({ host: loadConfig({}).host, port: 0, sources: [] });
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it('is needed in Discord mode and Slack Socket Mode, not in Slack HTTP mode (Bolt serves /healthz there)', () => {
    const discord = loadConfig({ DISCORD_TOKEN: 'discord-token', DISCORD_APPLICATION_ID: '110000000000000001' });
    const socket = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' });
    const http = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'signing-secret' });
    expect([discord, socket, http].map(needsHealthServer)).toEqual([true, true, false]);
  });

  it('rejects when the port is taken, so the caller can log it', async () => {
    server = await startHealthServer({ host: '127.0.0.1', port: 0, sources: [] });
    await expect(startHealthServer({ host: '127.0.0.1', port: server.port, sources: [] })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
