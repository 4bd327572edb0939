/** The AI assistant panel: starter prompts from the bot, and a status line while answering. */
import { beforeEach, describe, expect, it } from 'vitest';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { blockText, messageEvent, type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

describe('Slack assistant panel', () => {
  it('greets a new assistant thread with suggested prompts', async () => {
    await rig.fake.sendEvent({
      type: 'assistant_thread_started',
      assistant_thread: { user_id: FAKE_IDS.userId, context: {}, channel_id: 'D0DM', thread_ts: '1700000000.000100' },
      event_ts: '1700000000.000200',
    });
    expect(rig.fake.callsTo('assistant.threads.setSuggestedPrompts')[0]?.params.prompts).toHaveLength(3);
    expect(rig.fake.callsTo('chat.postMessage')[0]?.params).toMatchObject({
      channel: 'D0DM',
      thread_ts: '1700000000.000100',
    });
  });

  it('shows a status while answering a question in an assistant thread', async () => {
    await rig.fake.sendEvent(messageEvent('how much do prompt engineers make?', { thread_ts: '1700000000.000100' }));
    expect(rig.fake.callsTo('assistant.threads.setStatus')).toHaveLength(1);
    const [call] = rig.fake.callsTo('chat.postMessage');
    expect(call?.params).toMatchObject({ channel: 'D0DM', thread_ts: '1700000000.000100' });
    expect(blockText(call?.params.blocks)).toContain('$175,000');
  });
});
