/**
 * Progress on Slack while a model writes a follow-up: a placeholder reply posted where the answer will
 * go, updated in place with the streamed text (throttled: chat.update is rate-limited) and finally with
 * the rendered reply, model answer or knowledge-base fallback alike. Without progress nothing is posted
 * early, so a reply without a model is still one chat.postMessage.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/ports.ts';
import { createProgressRelay } from '../shared/progress-relay.ts';
import { DEFAULT_PROGRESS_INTERVAL_MS, THINKING_ABOUT_FOLLOW_UP } from '../shared/thinking.ts';
import { clip, escapeMrkdwn, renderReply } from './render.ts';

/** What the placeholder says until the first streamed words arrive: the shared words, in Slack's italics. */
export const PLACEHOLDER_TEXT = `_${THINKING_ABOUT_FOLLOW_UP}_`;
/** Streamed text is shown in one mrkdwn text field; Slack shows the first 3,000 characters of a section. */
const MAX_STREAMED = 2_900;

/** Where a reply goes: a channel, and the thread when there is one. */
export interface SlackTarget {
  channel: string;
  thread_ts?: string;
}

/** Progress for one answer: pass `onProgress` to the bot, then `deliver` its reply. */
export interface SlackProgress {
  onProgress: (textSoFar: string) => void;
  /** Puts the final reply in the placeholder; false when there is none (progress never began, or it failed). */
  deliver(reply: Reply): Promise<boolean>;
}

/** Creates the progress for one answer in `target`. */
export function createSlackProgress(
  client: WebClient,
  target: SlackTarget,
  logger: Logger,
  intervalMs = DEFAULT_PROGRESS_INTERVAL_MS,
): SlackProgress {
  const relay = createProgressRelay<string>(
    {
      async open() {
        const posted = await client.chat.postMessage({ ...target, text: PLACEHOLDER_TEXT });
        if (!posted.ts) throw new Error('chat.postMessage returned no ts');
        return posted.ts;
      },
      async show(ts, text) {
        await client.chat.update({ channel: target.channel, ts, text: `${escapeMrkdwn(clip(text, MAX_STREAMED))} …` });
      },
    },
    {
      intervalMs,
      onError: (err, step) => logger.warn({ err, step, channel: target.channel }, 'Slack progress update failed'),
    },
  );
  return {
    onProgress: relay.onProgress,
    async deliver(reply) {
      const ts = await relay.settle();
      if (!ts) return false;
      try {
        await client.chat.update({ channel: target.channel, ts, ...renderReply(reply) });
        return true;
      } catch (err) {
        // A placeholder left saying "thinking" is worse than a second message: the caller posts the reply.
        logger.warn({ err, channel: target.channel }, 'could not put the reply in its placeholder');
        return false;
      }
    },
  };
}
