/**
 * Discord's three-second window with a model at work (LLM_TIMEOUT_MS 5 s): interactions are deferred
 * before the model is done, exactly once, and the answer is edited into the original response; a model
 * streaming into a follow-up button's answer defers at once and shows its text as it grows.
 */
import { describe, expect, it } from 'vitest';
import { encodeAsk } from '../../../adapters/discord/custom-ids.ts';
import type { RecordedCall } from '../../harness/discord-fake.ts';
import { fakeReply } from '../../harness/openai-fake.ts';
import { startDiscordRig } from '../../helpers/discord.ts';
import { HEAD_START_ANSWER, useModelRig } from '../../helpers/llm.ts';

const MODEL_MS = 3_500;
const EPHEMERAL = 64;
const NO_PINGS = { parse: [], replied_user: false };
const ANSWER = `${HEAD_START_ANSWER} Ask how the team measures prompt quality before you accept.`;

type Callback = { type?: number; data?: { flags?: number } };
type Edit = { content?: string; embeds?: unknown[]; allowed_mentions?: unknown };

const { model, rig } = useModelRig((env) => startDiscordRig({ env, progressIntervalMs: 100 }), { timeoutMs: 5_000 });

const callbacksOf = (id: string) => rig().fake.calls.filter((c) => c.route.startsWith(`/interactions/${id}/`));
const originalEdits = () =>
  rig().fake.calls.filter((c) => c.method === 'PATCH' && /\/messages\/@original$/.test(c.route));
const finalEdit = (timeoutMs: number) =>
  rig().fake.waitForCall(
    (c: RecordedCall) =>
      c.method === 'PATCH' && /\/messages\/@original$/.test(c.route) && (c.body as Edit).embeds !== undefined,
    timeoutMs,
  );

describe('Discord interactions with a model', () => {
  it('defers /careers within 3 s while a slow model works, then edits the answer in', async () => {
    const first = rig().fake.sendInteraction(
      rig().fake.chatInput({ name: 'careers', options: { question: 'how much do prompt engineers make?' } }),
    );
    await rig().fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${first.id}/`) });
    expect(model().chats()).toHaveLength(0);

    model().enqueue(fakeReply.slow(MODEL_MS, ANSWER));
    const sentAt = Date.now();
    const asked = rig().fake.sendInteraction(
      rig().fake.chatInput({
        name: 'careers',
        options: { question: 'what salary should a copywriter expect when switching?' },
      }),
    );
    const final = await finalEdit(MODEL_MS + 2_000);
    const callbacks = callbacksOf(asked.id);
    expect(callbacks).toHaveLength(1);
    const deferral = callbacks[0] as RecordedCall;
    expect((deferral.body as Callback).type).toBe(5);
    expect((deferral.body as Callback).data?.flags).toBe(EPHEMERAL);
    expect(deferral.at - sentAt).toBeLessThan(3_000);
    expect(final.at - sentAt).toBeGreaterThanOrEqual(MODEL_MS);
    expect(JSON.stringify((final.body as Edit).embeds)).toContain('Your copywriting is a head start');
    expect((final.body as Edit).allowed_mentions).toEqual(NO_PINGS);
    // One request, the follow-up itself: no intent pick, and no answer served from the cache.
    expect(model().chats()).toHaveLength(1);
    expect(model().chats()[0]?.body?.response_format).toBeUndefined();
    expect(rig().lines.join('')).not.toMatch(/10062|40060|Unknown interaction|already been acknowledged/);
  });

  it('defers a follow-up button as soon as the model starts and streams its text into the response', async () => {
    const first = rig().fake.sendInteraction(
      rig().fake.button({ customId: encodeAsk({ question: 'how much do prompt engineers make?' }) }),
    );
    await rig().fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${first.id}/`) });
    expect(model().chats()).toHaveLength(0);

    // About 40 words at 40 ms each: the stream lasts well past the responder's 1.5 s fallback deferral.
    model().enqueue(fakeReply.text(ANSWER, { chunkDelayMs: 40 }));
    const sentAt = Date.now();
    const asked = rig().fake.sendInteraction(
      rig().fake.button({
        customId: encodeAsk({ question: 'how much would I earn as a beginner?' }),
        message: first.message,
      }),
    );
    const final = await finalEdit(4_000);
    const callbacks = callbacksOf(asked.id);
    expect(callbacks).toHaveLength(1);
    const deferral = callbacks[0] as RecordedCall;
    expect((deferral.body as Callback).type).toBe(5);
    expect(deferral.at - sentAt).toBeLessThan(1_000);
    expect(model().chats()).toHaveLength(1);
    const streamed = originalEdits().filter((c) => c !== final);
    expect(streamed.length).toBeGreaterThanOrEqual(2);
    for (const edit of streamed) {
      expect((edit.body as Edit).content).toMatch(/ …$/);
      expect((edit.body as Edit).allowed_mentions).toEqual(NO_PINGS);
      expect(edit.at).toBeLessThan(final.at);
    }
    expect((final.body as Edit).content).toBe('');
    expect(JSON.stringify((final.body as Edit).embeds)).toContain('Ask how the team measures prompt quality');
  });
});
