/** Self-tests for FakeSlack against the real Bolt App (HTTP and Socket Mode) and the real WebClient. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, type Logger, LogLevel, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACK_DEADLINE_MS, FAKE_IDS, FakeSlack } from './slack-fake.ts';

// Bolt logs rejected signatures and socket state changes; the assertions cover them, so keep the output clean.
const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

let fake: FakeSlack;
let app: App | undefined;

beforeEach(async () => {
  fake = await FakeSlack.start();
});

afterEach(async () => {
  await app?.stop();
  app = undefined;
  await fake.stop();
});

describe('HTTP mode', () => {
  async function startHttpApp(): Promise<App> {
    const started = new App({
      token: 'xoxb-test',
      signingSecret: fake.signingSecret,
      botId: FAKE_IDS.botId,
      botUserId: FAKE_IDS.botUserId,
      logger: silent,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    started.command('/echo', async ({ command, ack, say, respond }) => {
      await ack();
      await say(`echo: ${command.text}`);
      await respond({ response_type: 'ephemeral', text: 'done' });
    });
    const server = await started.start(0);
    fake.setAppUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`);
    app = started;
    return started;
  }

  it('delivers a signed slash command; say() and respond() reach the fake', async () => {
    await startHttpApp();
    const result = await fake.sendCommand({ command: '/echo', text: 'hello' });
    expect(result.status).toBe(200);

    const call = await fake.waitForCall('chat.postMessage');
    expect(call.auth).toBe('Bearer xoxb-test');
    expect(call.params).toMatchObject({ channel: FAKE_IDS.channelId, text: 'echo: hello' });
    const response = await fake.waitForResponse(result.payload.response_url.split('/').at(-1));
    expect(response.body).toMatchObject({ text: 'done', response_type: 'ephemeral' });
  });

  it('answers 401 to a bad signature and a stale timestamp, and echoes url_verification', async () => {
    await startHttpApp();
    expect((await fake.sendCommand({ command: '/echo' }, { signOptions: { badSignature: true } })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 6 * 60;
    expect((await fake.sendCommand({ command: '/echo' }, { signOptions: { timestamp: stale } })).status).toBe(401);
    const verification = await fake.sendUrlVerification('abc123');
    expect(verification.json).toEqual({ challenge: 'abc123' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});

describe('Socket Mode', () => {
  it('connects through apps.connections.open and receives the ack for a slash_commands envelope', async () => {
    const started = new App({
      token: 'xoxb-test',
      appToken: 'xapp-1-test',
      socketMode: true,
      botId: FAKE_IDS.botId,
      botUserId: FAKE_IDS.botUserId,
      logger: silent,
      clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } },
    });
    started.command('/echo', async ({ command, ack }) => {
      await ack({ text: `ack ${command.text}` });
    });
    app = started;
    await started.start();

    expect(fake.callsTo('apps.connections.open')[0]?.auth).toBe('Bearer xapp-1-test');
    expect(fake.socketConnections).toBe(1);
    const envelopeId = fake.sendEnvelope('slash_commands', fake.slashCommand({ command: '/echo', text: 'hi' }));
    const ack = await fake.waitForAck(envelopeId);
    expect(ack).toEqual({ envelope_id: envelopeId, payload: { text: 'ack hi' } });
  });
});

describe('Web API limits and faults', () => {
  it('rejects oversize blocks with Slack errors and injects rate limits and platform errors', async () => {
    const client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: silent,
    });
    const long = { type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } } as const;
    await expect(client.chat.postMessage({ channel: 'C1', text: 't', blocks: [long] })).rejects.toMatchObject({
      data: {
        error: 'invalid_blocks',
        errors: ['must be less than 3001 characters [json-pointer:/blocks/0/text/text]'],
      },
    });
    expect(fake.calls[0]?.params.blocks).toEqual([long]);

    fake.failNext('chat.postMessage', { retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 't' })).rejects.toMatchObject({
      code: 'slack_webapi_rate_limited_error',
      retryAfter: 7,
    });
    fake.failNext('conversations.info', { error: 'channel_not_found' });
    await expect(client.conversations.info({ channel: 'C1' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
    await expect(client.chat.postMessage({ channel: 'C1', text: 't' })).resolves.toMatchObject({ ok: true });
  });
});

describe('the ack deadline', () => {
  it("judges an HTTP answer after Slack's three seconds as not acked, and a prompt 200 as acked", async () => {
    expect(ACK_DEADLINE_MS).toBe(3_000);
    const strict = await FakeSlack.start({ ackDeadlineMs: 100 });
    let delayMs = 0;
    const server = createServer((_req, res) => {
      setTimeout(() => res.writeHead(200).end(), delayMs);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/slack/events`;
      expect((await strict.sendCommand({ command: '/careers', text: 'hi' }, { url })).acked).toBe(true);
      delayMs = 300;
      const late = await strict.sendCommand({ command: '/careers', text: 'hi' }, { url });
      expect(late.status).toBe(200);
      expect(late.acked).toBe(false);
    } finally {
      server.close();
      await strict.stop();
    }
  });
});
