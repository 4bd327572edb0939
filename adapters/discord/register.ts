/**
 * Uploads the slash commands with one bulk overwrite: guild-scoped with `guildId` (instant, for
 * development), global otherwise (propagates to every server the app is in). Run it when the command
 * definitions change, never on start-up.
 */
import { REST, Routes } from 'discord.js';
import { commandsBody } from './commands.ts';

/** Where and how to register. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
}

/** Registers every command; returns the names Discord now has. */
export async function registerCommands({ token, applicationId, guildId, apiUrl }: RegisterOptions): Promise<string[]> {
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commandsBody() })) as { name: string }[];
  return result.map((c) => c.name);
}
