/**
 * `/careers <question>`: acked at once, answered privately through the command's response_url. Asked
 * again in the same channel it continues the asker's own conversation, so a model may write the answer;
 * that can take seconds, long after the ack.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Bot } from '../../src/ports.ts';
import type { IncomingFields } from '../../src/incoming.ts';
import type { Logger } from '../../src/logger.ts';
import type { IncomingMessage } from '../../src/ports.ts';
import { plainText } from './parse.ts';
import { renderReply } from './render-blocks.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** How long /careers waits for its answer before showing that it is thinking. */
export const SLOW_ANSWER_MS = 1_500;
/** The private note shown while a slow answer is on its way. */
export const CAREERS_THINKING = '_Thinking about your question…_';

/** What `/careers` needs from the listeners. */
export interface SlackCareersDeps {
  bot: Bot;
  logger: Logger;
  later: (work: (release: () => void) => Promise<void>) => Promise<void>;
  message: (fields: IncomingFields) => IncomingMessage;
}

/** Builds the `/careers` listener body. */
export function createSlackCareersCommand({ bot, logger, later, message }: SlackCareersDeps) {
  return async function careers({ command, ack, respond }: CommandArgs): Promise<void> {
    await ack();
    await later(async (release) => {
      const text = plainText(command.text);
      // A quick answer stays one private message. When a model starts (or the answer is slow anyway), a
      // private "thinking" note goes first and the answer then replaces it: two of the five posts a
      // response_url allows. Streaming into it would spend the rest, so only the final answer follows.
      let thinking: Promise<unknown> | undefined;
      const showThinking = () => {
        if (thinking) return;
        clearTimeout(timer);
        // Waiting on a model is not work: the queue slot goes to other answers meanwhile.
        release();
        thinking = respond({ response_type: 'ephemeral', text: CAREERS_THINKING }).catch((err: unknown) =>
          logger.warn({ err }, 'could not show the thinking note'),
        );
      };
      const timer = setTimeout(showThinking, SLOW_ANSWER_MS);
      const reply = await bot
        .careers(
          message({
            id: command.trigger_id,
            text,
            kind: 'command',
            user: command.user_id,
            channel: command.channel_id,
          }),
          { onProgress: (text) => text === '' && showThinking() },
        )
        .finally(() => clearTimeout(timer));
      await thinking;
      await respond({
        response_type: 'ephemeral',
        ...(thinking ? { replace_original: true } : {}),
        ...renderReply(reply, { share: text !== '', question: text }),
      });
    });
  };
}
