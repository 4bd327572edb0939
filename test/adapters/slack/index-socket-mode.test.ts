import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, mention, type SlackRig, startSlackRig } from '../../helpers/slack.ts';

let rig: SlackRig;
beforeAll(async () => {
  // start() resolves once the fake's `hello` has arrived over the socket.
  rig = await startSlackRig({ socketMode: true });
});
afterAll(async () => {
  await rig.stop();
});

describe('Slack Socket Mode (SLACK_APP_TOKEN)', () => {
  it('connects through apps.connections.open with the app token', () => {
    const open = rig.fake.callsTo('apps.connections.open')[0];
    expect(open?.auth).toBe('Bearer xapp-1-test');
  });

  it('acks an events_api envelope, answers the mention in its thread, and ignores the retry', async () => {
    const event = mention('how much do prompt engineers make?');
    const payload = rig.fake.eventCallback(event, { eventId: 'EvSOCKET1' });
    const first = rig.fake.sendEnvelope('events_api', payload);
    expect((await rig.fake.waitForAck(first)).envelope_id).toBe(first);
    const call = await rig.fake.waitForCall('chat.postMessage');
    expect(call.params).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: event.ts });
    expect(blockText(call.params.blocks)).toContain('$175,000');
    const retry = rig.fake.sendEnvelope('events_api', payload, { retryAttempt: 1 });
    await rig.fake.waitForAck(retry);
    await new Promise((r) => setTimeout(r, 100));
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('acks a slash command envelope and answers through response_url', async () => {
    const command = rig.fake.slashCommand({ command: '/careers', text: 'which certification should I get?' });
    const id = rig.fake.sendEnvelope('slash_commands', command);
    await rig.fake.waitForAck(id);
    const response = await rig.fake.waitForResponse(command.response_url.split('/').at(-1));
    expect(response.body.response_type).toBe('ephemeral');
    expect(blockText(response.body.blocks)).toMatch(/Certifications/);
  });
});
