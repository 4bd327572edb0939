import type { ViewStateValue } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { ACTION_SHARE } from '../../../adapters/slack/render.ts';
import { VIABILITY_CALLBACK } from '../../../adapters/slack/render-views.ts';
import { MIDDLING_PROFILE } from '../../fixtures/viability-answers.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, mention, type SlackRig, startSlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

const complete = MIDDLING_PROFILE;
/** Modal state as Slack sends it: radio buttons keyed by block id `q_<question>`, plus the DM checkbox. */
function stateFor(answers: Record<string, string>, dm = false): Record<string, Record<string, ViewStateValue>> {
  const option = (value: string) => ({ text: { type: 'plain_text' as const, text: value }, value });
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const [q, v] of Object.entries(answers)) {
    values[`q_${q}`] = { answer: { type: 'radio_buttons', selected_option: option(v) } };
  }
  values.delivery = { answer: { type: 'checkboxes', selected_options: dm ? [option('dm')] : [] } };
  return values;
}

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

describe('follow-up buttons', () => {
  it('asks the bot the button’s question and answers in the message’s thread', async () => {
    await rig.fake.sendBlockAction({
      actionId: 'careerbot_ask_0',
      value: JSON.stringify({ q: 'Do I need to code to get in?' }),
      messageTs: '1700000001.000100',
    });
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params).toMatchObject({ channel: FAKE_IDS.channelId, thread_ts: '1700000001.000100' });
    expect(blockText(call?.params.blocks)).toMatch(/Barriers to entry/);
  });

  it('answers a chosen topic directly when the router offered two', async () => {
    await rig.fake.sendBlockAction({
      actionId: 'careerbot_ask_1',
      value: JSON.stringify({ q: 'anything', i: 'stability' }),
    });
    expect(blockText(rig.fake.callsTo('chat.postMessage')[0]?.params.blocks)).toMatch(/Role stability/);
  });

  it('ignores a tampered button value instead of failing', async () => {
    const res = await rig.fake.sendBlockAction({ actionId: 'careerbot_ask_0', value: '{not json' });
    expect(res.status).toBe(200);
    expect(rig.fake.callsTo('chat.postMessage').length).toBeLessThanOrEqual(1);
  });
});

describe('/viability modal', () => {
  it('opens a modal with selects, radio buttons and checkboxes', async () => {
    const res = await rig.fake.sendCommand({ command: '/viability' });
    expect(res.status).toBe(200);
    const call = await rig.fake.waitForCall('views.open');
    expect(call.params.trigger_id).toBe(res.payload.trigger_id);
    const view = call.params.view as { callback_id: string; blocks: { type: string; element?: { type: string } }[] };
    expect(view.callback_id).toBe(VIABILITY_CALLBACK);
    const types = view.blocks.filter((b) => b.type === 'input').map((b) => b.element?.type);
    expect(types).toEqual(expect.arrayContaining(['radio_buttons', 'static_select', 'checkboxes']));
  });

  it('returns field-level errors for missing answers, keeping the modal open', async () => {
    const { coding: _skip, ...partial } = complete;
    const res = await rig.fake.sendViewSubmission(
      rig.fake.viewSubmissionPayload({ callbackId: VIABILITY_CALLBACK, values: stateFor(partial) }),
    );
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ response_action: 'errors', errors: { q_coding: expect.any(String) } });
  });

  it('scores a submission, answers privately where it was run, and updates App Home', async () => {
    const meta = JSON.stringify({ c: FAKE_IDS.channelId, r: rig.fake.responseUrl('viab-1') });
    const res = await rig.fake.sendViewSubmission(
      rig.fake.viewSubmissionPayload({
        callbackId: VIABILITY_CALLBACK,
        values: stateFor(complete),
        privateMetadata: meta,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    const response = await rig.fake.waitForResponse('viab-1');
    expect(response.body.response_type).toBe('ephemeral');
    const shown = blockText(response.body.blocks);
    for (const factor of ['Compensation', 'Barriers', 'Role stability']) expect(shown).toContain(factor);
    const home = await rig.fake.waitForCall('views.publish');
    expect(home.params.user_id).toBe(FAKE_IDS.userId);
    expect(blockText(home.params.view)).toMatch(/viability/i);
  });

  it('sends the result to the DM when asked, or when opened from App Home', async () => {
    await rig.fake.sendViewSubmission(
      rig.fake.viewSubmissionPayload({
        callbackId: VIABILITY_CALLBACK,
        values: stateFor(complete, true),
        privateMetadata: '{}',
      }),
    );
    const dm = await rig.fake.waitForCall('chat.postMessage');
    expect(dm.params.channel).toBe(FAKE_IDS.userId);
  });

  it('tells the user when the modal cannot open (expired trigger)', async () => {
    rig.fake.failNext('views.open', { error: 'expired_trigger_id' });
    await rig.fake.sendCommand({ command: '/viability' });
    const response = await rig.fake.waitForResponse();
    expect(String(response.body.text)).toMatch(/could not open the questionnaire/);
  });
});

describe('App Home', () => {
  it('publishes what the bot can do when the Home tab opens', async () => {
    await rig.fake.sendEvent({
      type: 'app_home_opened',
      user: 'U0HOME',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1.1',
    });
    const call = await rig.fake.waitForCall('views.publish');
    expect(call.params.user_id).toBe('U0HOME');
    expect(blockText(call.params.view)).toContain('/viability');
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
