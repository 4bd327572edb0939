/**
 * careerbot's Discord slash commands, defined once. `npm run -s cli -- discord register` uploads them
 * with a bulk overwrite; the bot never registers commands on start-up.
 */
import { type RESTPutAPIApplicationCommandsJSONBody, SlashCommandBuilder } from 'discord.js';

/** The option that carries the question of `/careers`. */
export const QUESTION_OPTION = 'question';

/** The option that picks what `/jobs` does. */
export const JOBS_ACTION_OPTION = 'action';

/** What `/jobs` can do; `digest` when the option is left out. */
export const JOBS_ACTIONS = ['digest', 'subscribe', 'unsubscribe', 'status'] as const;

/** One `/jobs` action. */
export type JobsAction = (typeof JOBS_ACTIONS)[number];

const JOBS_ACTION_NAMES: Record<JobsAction, string> = {
  digest: "This week's digest, only for you (default)",
  subscribe: 'Post the digest in this channel every week',
  unsubscribe: 'Stop the weekly digest in this channel',
  status: "The schedule and this channel's subscription",
};

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
  new SlashCommandBuilder()
    .setName('jobs')
    .setDescription('The weekly prompt-engineering job digest (only you see the answer)')
    .addStringOption((option) =>
      option
        .setName(JOBS_ACTION_OPTION)
        .setDescription('What to do (default: show this week’s digest)')
        .setRequired(false)
        .addChoices(JOBS_ACTIONS.map((value) => ({ name: JOBS_ACTION_NAMES[value], value }))),
    ),
  new SlashCommandBuilder().setName('help').setDescription('What careerbot can do'),
];

/** The JSON body for a bulk overwrite (`PUT /applications/:id/commands`). */
export function commandsBody(): RESTPutAPIApplicationCommandsJSONBody {
  return COMMANDS.map((command) => command.toJSON());
}
