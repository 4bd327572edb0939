/**
 * Who may change a Slack channel's jobs-digest subscription, and whether careerbot can post there.
 * Managers are workspace admins and owners (`users.info`) and the channel's creator (`conversations.info`);
 * in a DM with careerbot, the person in it. Posting needs careerbot to be a member of the channel.
 */
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/logger.ts';
import type { ChannelRef, Reply } from '../../src/ports.ts';
import { jobsRefusal as refusal } from '../shared/jobs-refusal.ts';
import { slackErrorCode } from './jobs-publisher.ts';

/** Where a `/jobs` command was run, as the slash-command payload names it. */
export interface SlackPlace {
  teamId: string;
  channelId: string;
  userId: string;
}

/** The checked channel, or the polite refusal to show instead. */
export type SlackAccess = { ok: true; channel: ChannelRef } | { ok: false; refusal: Reply };

/** What the command wants to do: `post` also checks that careerbot can post in the channel. */
export type SlackAccessNeed = 'manage' | 'manage_and_post';

interface ChannelInfo {
  name?: string;
  is_im?: boolean;
  is_mpim?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
  creator?: string;
  user?: string;
}

/** Errors meaning careerbot cannot see the conversation: a private channel or DM it is not in. */
const CANNOT_SEE = new Set([
  'channel_not_found',
  'not_in_channel',
  'missing_scope',
  'method_not_supported_for_channel_type',
]);

/** The reply when Slack could not answer the rights check (an outage): shown only to the asker. */
export function accessCheckFailed(): Reply {
  return {
    ...refusal(
      'Something went wrong on my side',
      'I could not check this channel with Slack just now. Please try again in a moment.',
    ),
    kind: 'error',
  };
}

/** Checks the asker may manage the channel's subscription (and, for `manage_and_post`, that careerbot can post). */
export async function checkSlackAccess(
  client: WebClient,
  place: SlackPlace,
  need: SlackAccessNeed,
  logger: Logger,
): Promise<SlackAccess> {
  let info: ChannelInfo;
  try {
    info = ((await client.conversations.info({ channel: place.channelId })).channel ?? {}) as ChannelInfo;
  } catch (err) {
    const code = slackErrorCode(err);
    if (!code || !CANNOT_SEE.has(code)) throw err;
    return {
      ok: false,
      refusal: refusal(
        'I cannot see this conversation',
        'Weekly digests go to channels I am a member of, or to your own DM with me. In a private channel, invite me first with `/invite @careerbot`, then run `/jobs subscribe` again.',
      ),
    };
  }
  const channel: ChannelRef = {
    platform: 'slack',
    channelId: place.channelId,
    workspaceId: place.teamId,
    ...(info.name && !info.is_im ? { name: info.name } : {}),
  };
  if (info.is_im) {
    if (info.user === place.userId) return { ok: true, channel };
    return { ok: false, refusal: refusal('Not your DM', 'You can subscribe your own DM with me, not someone else’s.') };
  }
  if (!(info.creator === place.userId || (await isWorkspaceManager(client, place.userId, logger)))) {
    return {
      ok: false,
      refusal: refusal(
        'Only channel managers can change this',
        'Subscribing or unsubscribing a channel is up to the person who created it or a workspace admin or owner. Ask one of them to run `/jobs subscribe` here. You can still read this week’s digest yourself with `/jobs`.',
      ),
    };
  }
  if (need === 'manage_and_post') {
    const where = info.name ? `#${info.name}` : 'this channel';
    if (info.is_archived) {
      return {
        ok: false,
        refusal: refusal('This channel is archived', `I cannot post in ${where} while it is archived.`),
      };
    }
    if (info.is_member === false) {
      return {
        ok: false,
        refusal: refusal(
          'Please invite me first',
          `I am not a member of ${where}, so I cannot post the digest there. Invite me with \`/invite @careerbot\`, then run \`/jobs subscribe\` again.`,
        ),
      };
    }
  }
  return { ok: true, channel };
}

/** Whether a user is a workspace admin or owner; false when Slack will not say (e.g. a missing scope). */
async function isWorkspaceManager(client: WebClient, userId: string, logger: Logger): Promise<boolean> {
  try {
    const { user } = await client.users.info({ user: userId });
    return Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner);
  } catch (err) {
    // Only Slack's own refusal (e.g. a missing scope) is a safe "no"; an outage is reported as one.
    if (!slackErrorCode(err)) throw err;
    logger.warn({ err, user: userId }, 'could not look up a Slack user for /jobs; treating them as a member');
    return false;
  }
}
