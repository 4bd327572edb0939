/** Slash commands from the registry: /careers answered privately with Share, /help, answered through response_url. */
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION_SHARE } from '../../../adapters/slack/render.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

describe('/careers', () => {
  it('answers privately with a Share to channel button', async () => {
    const res = await rig.fake.sendCommand({ command: '/careers', text: 'how much do prompt engineers make?' });
    expect(res.status).toBe(200);
    const response = await rig.fake.waitForResponse();
    expect(response.body.response_type).toBe('ephemeral');
    expect(blockText(response.body.blocks)).toContain('$175,000');
    expect(blockText(response.body.blocks)).toContain(ACTION_SHARE);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('shows help when run with no text', async () => {
    await rig.fake.sendCommand({ command: '/careers', text: '' });
    const response = await rig.fake.waitForResponse();
    expect(response.body.response_type).toBe('ephemeral');
    expect(blockText(response.body.blocks)).toMatch(/What careerbot can do/i);
  });

  it('shares the answer to the channel when the button is clicked', async () => {
    await rig.fake.sendBlockAction({
      actionId: ACTION_SHARE,
      value: 'how much do prompt engineers make?',
      container: { type: 'message', message_ts: '1.2', channel_id: FAKE_IDS.channelId, is_ephemeral: true },
    });
    const response = await rig.fake.waitForResponse();
    expect(response.body.response_type).toBe('in_channel');
    expect(blockText(response.body.blocks)).toContain('$175,000');
  });

  it('issue 10: Share posts the answer first, then deletes the private copy with delete_original alone', async () => {
    const res = await rig.fake.sendBlockAction({
      actionId: ACTION_SHARE,
      value: 'how much do prompt engineers make?',
      container: { type: 'message', message_ts: '1.2', channel_id: FAKE_IDS.channelId, is_ephemeral: true },
    });
    const id = res.payload.response_url.split('/').at(-1);
    await rig.fake.waitForResponse(id, 2000, (r) => r.body.delete_original === true);
    expect(rig.fake.refusedResponses).toEqual([]);
    expect(rig.fake.responses.map((r) => Object.keys(r.body).includes('delete_original'))).toEqual([false, true]);
    expect(rig.fake.responses[0]?.body.response_type).toBe('in_channel');
  });
});

describe('/help', () => {
  it('issue 13: answers /help privately with what careerbot can do, built from the command registry', async () => {
    const res = await rig.fake.sendCommand({ command: '/help', text: '' });
    expect(res.status).toBe(200);
    const response = await rig.fake.waitForResponse();
    expect(response.body.response_type).toBe('ephemeral');
    expect(blockText(response.body.blocks)).toMatch(/What careerbot can do/i);
    expect(blockText(response.body.blocks)).not.toContain(ACTION_SHARE);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });
});
