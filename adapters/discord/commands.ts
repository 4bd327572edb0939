/**
 * careerbot's Discord slash commands, defined once. `npm run -s cli -- discord register` uploads them
 * with a bulk overwrite; the bot never registers commands on start-up.
 */
import { type RESTPutAPIApplicationCommandsJSONBody, SlashCommandBuilder } from 'discord.js';

/** The option that carries the question of `/careers`. */
export const QUESTION_OPTION = 'question';

/** Every command, in the order Discord shows them. */
export const COMMANDS = [
  new SlashCommandBuilder()
    .setName('careers')
    .setDescription('Ask about a career in prompt engineering (only you see the answer)')
    .addStringOption((option) =>
      option
        .setName(QUESTION_OPTION)
        .setDescription('For example: how much do prompt engineers make?')
        .setMaxLength(1_000)
        .setRequired(false),
    ),
  new SlashCommandBuilder().setName('viability').setDescription('Score your fit for a prompt-engineering career'),
  new SlashCommandBuilder().setName('help').setDescription('What careerbot can do'),
];

/** The JSON body for a bulk overwrite (`PUT /applications/:id/commands`). */
export function commandsBody(): RESTPutAPIApplicationCommandsJSONBody {
  return COMMANDS.map((command) => command.toJSON());
}
