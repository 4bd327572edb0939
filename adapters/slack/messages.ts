/**
 * Message listeners: mentions (answered in a thread under the question), DMs, and plain replies in
 * threads the bot answered. Bolt acks events itself, before any of this runs, so a model taking seconds
 * over a follow-up never delays an ack; while it works, a placeholder shows progress. Each event is
 * answered once, whichever replica gets it.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { IncomingFields } from '../shared/incoming.ts';
import { slackPlainText } from '../shared/mentions.ts';
import type { SlackTarget } from './progress.ts';
import { type SlackListenerDeps, type SlackResponder, slackMessage } from './responder.ts';

/** True when a message event comes from a bot (ours or another) or is an edit, join or similar. */
export function isBotOrSystemMessage(event: { bot_id?: string; subtype?: string; user?: string }): boolean {
  return Boolean(event.bot_id) || (event.subtype !== undefined && event.subtype !== 'file_share') || !event.user;
}

/** The fields of a `message` event this module reads. */
interface MessageEvent {
  ts: string;
  text?: string;
  user: string;
  channel: string;
  channel_type: string;
  thread_ts?: string;
}

/** Registers the mention and message listeners. */
export function registerMessages(app: App, { bot, work }: SlackListenerDeps, responder: SlackResponder): void {
  const { firstDelivery, postReply, progress, knownThread } = responder;

  /** Answers after the ack, with a placeholder shown while a model works, and posts where `target` says. */
  const answerIn = (client: WebClient, target: SlackTarget, fields: IncomingFields) =>
    work.run(async (release) => {
      const shown = progress(client, target, release);
      const reply = await bot.handle(slackMessage(fields), { onProgress: shown.onProgress });
      await postReply(client, target, reply, shown);
    });

  app.event('app_mention', async ({ event, body, client, context }) => {
    if (event.bot_id || !event.user || !(await firstDelivery(body.event_id))) return;
    const thread = event.thread_ts ?? event.ts;
    await answerIn(
      client,
      { channel: event.channel, thread_ts: thread },
      {
        id: event.ts,
        text: slackPlainText(event.text, context.botUserId),
        kind: event.thread_ts ? 'thread_reply' : 'mention',
        user: event.user,
        channel: event.channel,
        thread,
      },
    );
  });

  app.message(async ({ message: m, body, client, context }) => {
    if (!('channel_type' in m) || isBotOrSystemMessage(m as { bot_id?: string; subtype?: string; user?: string }))
      return;
    const msg = m as MessageEvent;
    if (msg.channel_type !== 'im') {
      // Channel messages count only as replies in a thread the bot answered; mentions go to app_mention.
      if (!msg.thread_ts || (context.botUserId && msg.text?.includes(`<@${context.botUserId}>`))) return;
      if (!(await knownThread(msg.channel, msg.thread_ts))) return;
    }
    if (!(await firstDelivery((body as { event_id?: string }).event_id))) return;
    await answerIn(
      client,
      { channel: msg.channel, thread_ts: msg.thread_ts },
      {
        id: msg.ts,
        text: slackPlainText(msg.text, context.botUserId),
        kind: msg.thread_ts ? 'thread_reply' : 'direct',
        user: msg.user,
        channel: msg.channel,
        thread: msg.thread_ts,
      },
    );
  });
}
