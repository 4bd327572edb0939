/**
 * Slack's slash commands, built from the bot's command registry: one listener matches every `slash`
 * command in `bot.commands` (Bolt runs every listener's matchers on every request, so one listener keeps
 * acks fast under load). Each acks first. A command with a form (`/viability`) opens its modal at once;
 * `/jobs` checks channel rights first (`jobs-command.ts`); any other command goes to `bot.handle` and is
 * answered privately through the command's response_url.
 */
import type { App } from '@slack/bolt';
import type { CommandInfo } from '../../src/ports.ts';
import { slackPlainText } from '../shared/mentions.ts';
import { SLOW_ANSWER_MS, THINKING_ABOUT_QUESTION, thinkingNote } from '../shared/thinking.ts';
import { createSlackJobsCommand } from './jobs-command.ts';
import { renderReply } from './render.ts';
import { type CommandArgs, type SlackListenerDeps, slackMessage } from './responder.ts';
import { openViability } from './viability.ts';

/** The private note shown while a slow answer is on its way: the shared words, in Slack's italics. */
export const CAREERS_THINKING = `_${THINKING_ABOUT_QUESTION}_`;

/** The matcher for every slash command in the registry (`/careers`, `/viability`, `/jobs`, `/help`). */
export function slashCommandPattern(commands: readonly CommandInfo[]): RegExp {
  const names = commands.filter((c) => c.surface === 'slash').map((c) => c.name.replace(/[^\w-]/g, ''));
  return new RegExp(`^/(${names.join('|')})$`);
}

/** Registers the one slash-command listener. */
export function registerCommands(app: App, deps: SlackListenerDeps): void {
  const { bot, logger, work } = deps;
  const jobs = createSlackJobsCommand(deps);

  async function form({ command, ack, client, respond }: CommandArgs) {
    await ack();
    try {
      await openViability(bot, client, command.trigger_id, { c: command.channel_id, r: command.response_url });
    } catch (err) {
      logger.warn({ err }, 'could not open the viability modal');
      await respond({
        response_type: 'ephemeral',
        text: `I could not open the questionnaire just now. Please run ${command.command} again.`,
      });
    }
  }

  /** Any other command: answered privately; a question gets a Share button. */
  async function answer(info: CommandInfo, { command, ack, respond }: CommandArgs) {
    await ack();
    await work.run(async (release) => {
      const text = slackPlainText(command.text);
      // A quick answer stays one private message. When a model starts (or the answer is slow anyway), a
      // private "thinking" note goes first and the answer then replaces it: two of the five posts a
      // response_url allows. Streaming into it would spend the rest, so only the final answer follows.
      let noted: Promise<unknown> | undefined;
      const note = thinkingNote(() => {
        // Waiting on a model is not work: the queue slot goes to other answers meanwhile.
        release();
        noted = respond({ response_type: 'ephemeral', text: CAREERS_THINKING }).catch((err: unknown) =>
          logger.warn({ err }, 'could not show the thinking note'),
        );
      }, SLOW_ANSWER_MS);
      const reply = await bot
        .handle(
          slackMessage({
            id: command.trigger_id,
            text,
            kind: 'command',
            user: command.user_id,
            channel: command.channel_id,
            command: { name: info.name, text },
          }),
          { onProgress: note.onProgress },
        )
        .finally(note.done);
      await noted;
      // Sharing re-asks a free-text question in the channel; there is nothing to share for the others.
      const question = info.option && !info.option.choices ? text : '';
      await respond({
        response_type: 'ephemeral',
        ...(noted ? { replace_original: true } : {}),
        ...renderReply(reply, { share: question !== '', question }),
      });
    });
  }

  app.command(slashCommandPattern(bot.commands), async (args) => {
    const name = args.command.command.slice(1);
    const info = bot.commands.find((c) => c.name === name);
    if (!info) return args.ack();
    if (info.form) return form(args);
    if (info.name === 'jobs') return jobs(args);
    return answer(info, args);
  });
}
