/** Follow-up and topic buttons: a picked choice goes to the bot and the answer lands in the message's thread. */
import { beforeEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
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
