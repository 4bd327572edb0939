/**
 * Who may change a Discord channel's jobs-digest subscription, and whether careerbot can post there.
 * In a server: members with Manage Channels or Manage Server (Administrator implies both); careerbot needs
 * View Channel, Send Messages (Send Messages in Threads in a thread) and Embed Links, read from the
 * interaction's `app_permissions`. In careerbot's own DM: the person in it.
 */
import {
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  type PermissionsString,
} from 'discord.js';
import type { ChannelRef, Reply } from '../../src/ports.ts';
import { jobsRefusal as refusal } from '../shared/jobs-refusal.ts';

/** The checked channel, or the polite refusal to show instead. */
export type DiscordAccess = { ok: true; channel: ChannelRef } | { ok: false; refusal: Reply };

/** What the command wants to do: `manage_and_post` also checks that careerbot can post in the channel. */
export type DiscordAccessNeed = 'manage' | 'manage_and_post';

/** Permission names as Discord's settings show them. */
const LABELS: Partial<Record<PermissionsString, string>> = {
  ViewChannel: 'View Channel',
  SendMessages: 'Send Messages',
  SendMessagesInThreads: 'Send Messages in Threads',
  EmbedLinks: 'Embed Links',
};

/** The channel a command was run in, as the core names it. */
export function channelRefOf(interaction: ChatInputCommandInteraction): ChannelRef {
  const channel = interaction.channel;
  const name = channel && 'name' in channel && typeof channel.name === 'string' ? channel.name : undefined;
  return {
    platform: 'discord',
    channelId: interaction.channelId,
    ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
    ...(name && interaction.inGuild() ? { name } : {}),
  };
}

/** Checks the asker may manage the channel's subscription (and, for `manage_and_post`, that careerbot can post). */
export function checkDiscordAccess(interaction: ChatInputCommandInteraction, need: DiscordAccessNeed): DiscordAccess {
  const channel = channelRefOf(interaction);
  if (!interaction.inGuild()) {
    // A user-installed command can run in a DM between two people, where careerbot cannot post.
    if (interaction.context === InteractionContextType.PrivateChannel) {
      return {
        ok: false,
        refusal: refusal(
          'I cannot post here',
          'Weekly digests go to server channels or to your own DM with me. Run `/jobs subscribe` there.',
        ),
      };
    }
    return { ok: true, channel };
  }
  const manager = interaction.memberPermissions?.any([
    PermissionFlagsBits.ManageChannels,
    PermissionFlagsBits.ManageGuild,
  ]);
  if (!manager) {
    return {
      ok: false,
      refusal: refusal(
        'Only channel managers can change this',
        'Subscribing or unsubscribing a channel is up to members with the Manage Channels or Manage Server permission. Ask one of them to run `/jobs subscribe` here. You can still read this week’s digest yourself with `/jobs`.',
      ),
    };
  }
  if (need === 'manage_and_post') {
    const send = interaction.channel?.isThread() ? 'SendMessagesInThreads' : 'SendMessages';
    const missing = interaction.appPermissions.missing(['ViewChannel', send, 'EmbedLinks']);
    if (missing.length > 0) {
      const names = missing.map((p) => LABELS[p] ?? p).join(', ');
      return {
        ok: false,
        refusal: refusal(
          'I cannot post in this channel yet',
          `I am missing these permissions here: ${names}. Ask someone who manages the server to grant them to careerbot, then run \`/jobs subscribe\` again.`,
        ),
      };
    }
  }
  return { ok: true, channel };
}
