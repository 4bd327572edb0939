/**
 * Discord's `/jobs`: this week's job digest privately (`action: digest`, the default), or `subscribe`,
 * `unsubscribe` and `status` for the channel it is run in. Who may change a subscription is checked here
 * (`jobs-access.ts`); only then does the command name the channel for the core, which does the rest. Every
 * answer is private and goes through the responder (answered at once when idle, deferred under load or
 * while the boards are read).
 */
import type { ChatInputCommandInteraction } from 'discord.js';
import type { ChannelRef, CommandInfo, Reply } from '../../src/ports.ts';
import { createIncoming } from '../shared/incoming.ts';
import { jobsRefusal } from '../shared/jobs-refusal.ts';
import type { DiscordEnv } from './handler-env.ts';
import { timing } from './interaction-load.ts';
import { channelRefOf, checkDiscordAccess } from './jobs-access.ts';
import { renderReply } from './render.ts';
import { respond } from './responder.ts';

/**
 * Discord only sends the option's registered choices, so another value means the command definition is out
 * of date (registered before the registry changed): say what the current choices are, the first the default.
 */
function staleAction(values: readonly string[]): Reply {
  const [first, ...rest] = values;
  const others = rest.length > 1 ? `${rest.slice(0, -1).join(', ')} or ${rest.at(-1)}` : (rest[0] ?? '');
  const list = [`${first} (the default)`, others].filter(Boolean).join(', ');
  return { ...jobsRefusal('How to use /jobs', `Pick an action: ${list}.`), kind: 'help' };
}

/** The channel the core may act on: checked for a subscription change, as is for status, none for the digest. */
function channelFor(
  interaction: ChatInputCommandInteraction,
  action: string,
): { channel?: ChannelRef } | { refusal: Reply } {
  if (action === 'status') return { channel: channelRefOf(interaction) };
  if (action !== 'subscribe' && action !== 'unsubscribe') return {};
  const access = checkDiscordAccess(interaction, action === 'subscribe' ? 'manage_and_post' : 'manage');
  return access.ok ? { channel: access.channel } : { refusal: access.refusal };
}

/** Answers `/jobs` privately; `info` is the registry's `/jobs`, whose option names the action. */
export async function jobsCommand(
  interaction: ChatInputCommandInteraction,
  env: DiscordEnv,
  info: CommandInfo,
): Promise<void> {
  const action = (interaction.options.getString(info.option?.name ?? 'action') ?? '').trim();
  const values = info.option?.choices?.map((c) => c.value) ?? [];
  await respond(
    interaction,
    async (onProgress) => {
      if (action !== '' && values.length > 0 && !values.includes(action)) return renderReply(staleAction(values));
      const where = channelFor(interaction, action);
      if ('refusal' in where) return renderReply(where.refusal);
      const message = createIncoming('discord', {
        id: interaction.id,
        text: action,
        kind: 'command',
        user: interaction.user.id,
        channel: interaction.channelId,
        command: { name: 'jobs', text: action, ...where },
      });
      // Reading the boards takes seconds: the responder defers and shows the note until the digest is edited in.
      const onNote = (note: string) => onProgress(note.replace(/…$/, ''));
      return renderReply(await env.bot.handle(message, { onNote }));
    },
    { mode: 'reply', ephemeral: true, ...timing(env) },
  );
}
