/**
 * Issue 6 end to end: one conversation (a first question, then a follow-up) through the console, Slack
 * and Discord, each with the LLM layer on against the local OpenAI-compatible fake. The first question is
 * answered from the knowledge base without the model; the follow-up reaches the model with the knowledge
 * entries, the user's text delimited and no secret in the request, and the cited answer is what users see.
 */
import { PassThrough } from 'node:stream';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createConsoleAdapter } from '../adapters/console/index.ts';
import { DISCORD_IDS, type RecordedCall } from './harness/discord-fake.ts';
import { fakeReply, type RecordedRequest } from './harness/openai-fake.ts';
import { FAKE_IDS, FakeSlack } from './harness/slack-fake.ts';
import { createTestBot, llmTestEnv, TEST_OPENAI_KEY } from './helpers/context.ts';
import { startDiscordRig } from './helpers/discord.ts';
import { COPYWRITER_ANSWER, useModel } from './helpers/llm.ts';
import { blockText, mention, messageEvent, startSlackRig } from './helpers/slack.ts';

const FIRST = 'how much do prompt engineers make?';
const FOLLOW_UP = 'and if I already work as a copywriter?';
// The platform secrets the bots are configured with; none may reach the model.
const SLACK_TOKEN = 'xoxb-test-token';
const DISCORD_TOKEN = 'discord-test-token';

const model = useModel();
beforeEach(() => {
  model().setDefault(fakeReply.text(COPYWRITER_ANSWER, { chunkDelayMs: 5 }));
});

/** The one request the follow-up made, checked for grounding, delimiting and secrets. */
function expectGroundedRequest(secrets: string[]): RecordedRequest {
  const chats = model().chats();
  expect(chats).toHaveLength(1);
  const request = chats[0] as RecordedRequest;
  const [system, user] = (request.body?.messages ?? []).map((m) => m.content);
  expect(system).toContain('<entry id="compensation"');
  expect(system).toContain('[compensation/listings-range]');
  expect(system).toContain('$70,000–$200,000 a year');
  expect(user).toContain(`user: ${FIRST}`);
  expect(user).toContain(`<user_message>\n${FOLLOW_UP}\n</user_message>`);
  expect(request.headers.authorization).toBe(`Bearer ${TEST_OPENAI_KEY}`);
  for (const secret of [TEST_OPENAI_KEY, ...secrets]) expect(request.raw).not.toContain(secret);
  return request;
}

describe('a follow-up answered by the model, on every platform', () => {
  it('console: prints (thinking…) and the cited answer', async () => {
    const { bot } = await createTestBot({ env: llmTestEnv(model().url) });
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk) => {
      printed += String(chunk);
    });
    const running = createConsoleAdapter({ bot, input, output }).start();
    input.end(`${FIRST}\n${FOLLOW_UP}\n/quit\n`);
    await running;

    expectGroundedRequest([]);
    const [first, second] = printed.split('\n> ').slice(1, 3);
    expect(first).not.toContain('(thinking…)');
    expect(second).toMatch(/^\(thinking…\)\n/);
    expect(second).toContain('(FOLLOW-UP)');
    expect(second).toContain('Copywriting already trains the core skill');
    expect(second).toContain('$70,000–$200,000 a year');
    expect(second).toContain('(Indeed and Upwork, 2023-06)');
  });

  it('Slack: answers in the thread, in the placeholder it posted', async () => {
    const fake = await FakeSlack.start();
    const env = { ...llmTestEnv(model().url), SLACK_BOT_TOKEN: SLACK_TOKEN, SLACK_SIGNING_SECRET: fake.signingSecret };
    const rig = await startSlackRig({ fake, env });
    fake.setAppUrl(`http://127.0.0.1:${rig.adapter.port}/slack/events`);
    try {
      const first = mention(FIRST);
      await fake.sendEvent(first);
      expect(model().chats()).toHaveLength(0);
      await fake.sendEvent(
        messageEvent(FOLLOW_UP, { channel: FAKE_IDS.channelId, channel_type: 'channel', thread_ts: first.ts }),
      );

      expectGroundedRequest([SLACK_TOKEN, fake.signingSecret]);
      const posts = fake.callsTo('chat.postMessage');
      expect(posts).toHaveLength(2);
      const final = fake.callsTo('chat.update').at(-1);
      expect(final?.params.ts).toBeDefined();
      const blocks = blockText(final?.params.blocks);
      expect(blocks).toContain('(follow-up)');
      expect(blocks).toContain('Copywriting already trains the core skill');
      expect(blocks).toMatch(/Source: .*Indeed/);
    } finally {
      await rig.stop();
      await fake.stop();
    }
  });

  it('Discord: answers in the thread the follow-up opens, in the placeholder it sent', async () => {
    const env = { ...llmTestEnv(model().url), DISCORD_TOKEN, DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId };
    const rig = await startDiscordRig({ env });
    try {
      rig.fake.sendMessage(rig.fake.guildMessage({ content: FIRST, mentionsBot: true }));
      await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.channelId}/messages` });
      const answerId = rig.fake.lastBotMessage(DISCORD_IDS.channelId)?.id ?? '';
      await vi.waitFor(async () => expect(await rig.ctx.store.get(`discord:answer:${answerId}`)).toBeDefined());
      expect(model().chats()).toHaveLength(0);
      const followUp = rig.fake.sendMessage(
        rig.fake.guildMessage({
          content: FOLLOW_UP,
          mentionsBot: true,
          messageReference: { message_id: answerId, channel_id: DISCORD_IDS.channelId },
        }),
      );
      const final = await rig.fake.waitForCall(
        (c: RecordedCall) =>
          c.method === 'PATCH' &&
          c.route.startsWith(`/channels/${followUp.id}/messages/`) &&
          (c.body as { embeds?: unknown }).embeds !== undefined,
      );

      expectGroundedRequest([DISCORD_TOKEN]);
      const shown = JSON.stringify((final.body as { embeds?: unknown }).embeds);
      expect(shown).toContain('(follow-up)');
      expect(shown).toContain('Copywriting already trains the core skill');
      expect(shown).toMatch(/\$70,000–\$200,000 a year.*Indeed/);
    } finally {
      await rig.stop();
    }
  });
});
