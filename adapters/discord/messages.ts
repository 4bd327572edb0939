/**
 * Mentions and DMs. A mention in a server channel is answered as a reply to the message; when someone
 * replies to one of the bot's answers, the conversation moves into a thread; messages in that thread
 * (mentioning the bot, since without the privileged MessageContent intent Discord only sends the text of
 * mentions) keep its context. DMs are answered in the DM. While a model writes a follow-up, a placeholder
 * shows progress and is edited into the answer (`progress.ts`).
 */
import type { Message, ThreadChannel } from 'discord.js';
import { cooldownText } from '../shared/cooldown.ts';
import { createIncoming } from '../shared/incoming.ts';
import { discordPlainText } from '../shared/mentions.ts';
import type { DiscordEnv } from './handler-env.ts';
import { createMessageProgress, type MessageBody } from './progress.ts';
import { ALLOWED_MENTIONS_NONE, renderReply } from './render.ts';

/** How long the bot remembers which conversation an answer or a thread belongs to. */
export const LINK_TTL_MS = 30 * 24 * 60 * 60 * 1000;
// Scoped to `discord:` by the store the adapter is given.
const answerKey = (messageId: string) => `answer:${messageId}`;
const threadKey = (threadId: string) => `thread:${threadId}`;

/** Conversation a message continues: the original channel and the message that started it. */
interface Conversation {
  channel: string;
  root: string;
}

/** Answers a message when it is a DM or mentions the bot; ignores bots, system messages and the rest. */
export async function handleMessage(message: Message, env: DiscordEnv): Promise<void> {
  const { bot, store, cooldown } = env;
  if (message.author.bot || message.system) return;
  const me = message.client.user;
  const dm = !message.inGuild();
  if (!dm && !message.mentions.users.has(me.id)) return;

  const wait = cooldown.hit(message.author.id);
  if (wait > 0) {
    await message.reply({ content: cooldownText(wait), allowedMentions: ALLOWED_MENTIONS_NONE });
    return;
  }
  const get = <T>(key: string) => store.get<T>(key).catch(() => undefined);
  const text = discordPlainText(message.content);

  if (dm) {
    const { channel } = message;
    const shown = progress(async (body) => {
      if (!channel.isSendable()) throw new Error(`cannot send to DM channel ${channel.id}`);
      return channel.send(body);
    }, env);
    const reply = await bot.handle(
      createIncoming('discord', {
        id: message.id,
        text,
        kind: 'direct',
        user: message.author.id,
        channel: message.channelId,
      }),
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
  const shown = progress(destination(message, env, { conversation, inThread, continued, text }), env);
  const reply = await bot.handle(
    createIncoming('discord', {
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

const progress = (send: (body: MessageBody) => Promise<Message>, env: DiscordEnv) =>
  createMessageProgress(send, env.logger, env.progressIntervalMs);

/**
 * Sends to where the answer belongs: the known thread; a new thread started from a follow-up that replied
 * to one of our answers (started once, however many messages go there); or a reply to the message. The
 * first message sent may be a placeholder later edited into the answer, so links are stored on sending.
 */
function destination(
  message: Message,
  { store }: DiscordEnv,
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
          await store.set(threadKey(started.id), where.conversation, LINK_TTL_MS).catch(() => undefined);
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
    await store.set(answerKey(sent.id), where.conversation, LINK_TTL_MS).catch(() => undefined);
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
