/**
 * Uploads the slash commands with one bulk overwrite: guild-scoped with `guildId` (instant, for
 * development), global otherwise (propagates to every server the app is in). Run it when the command
 * registry changes, never on start-up. There is no bot here, so the CLI passes the registry's commands.
 */
import { REST, Routes } from 'discord.js';
import type { CommandInfo } from '../../src/ports.ts';
import { commandsBody } from './commands.ts';

/** Where and how to register. */
export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string;
  apiUrl?: string;
  /** The core's commands (`commandInfos()`); the slash ones are registered. */
  commands: readonly CommandInfo[];
}

/** Registers every command; returns the names Discord now has. */
export async function registerCommands(options: RegisterOptions): Promise<string[]> {
  const { token, applicationId, guildId, apiUrl } = options;
  const rest = new REST(apiUrl ? { api: apiUrl } : {}).setToken(token);
  const route = guildId
    ? Routes.applicationGuildCommands(applicationId, guildId)
    : Routes.applicationCommands(applicationId);
  const result = (await rest.put(route, { body: commandsBody(options.commands) })) as { name: string }[];
  return result.map((c) => c.name);
}
