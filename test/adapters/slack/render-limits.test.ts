/** Issue 10: replies with degenerate parts still post, now that FakeSlack refuses what Slack refuses. */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/ports.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

const reply = (extra: Partial<Reply>): Reply => ({
  kind: 'answer',
  title: 'Salaries',
  body: 'Pay varies.',
  facts: [],
  advice: [],
  choices: [],
  entryIds: [],
  ...extra,
});

describe('issue 10: degenerate replies against Slack limits', () => {
  it('issue 10: a follow-up whose label is blank gets its question as the label and the answer posts', async () => {
    const choices = [
      { label: '  ', question: 'Do I need to code?' },
      { label: '', question: '' },
    ];
    await rig.adapter.post(FAKE_IDS.channelId, reply({ choices }));
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(JSON.stringify(call?.params.blocks)).toContain('Do I need to code?');
  });

  it('issue 10: a reply with no title and no body still carries a notification text', async () => {
    await rig.adapter.post(FAKE_IDS.channelId, reply({ title: ' ', body: '' }));
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(String(call?.params.text).trim()).not.toBe('');
  });
});
