/**
 * Discord message follow-ups through the LLM layer: the real discord.js client, the real openai SDK and
 * two local fakes. A follow-up shows a placeholder that is edited with the streamed text and then with
 * the cited answer or the knowledge-base fallback, pinging no one on any send or edit.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { PLACEHOLDER_CONTENT } from '../../../adapters/discord/progress.ts';
import { SYSTEM_PROMPT } from '../../../src/llm/prompt.ts';
import { DISCORD_IDS, type RecordedCall } from '../../harness/discord-fake.ts';
import { fakeReply, type Script } from '../../harness/openai-fake.ts';
import { type DiscordRig, startDiscordRig } from '../../helpers/discord.ts';
import { COPYWRITER_ANSWER, KB_PAY_TITLE, useModelRig } from '../../helpers/llm.ts';

const NO_PINGS = { parse: [], replied_user: false };

type Body = { content?: string; embeds?: { title?: string; footer?: { text?: string } }[]; allowed_mentions?: unknown };
const body = (call: RecordedCall | undefined) => (call?.body ?? {}) as Body;

const { model, rig } = useModelRig((env) => startDiscordRig({ env, progressIntervalMs: 40 }), { timeoutMs: 1_500 });

/** Asks a first question by mention and waits until its answer is linked to the conversation. */
async function firstAnswer(r: DiscordRig): Promise<string> {
  r.fake.sendMessage(r.fake.guildMessage({ content: 'how much do prompt engineers make?', mentionsBot: true }));
  await r.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.channelId}/messages` });
  const answerId = r.fake.lastBotMessage(DISCORD_IDS.channelId)?.id ?? '';
  await vi.waitFor(async () => expect(await r.ctx.store.get(`discord:answer:${answerId}`)).toBeDefined());
  return answerId;
}

/** Replies to the bot's answer, which moves the conversation into a thread; returns the thread's id. */
function followUp(r: DiscordRig, answerId: string, content: string): string {
  const sent = r.fake.sendMessage(
    r.fake.guildMessage({
      content,
      mentionsBot: true,
      messageReference: { message_id: answerId, channel_id: DISCORD_IDS.channelId },
    }),
  );
  return sent.id;
}

const finalEdit = (channelId: string, timeoutMs = 3_000) =>
  rig().fake.waitForCall(
    (c) =>
      c.method === 'PATCH' && c.route.startsWith(`/channels/${channelId}/messages/`) && body(c).embeds !== undefined,
    timeoutMs,
  );

describe('Discord follow-ups with a model', () => {
  it('answers a follow-up in its thread with the cited model answer, in a placeholder streamed and edited', async () => {
    const answerId = await firstAnswer(rig());
    expect(model().chats()).toHaveLength(0);
    model().enqueue(fakeReply.text(COPYWRITER_ANSWER, { chunkDelayMs: 15 }));
    const threadId = followUp(rig(), answerId, 'and if I already work as a copywriter?');

    const final = await finalEdit(threadId);
    expect(model().chats()).toHaveLength(1);
    const sends = rig().fake.callsTo('POST', `/channels/${threadId}/messages`);
    expect(sends).toHaveLength(1);
    expect(body(sends[0]).content).toBe(PLACEHOLDER_CONTENT);
    const edits = rig().fake.calls.filter((c) => c.method === 'PATCH' && c.route.startsWith(`/channels/${threadId}/`));
    expect(edits.length).toBeGreaterThanOrEqual(2);
    expect(new Set(edits.map((e) => e.route)).size).toBe(1);
    for (const call of [...sends, ...edits]) expect(body(call).allowed_mentions).toEqual(NO_PINGS);
    for (const streamed of edits.slice(0, -1)) {
      expect(body(streamed).content).toMatch(/ …$/);
      expect(body(streamed).content).not.toContain('[compensation');
    }
    const shown = JSON.stringify(body(final).embeds);
    expect(body(final).content).toBe('');
    expect(shown).toContain('(follow-up)');
    expect(shown).toContain('Copywriting already trains the core skill');
    expect(shown).toMatch(/\$70,000–\$200,000 a year.*Indeed/);
    expect(shown).toContain('Written by a language model');
  });

  describe('in a DM, whose whole history is one conversation', () => {
    beforeAll(async () => {
      rig().fake.sendMessage(rig().fake.dmMessage({ content: 'how much do prompt engineers make?' }));
      await rig().fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.dmChannelId}/messages` });
    });

    const fallbacks: [string, Script[], string][] = [
      [
        'an invented figure',
        [fakeReply.text('Switchers earn about $250,000 [compensation/listings-range].')],
        'in Europe?',
      ],
      ['a 500 from the model server', [fakeReply.serverError(), fakeReply.serverError()], 'is that per year?'],
      [
        'a model slower than LLM_TIMEOUT_MS',
        [fakeReply.slow(3_000, COPYWRITER_ANSWER)],
        'so what would a junior earn?',
      ],
      ['a model that recites its instructions', [fakeReply.leakSystemPrompt()], 'and with a marketing background?'],
    ];

    it.each(fallbacks)(
      'edits the placeholder into the knowledge-base answer after %s',
      async (_case, scripts, text) => {
        model().enqueue(...scripts);
        rig().fake.sendMessage(rig().fake.dmMessage({ content: text }));
        const final = await finalEdit(DISCORD_IDS.dmChannelId);
        expect(model().chats().length).toBeGreaterThanOrEqual(1);
        const sends = rig().fake.callsTo('POST', `/channels/${DISCORD_IDS.dmChannelId}/messages`);
        expect(sends.map((s) => body(s).content)).toEqual([PLACEHOLDER_CONTENT]);
        expect(body(final).embeds?.[0]?.title).toBe(KB_PAY_TITLE);
        expect(body(final).embeds?.[0]?.footer?.text).not.toMatch(/language model/);
        const edits = rig().fake.calls.filter((c) => c.method === 'PATCH');
        for (const call of [...sends, ...edits]) {
          expect(body(call).allowed_mentions).toEqual(NO_PINGS);
          expect(JSON.stringify(call.body)).not.toContain('250,000');
          expect(JSON.stringify(call.body)).not.toContain(SYSTEM_PROMPT.slice(0, 60));
        }
      },
    );
  });
});

describe('Discord with no model configured', () => {
  it('answers a follow-up exactly as before: one message in the new thread, no placeholder, no edits', async () => {
    const plain = await startDiscordRig();
    const answerId = await firstAnswer(plain);
    const threadId = followUp(plain, answerId, 'and if I already work as a copywriter?');
    const sent = await plain.fake.waitForCall({ method: 'POST', route: `/channels/${threadId}/messages` });
    expect(JSON.stringify(body(sent).embeds)).toContain(KB_PAY_TITLE);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(plain.fake.callsTo('POST', `/channels/${threadId}/messages`)).toHaveLength(1);
    expect(plain.fake.calls.filter((c) => c.method === 'PATCH')).toHaveLength(0);
    await plain.stop();
  });
});
