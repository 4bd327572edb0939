/**
 * Mentions and DMs. A mention in a server channel is answered as a reply to the message; when someone
 * replies to one of the bot's answers, the conversation moves into a thread; messages in that thread
 * (mentioning the bot, since without the privileged MessageContent intent Discord only sends the text of
 * mentions) keep its context. DMs are answered in the DM. While a model writes a follow-up, a placeholder
 * shows progress and is edited into the answer (`progress.ts`).
 */
import type { Message, ThreadChannel } from 'discord.js';
import { cooldownText, type DiscordDeps, toIncoming } from './deps.ts';
import { createMessageProgress, type MessageBody } from './progress.ts';
import { ALLOWED_MENTIONS_NONE, renderReply } from './render.ts';

/** How long the bot remembers which conversation an answer or a thread belongs to. */
const LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
const answerKey = (messageId: string) => `discord:answer:${messageId}`;
const threadKey = (threadId: string) => `discord:thread:${threadId}`;

/** Conversation a message continues: the original channel and the message that started it. */
interface Conversation {
  channel: string;
  root: string;
}

/** Removes Discord mention markup (users, roles, channels, @everyone/@here) from message text. */
export function stripMentions(content: string): string {
  return content
    .replace(/<@[!&]?\d+>/g, ' ')
    .replace(/<#\d+>/g, ' ')
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Answers a message when it is a DM or mentions the bot; ignores bots, system messages and the rest. */
export async function handleMessage(message: Message, deps: DiscordDeps): Promise<void> {
  const { bot, ctx, cooldown } = deps;
  if (message.author.bot || message.system) return;
  const me = message.client.user;
  const dm = !message.inGuild();
  if (!dm && !message.mentions.users.has(me.id)) return;

  const wait = cooldown.hit(`discord:${message.author.id}`);
  if (wait > 0) {
    await message.reply({ content: cooldownText(wait), allowedMentions: ALLOWED_MENTIONS_NONE });
    return;
  }
  const get = <T>(key: string) => ctx.store.get<T>(key).catch(() => undefined);
  const text = stripMentions(message.content);

  if (dm) {
    const { channel } = message;
    const shown = progress(async (body) => {
      if (!channel.isSendable()) throw new Error(`cannot send to DM channel ${channel.id}`);
      return channel.send(body);
    }, deps);
    const reply = await bot.handle(
      toIncoming({ id: message.id, text, kind: 'direct', user: message.author.id, channel: message.channelId }),
      { onProgress: shown.onProgress },
    );
    await shown.deliver(renderReply(reply));
    return;
  }

  // Which conversation does this continue? A known thread, or a reply to one of our answers.
  const inThread = message.channel.isThread() ? await get<Conversation>(threadKey(message.channelId)) : undefined;
  const replyTo = message.reference?.messageId;
  const continued = inThread ?? (replyTo ? await get<Conversation>(answerKey(replyTo)) : undefined);
  const conversation: Conversation = continued ?? { channel: message.channelId, root: message.id };
  const shown = progress(destination(message, deps, { conversation, inThread, continued, text }), deps);
  const reply = await bot.handle(
    toIncoming({
      id: message.id,
      text,
      kind: continued ? 'thread_reply' : 'mention',
      user: message.author.id,
      channel: conversation.channel,
      thread: conversation.root,
    }),
    { onProgress: shown.onProgress },
  );
  await shown.deliver(renderReply(reply));
}

const progress = (send: (body: MessageBody) => Promise<Message>, deps: DiscordDeps) =>
  createMessageProgress(send, deps.logger, deps.progressIntervalMs);

/**
 * Sends to where the answer belongs: the known thread; a new thread started from a follow-up that replied
 * to one of our answers (started once, however many messages go there); or a reply to the message. The
 * first message sent may be a placeholder later edited into the answer, so links are stored on sending.
 */
function destination(
  message: Message,
  { ctx }: DiscordDeps,
  where: { conversation: Conversation; inThread?: Conversation; continued?: Conversation; text: string },
): (body: MessageBody) => Promise<Message> {
  const { channel } = message;
  if (where.inThread && channel.isSendable()) return (body) => channel.send(body);
  if (where.continued && !channel.isThread()) {
    let thread: Promise<ThreadChannel> | undefined;
    return async (body) => {
      // The conversation continues: move it into a thread started from this follow-up.
      thread ??= message
        .startThread({ name: threadName(where.text), autoArchiveDuration: 1440 })
        .then(async (started) => {
          await ctx.store.set(threadKey(started.id), where.conversation, LINK_TTL_MS).catch(() => undefined);
          return started;
        })
        .catch((err: unknown) => {
          thread = undefined;
          throw err;
        });
      return (await thread).send(body);
    };
  }
  return async (body) => {
    const sent = await message.reply(body);
    await ctx.store.set(answerKey(sent.id), where.conversation, LINK_TTL_MS).catch(() => undefined);
    return sent;
  };
}

/** A thread title from the question, without anything that could mention someone. */
function threadName(text: string): string {
  const name = text
    .replace(/[@<>#]/g, '')
    .trim()
    .slice(0, 90);
  return name === '' ? 'careerbot' : name;
}
