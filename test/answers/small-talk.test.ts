/** Greetings and thanks: a short reply on every platform, the full help only when help is asked for. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeReply, type OpenAiFake, startOpenAiFake } from '../harness/openai-fake.ts';
import { createTestBot, llmTestEnv, message } from '../helpers/context.ts';

let fake: OpenAiFake;
beforeAll(async () => {
  fake = await startOpenAiFake({ default: fakeReply.text('Glad to help [compensation].') });
});
afterAll(async () => {
  await fake.close();
});

const inThread = (text: string) => message(text, { kind: 'thread_reply', conversation: { id: 'C1', threadId: '1.2' } });

describe('issue 10: greetings and thanks', () => {
  it.each(['hi', 'Hello!', 'hey there', 'good morning', 'thanks', 'thank you so much!', 'great, thanks!', 'ty'])(
    'answers "%s" in a line or two, not with the whole help',
    async (text) => {
      const { bot } = await createTestBot();
      const reply = await bot.handle(message(text));
      expect(reply.kind).not.toBe('help');
      expect(reply.title).not.toMatch(/What careerbot can do/i);
      expect(reply.body.length).toBeLessThan(160);
      expect(reply.facts).toEqual([]);
    },
  );

  it.each(['help', 'what can you do?', 'hi, how much do prompt engineers make?'])(
    'still answers "%s" in full',
    async (text) => {
      const { bot } = await createTestBot();
      const reply = await bot.handle(message(text));
      expect(reply.kind === 'help' || reply.facts.length > 0).toBe(true);
    },
  );

  it('thanks after an answer neither repeats the topic nor calls the model', async () => {
    const { bot } = await createTestBot({ env: llmTestEnv(fake.url) });
    const first = await bot.handle(inThread('how much do prompt engineers make?'));
    expect(first.entryIds).toEqual(['compensation']);
    const thanks = await bot.handle(inThread('great, thanks!'));
    expect(thanks.entryIds).toEqual([]);
    expect(fake.chats()).toHaveLength(0);
  });

  it('keeps the thread on its topic, so a vague follow-up after thanks still continues it', async () => {
    const { bot } = await createTestBot();
    await bot.handle(inThread('how much do prompt engineers make?'));
    await bot.handle(inThread('thanks!'));
    expect((await bot.handle(inThread('and in europe?'))).entryIds).toEqual(['compensation']);
  });
});
