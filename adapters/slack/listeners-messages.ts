/**
 * Message listeners: mentions (answered in a thread under the question), DMs, plain replies in threads
 * the bot answered, and the AI assistant panel. Bolt acks events itself, before any of this runs, so a
 * model taking seconds over a follow-up never delays an ack; while it works, a placeholder (or, in the
 * assistant panel, a status) shows progress. Each event is answered once.
 */
import { type App, Assistant } from '@slack/bolt';
import { topicChoice } from '../../src/answers/compose.ts';
import { isBotOrSystemMessage, plainText } from './parse.ts';
import { renderReply } from './render-blocks.ts';
import { type ListenerDeps, type SlackHelpers, threadKey } from './slack-helpers.ts';

/** Registers the message listeners. */
export function registerMessageListeners(app: App, { ctx, bot }: ListenerDeps, helpers: SlackHelpers): void {
  const { store, kb } = ctx;
  const { firstDelivery, postReply, progress, message, later } = helpers;

  /** Answers after the ack, with a placeholder shown while a model works, and posts where `target` says. */
  const answerInThread = (
    client: Parameters<typeof progress>[0],
    target: Parameters<typeof progress>[1],
    fields: Parameters<typeof message>[0],
  ) =>
    later(async (release) => {
      const shown = progress(client, target, release);
      const reply = await bot.handle(message(fields), { onProgress: shown.onProgress });
      await postReply(client, target, reply, shown);
    });

  app.assistant(
    new Assistant({
      threadStarted: async ({ say, setSuggestedPrompts }) => {
        await say('Hi! Ask me anything about a career in prompt engineering, or run /viability for a personal check.');
        await setSuggestedPrompts({
          prompts: (['compensation', 'barriers', 'viability'] as const).map((i) => {
            const c = topicChoice(kb, i);
            return { title: c.label.slice(0, 75), message: c.question };
          }),
        });
      },
      userMessage: async ({ message: m, say, setStatus }) => {
        if (!('user' in m) || !m.user || !('text' in m)) return;
        const threadTs = 'thread_ts' in m ? m.thread_ts : undefined;
        const { user, text } = m;
        await later(async (release) => {
          await setStatus('is looking this up…');
          // The assistant panel has its own progress line: a status, not a placeholder message.
          let thinking: Promise<unknown> | undefined;
          const onProgress = (soFar: string) => {
            if (soFar !== '') return;
            release();
            thinking = setStatus('is thinking about your follow-up…').catch(() => undefined);
          };
          const reply = await bot.handle(
            message({
              id: m.ts,
              text: plainText(text),
              kind: 'direct',
              user,
              channel: m.channel,
              thread: threadTs,
            }),
            { onProgress },
          );
          // Slack clears the status when the answer is posted; a status landing after it would linger.
          await thinking;
          await say(renderReply(reply));
        });
      },
    }),
  );

  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id || !event.user || !(await firstDelivery(body.event_id))) return;
    const user = event.user;
    const thread = event.thread_ts ?? event.ts;
    await answerInThread(
      client,
      { channel: event.channel, thread_ts: thread },
      {
        id: event.ts,
        text: plainText(event.text, context.botUserId),
        kind: event.thread_ts ? 'thread_reply' : 'mention',
        user,
        channel: event.channel,
        thread,
      },
    );
  });

  app.message(async ({ message: m, body, client, context }) => {
    if (!('channel_type' in m) || isBotOrSystemMessage(m as { bot_id?: string; subtype?: string; user?: string }))
      return;
    const msg = m as {
      ts: string;
      text?: string;
      user: string;
      channel: string;
      channel_type: string;
      thread_ts?: string;
    };
    const dm = msg.channel_type === 'im';
    if (!dm) {
      // Channel messages count only as replies in a thread the bot answered; mentions go to app_mention.
      if (!msg.thread_ts || (context.botUserId && msg.text?.includes(`<@${context.botUserId}>`))) return;
      const known = await store.get(threadKey(msg.channel, msg.thread_ts)).catch(() => undefined);
      if (!known) return;
    }
    if (!(await firstDelivery((body as { event_id?: string }).event_id))) return;
    await answerInThread(
      client,
      { channel: msg.channel, thread_ts: msg.thread_ts },
      {
        id: msg.ts,
        text: plainText(msg.text, context.botUserId),
        kind: msg.thread_ts ? 'thread_reply' : 'direct',
        user: msg.user,
        channel: msg.channel,
        thread: msg.thread_ts,
      },
    );
  });
}
