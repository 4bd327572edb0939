/**
 * Discord's slash commands, as the discord.js guide pairs them: their definitions (`data`), built from the
 * core's command registry, and what a use of one does (`execute`). `npm run -s cli -- discord register`
 * uploads the definitions with a bulk overwrite; the bot never registers commands on start-up. The
 * running adapter reads `bot.commands`; `discord register`, which has no bot, gets them from the CLI.
 */
import {
  type ChatInputCommandInteraction,
  type RESTPutAPIApplicationCommandsJSONBody,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from 'discord.js';
import type { CommandInfo } from '../../src/ports.ts';
import { createIncoming } from '../shared/incoming.ts';
import type { DiscordEnv } from './handler-env.ts';
import { timing } from './interaction-load.ts';
import { jobsCommand } from './jobs-command.ts';
import { limited } from './limits.ts';
import { renderReply } from './render.ts';
import { respond } from './responder.ts';
import { startViability } from './viability.ts';

/** Discord's definition of one command: name, description and its one optional string option. */
function definition(info: CommandInfo) {
  const command = new SlashCommandBuilder().setName(info.name).setDescription(info.description);
  const { option } = info;
  if (!option) return command;
  return command.addStringOption((built: SlashCommandStringOption) => {
    built.setName(option.name).setDescription(option.description).setRequired(false);
    if (option.maxLength) built.setMaxLength(option.maxLength);
    if (option.choices) built.addChoices(option.choices.map(({ value, label }) => ({ name: label, value })));
    return built;
  });
}

/**
 * The JSON body for a bulk overwrite (`PUT /applications/:id/commands`): every slash command of the registry,
 * in its order. Text-only commands (`/cancel`) are left out: Discord would show them in its command picker.
 */
export function commandsBody(infos: readonly CommandInfo[]): RESTPutAPIApplicationCommandsJSONBody {
  return infos.filter((info) => info.surface === 'slash').map((info) => definition(info).toJSON());
}

/** The command with a form that a picked choice's question names (`/viability`), if any. */
export function formCommand(commands: readonly CommandInfo[], question: string): CommandInfo | undefined {
  const name = /^\/([a-z][\w-]*)$/i.exec(question.trim())?.[1]?.toLowerCase();
  return name ? commands.find((c) => c.form && c.name === name) : undefined;
}

/**
 * Runs one slash command: a form command opens the form, `/jobs` checks the asker's rights first, and every
 * other command goes to the core with its option as text. Answers are private; a question can be shared.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, env: DiscordEnv): Promise<void> {
  const { bot } = env;
  if (await limited(interaction, env)) return;
  const info = bot.commands.find((c) => c.name === interaction.commandName);
  if (info?.form) return startViability(interaction, env);
  if (info?.name === 'jobs') return jobsCommand(interaction, env, info);
  const text = info?.option ? (interaction.options.getString(info.option.name) ?? '').trim() : '';
  // A free-text question can be shared to the channel; a pick among fixed choices is not worth sharing.
  const share = Boolean(info?.option && !info.option.choices) && text !== '';
  await respond(
    interaction,
    // A model answer defers the interaction as soon as it starts (or the responder's timer does first).
    async (onProgress) => {
      const message = createIncoming('discord', {
        id: interaction.id,
        text,
        kind: 'command',
        user: interaction.user.id,
        channel: interaction.channelId,
        command: { name: interaction.commandName, text },
      });
      return renderReply(await bot.handle(message, { onProgress }), { share, question: text });
    },
    { mode: 'reply', ephemeral: true, ...timing(env) },
  );
}
