/** The Slack adapter's factory: HTTP mode, production timing (acks before the work) and posting unprompted. */
import { beforeEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, mention, type SlackRig, startSlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

describe('Slack HTTP mode: requests and signatures', () => {
  it('answers url_verification with the challenge', async () => {
    const res = await rig.fake.sendUrlVerification('chal-123');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ challenge: 'chal-123' });
  });

  it.each([
    ['a bad signature', { badSignature: true }],
    ['a missing signature', { noSignature: true }],
    ['a timestamp older than five minutes', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('rejects %s with 401 and does nothing', async (_name, signOptions) => {
    const res = await rig.fake.sendEvent(mention('how much do prompt engineers make?'), { signOptions });
    expect(res.status).toBe(401);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('serves GET /healthz on the same port', async () => {
    const res = await fetch(`http://127.0.0.1:${rig.adapter.port}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true });
  });
});

describe('posting on its own (weekly posts use this)', () => {
  it('posts a reply to a channel without being asked', async () => {
    const { answerReply } = await import('../../../src/answers/compose.ts');
    await rig.adapter.post(FAKE_IDS.channelId, answerReply(rig.ctx.kb, 'jobs'));
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params.channel).toBe(FAKE_IDS.channelId);
    expect(blockText(call?.params.blocks)).toMatch(/openings/i);
  });
});

describe('production timing (processBeforeResponse off)', () => {
  it('acks a slow command at once and answers afterwards', async () => {
    const prod = await startSlackRig({ processBeforeResponse: false, fake: rig.fake });
    const res = await rig.fake.sendCommand(
      { command: '/careers', text: 'how much do prompt engineers make?' },
      { url: `http://127.0.0.1:${prod.adapter.port}/slack/events` },
    );
    expect(res.status).toBe(200);
    const response = await rig.fake.waitForResponse(res.payload.response_url.split('/').at(-1));
    expect(blockText(response.body.blocks)).toContain('$175,000');
    await prod.stop();
  });

  it('answers a mention after Bolt has already acked the event', async () => {
    const prod = await startSlackRig({ processBeforeResponse: false, fake: rig.fake });
    const res = await rig.fake.sendEvent(mention('how much do prompt engineers make?'), {
      url: `http://127.0.0.1:${prod.adapter.port}/slack/events`,
    });
    expect(res.status).toBe(200);
    await rig.fake.waitForCall('chat.postMessage');
    await prod.stop();
  });
});
