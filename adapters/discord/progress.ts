/**
 * Progress on Discord while a model writes a follow-up to a message: a placeholder sent where the answer
 * will go, edited with the streamed text (throttled, since Discord rate-limits edits per channel) and
 * finally with the full embed, model answer or knowledge-base fallback alike. Interactions get the same
 * streaming through `responder.ts`. Every send and edit carries "parse nothing" allowed mentions.
 */
import type { Message } from 'discord.js';
import { clip, neutraliseMentions } from '../../src/input.ts';
import type { Logger } from '../../src/logger.ts';
import { createProgressRelay } from '../shared/progress-relay.ts';
import { DEFAULT_PROGRESS_INTERVAL_MS, THINKING_ABOUT_FOLLOW_UP } from '../shared/thinking.ts';
import { ALLOWED_MENTIONS_NONE, type renderReply } from './render.ts';

type Rendered = ReturnType<typeof renderReply>;
/** A message body as the handlers send it: content and mentions, with embeds and buttons when rendered. */
export type MessageBody = Pick<Rendered, 'content' | 'allowedMentions'> &
  Partial<Pick<Rendered, 'embeds' | 'components'>>;

/** What the placeholder says until the first streamed words arrive: the shared words, in Discord's italics. */
export const PLACEHOLDER_CONTENT = `*${THINKING_ABOUT_FOLLOW_UP}*`;
/** Discord's limit on message content. */
const MAX_CONTENT = 2_000;

/** A message body showing provisional streamed text, marked as still being written. */
export function streamedPayload(text: string): MessageBody {
  const shown = clip(neutraliseMentions(text.toWellFormed()).trim(), MAX_CONTENT - 2);
  return { content: `${shown} …`, allowedMentions: ALLOWED_MENTIONS_NONE };
}

/** Progress for one answer: pass `onProgress` to the bot, then `deliver` its rendered reply. */
export interface MessageProgress {
  onProgress: (textSoFar: string) => void;
  /** Edits the placeholder into the reply, or sends the reply when there is no placeholder. */
  deliver(payload: MessageBody): Promise<void>;
}

/** Creates the progress for one answer; `send` posts a new message where the answer belongs. */
export function createMessageProgress(
  send: (payload: MessageBody) => Promise<Message>,
  logger: Logger,
  intervalMs = DEFAULT_PROGRESS_INTERVAL_MS,
): MessageProgress {
  const relay = createProgressRelay<Message>(
    {
      open: async () => send({ content: PLACEHOLDER_CONTENT, allowedMentions: ALLOWED_MENTIONS_NONE }),
      async show(placeholder, text) {
        await placeholder.edit(streamedPayload(text));
      },
    },
    { intervalMs, onError: (err, step) => logger.warn({ err, step }, 'Discord progress update failed') },
  );
  return {
    onProgress: relay.onProgress,
    async deliver(payload) {
      const placeholder = await relay.settle();
      const final = { ...payload, allowedMentions: ALLOWED_MENTIONS_NONE };
      if (placeholder) {
        try {
          await placeholder.edit(final);
          return;
        } catch (err) {
          // A placeholder left saying "thinking" is worse than a second message.
          logger.warn({ err }, 'could not put the reply in its placeholder');
        }
      }
      await send(final);
    },
  };
}
