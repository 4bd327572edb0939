/**
 * issue 10 (item 17): in Slack HTTP mode Bolt's own `GET /healthz` route stays on PORT, and when Discord runs beside
 * it that route reports the Discord connection too (the separate health server cannot share the port).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackAdapter, type SlackAdapter } from '../../../adapters/slack/index.ts';
import { healthReport } from '../../../src/health.ts';
import { createScopedStore } from '../../../src/store/scoped.ts';
import { FakeSlack } from '../../harness/slack-fake.ts';
import { createTestBot } from '../../helpers/context.ts';

let fake: FakeSlack | undefined;
let adapter: SlackAdapter | undefined;
afterEach(async () => {
  await adapter?.stop();
  await fake?.stop();
  adapter = fake = undefined;
});

describe('issue 10: /healthz in Slack HTTP mode', () => {
  it('answers 200 while every platform is up and 503 while Discord is down', async () => {
    fake = await FakeSlack.start();
    const { bot, ctx } = await createTestBot();
    let discordUp = true;
    const sources = [{ name: 'discord', ready: () => discordUp }];
    const slack = createSlackAdapter({
      bot,
      logger: ctx.logger,
      store: createScopedStore(ctx.store, 'slack'),
      config: { botToken: 'xoxb-test-token', signingSecret: fake.signingSecret, apiUrl: fake.apiUrl, port: 0 },
      health: () => healthReport([...(adapter ? [adapter] : []), ...sources], ctx.kb.version),
    });
    adapter = slack;
    await slack.start();
    const url = `http://127.0.0.1:${slack.port}/healthz`;
    const up = await fetch(url);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ok: true, platforms: { slack: 'up', discord: 'up' } });
    discordUp = false;
    const down = await fetch(url);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ ok: false, platforms: { slack: 'up', discord: 'down' } });
  });
});
