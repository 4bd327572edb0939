/**
 * Slack's three-second window with a slow model (3.5 s, LLM_TIMEOUT_MS 5 s), in production mode (acks
 * before the work): events and /careers are acknowledged at once, progress shows before the model is
 * done, and the answer arrives afterwards by update or response_url replacement.
 */
import { describe, expect, it, vi } from 'vitest';
import { CAREERS_THINKING } from '../../../adapters/slack/commands.ts';
import { PLACEHOLDER_TEXT } from '../../../adapters/slack/progress.ts';
import { threadKey } from '../../../adapters/slack/responder.ts';
import { fakeReply } from '../../harness/openai-fake.ts';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { HEAD_START_ANSWER, useModelRig } from '../../helpers/llm.ts';
import { blockText, mention, messageEvent, startSlackRig } from '../../helpers/slack.ts';

const MODEL_MS = 3_500;

const { model, rig } = useModelRig((env) => startSlackRig({ env, processBeforeResponse: false }), { timeoutMs: 5_000 });

describe('Slack with a slow model', () => {
  it('acks a thread follow-up at once, posts the placeholder before the model is done, and updates it after', async () => {
    const first = mention('how much do prompt engineers make?');
    await rig().fake.sendEvent(first);
    await rig().fake.waitForCall('chat.postMessage');
    // Acked before the work, the first answer notes its thread just after Slack confirms the post.
    await vi.waitFor(async () => expect(await rig().store.get(threadKey(FAKE_IDS.channelId, first.ts))).toBe(true));
    model().enqueue(fakeReply.slow(MODEL_MS, HEAD_START_ANSWER));
    const sentAt = Date.now();
    const res = await rig().fake.sendEvent(
      messageEvent('and if I already work as a copywriter?', {
        channel: FAKE_IDS.channelId,
        channel_type: 'channel',
        thread_ts: first.ts,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1_000);
    const placeholder = await rig().fake.waitForCall('chat.postMessage', (c) => c.params.text === PLACEHOLDER_TEXT);
    expect(placeholder.at - sentAt).toBeLessThan(1_000);
    const final = await rig().fake.waitForCall('chat.update', (c) => c.params.blocks !== undefined, 6_000);
    expect(model().chats()).toHaveLength(1);
    expect(final.at - sentAt).toBeGreaterThanOrEqual(MODEL_MS);
    expect(blockText(final.params.blocks)).toContain('Your copywriting is a head start');
    expect(rig().fake.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('acks /careers at once, shows a private thinking note within 3 s, then replaces it with the answer', async () => {
    await rig().fake.sendCommand({ command: '/careers', text: 'how much do prompt engineers make?' });
    await rig().fake.waitForResponse();
    expect(model().chats()).toHaveLength(0);
    rig().fake.reset();

    model().enqueue(fakeReply.slow(MODEL_MS, HEAD_START_ANSWER));
    const sentAt = Date.now();
    const res = await rig().fake.sendCommand({
      command: '/careers',
      text: 'what salary should a copywriter expect when switching?',
    });
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(1_000);
    const thinking = await rig().fake.waitForResponse(undefined, 3_000);
    expect(thinking.body).toMatchObject({ response_type: 'ephemeral', text: CAREERS_THINKING });
    expect(thinking.at - sentAt).toBeLessThan(3_000);
    const answer = await rig().fake.waitForResponse(undefined, 6_000, (r) => r.body.replace_original === true);
    expect(answer.at - sentAt).toBeGreaterThanOrEqual(MODEL_MS);
    expect(answer.body.response_type).toBe('ephemeral');
    expect(blockText(answer.body.blocks)).toContain('Your copywriting is a head start');
    // One request, the follow-up itself: no intent pick, and no answer served from the cache.
    expect(model().chats()).toHaveLength(1);
    expect(model().chats()[0]?.body?.response_format).toBeUndefined();
    expect(rig().fake.responses).toHaveLength(2);
  });
});
