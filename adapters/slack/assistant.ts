/**
 * The AI assistant panel: a greeting with starter questions (the bot's own `starters`), and answers to
 * messages in its threads. The panel has its own progress line: a status ("is looking this up…"), not a
 * placeholder message, and Slack clears it when the answer is posted.
 */
import { type App, Assistant } from '@slack/bolt';
import { slackPlainText } from '../shared/mentions.ts';
import { renderReply } from './render.ts';
import { type SlackListenerDeps, slackMessage } from './responder.ts';

/** Slack's limit on a suggested prompt's title. */
const MAX_PROMPT_TITLE = 75;

/** Registers the assistant panel; it must come before the message listeners, so its threads are not taken for DMs. */
export function registerAssistant(app: App, { bot, work }: SlackListenerDeps): void {
  app.assistant(
    new Assistant({
      threadStarted: async ({ say, setSuggestedPrompts }) => {
        await say('Hi! Ask me anything about a career in prompt engineering, or run /viability for a personal check.');
        await setSuggestedPrompts({
          prompts: bot.starters.map((c) => ({ title: c.label.slice(0, MAX_PROMPT_TITLE), message: c.question })),
        });
      },
      userMessage: async ({ message: m, say, setStatus }) => {
        if (!('user' in m) || !m.user || !('text' in m)) return;
        const threadTs = 'thread_ts' in m ? m.thread_ts : undefined;
        const { user, text } = m;
        await work.run(async (release) => {
          await setStatus('is looking this up…');
          let thinking: Promise<unknown> | undefined;
          const onProgress = (soFar: string) => {
            if (soFar !== '') return;
            // Waiting on a model is not work: the queue slot goes to other answers meanwhile.
            release();
            thinking = setStatus('is thinking about your follow-up…').catch(() => undefined);
          };
          const reply = await bot.handle(
            slackMessage({
              id: m.ts,
              text: slackPlainText(text),
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
}
