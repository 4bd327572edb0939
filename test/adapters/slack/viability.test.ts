/** The viability modal: opened by /viability, checked by the core (field errors keep it open), scored and delivered. */
import type { ViewStateValue } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { VIABILITY_CALLBACK } from '../../../adapters/slack/render-views.ts';
import { createStore, type Store } from '../../../src/store/store.ts';
import { MIDDLING_PROFILE } from '../../fixtures/viability-answers.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { captureLogger } from '../../helpers/context.ts';
import { blockText, type SlackRig, startSlackRig, useSlackRig } from '../../helpers/slack.ts';

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

describe('/viability modal on a slow store', () => {
  it('issue 13: acks a valid form within Slack’s three seconds even when storing the result is slow, then delivers it', async () => {
    const { logger } = captureLogger();
    const real = await createStore({ dataDir: ':memory:', logger });
    // The previous result is read before scoring: a store that takes 3.5 s to answer it would hold the ack.
    const slow: Store = {
      ...real,
      kind: real.kind,
      async get<T>(key: string) {
        if (key.startsWith('viability:')) await new Promise((resolve) => setTimeout(resolve, 3_500));
        return real.get<T>(key);
      },
    };
    const slowRig = await startSlackRig({ store: slow, processBeforeResponse: false });
    try {
      const meta = JSON.stringify({ c: FAKE_IDS.channelId, r: slowRig.fake.responseUrl('viab-slow') });
      const res = await slowRig.fake.sendViewSubmission(
        slowRig.fake.viewSubmissionPayload({
          callbackId: VIABILITY_CALLBACK,
          values: stateFor(complete),
          privateMetadata: meta,
        }),
      );
      expect(res.acked).toBe(true);
      const response = await slowRig.fake.waitForResponse('viab-slow', 8_000);
      expect(blockText(response.body.blocks)).toContain('Compensation');
    } finally {
      await slowRig.stop();
      await real.close();
    }
  }, 15_000);
});
