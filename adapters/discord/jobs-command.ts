/**
 * Discord's `/jobs`: this week's job digest privately (`action: digest`, the default), or `subscribe`,
 * `unsubscribe` and `status` for the channel it is run in. Every answer is ephemeral and goes through the
 * responder (answered at once when idle, deferred and edited under load). Who may change a subscription
 * is checked here (`jobs-access.ts`) before the core is called.
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { JobsDesk } from '../../src/ports.ts';
import type { Reply } from '../../src/ports.ts';
import { JOBS_ACTION_OPTION, type JobsAction } from './commands.ts';
import { type DiscordDeps, timing } from './deps.ts';
import { channelRefOf, checkDiscordAccess, refusal } from './jobs-access.ts';
import { renderReply } from './render.ts';
import { respond } from './responder.ts';

async function answer(
  interaction: ChatInputCommandInteraction,
  desk: JobsDesk,
  onCollecting: (note: string) => void,
): Promise<Reply> {
  const action = (interaction.options.getString(JOBS_ACTION_OPTION) ?? 'digest') as JobsAction;
  switch (action) {
    case 'digest':
      return desk.digest({ onCollecting });
    case 'subscribe':
    case 'unsubscribe': {
      const access = checkDiscordAccess(interaction, action === 'subscribe' ? 'manage_and_post' : 'manage');
      if (!access.ok) return access.refusal;
      return action === 'subscribe'
        ? desk.subscribe(access.channel, interaction.user.id)
        : desk.unsubscribe(access.channel, interaction.user.id);
    }
    case 'status':
      return desk.status(channelRefOf(interaction));
    default:
      // Only a stale command definition can send another value; say what the current ones are.
      return {
        ...refusal('How to use /jobs', 'Pick an action: digest (the default), subscribe, unsubscribe or status.'),
        kind: 'help',
      };
  }
}

/** Answers `/jobs` privately. */
export async function jobsCommand(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  await respond(
    interaction,
    async (onProgress) => {
      // Reading the boards takes seconds: the responder defers and shows the note until the digest is edited in.
      const onCollecting = (note: string) => onProgress(note.replace(/…$/, ''));
      const reply = await answer(interaction, deps.bot.jobs, onCollecting).catch((err: unknown): Reply => {
        deps.logger.error({ err, channel: interaction.channelId }, '/jobs failed');
        return {
          ...refusal(
            'Something went wrong on my side',
            'I could not finish that. Please try `/jobs` again in a moment.',
          ),
          kind: 'error',
        };
      });
      return renderReply(reply);
    },
    { mode: 'reply', ephemeral: true, ...timing(deps) },
  );
}
