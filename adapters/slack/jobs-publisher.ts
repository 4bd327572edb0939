/**
 * Posts the weekly jobs digest to Slack channels. Each post carries Slack message metadata naming its
 * marker, so `find` can recognise a post whose sending was never recorded (a crash in between).
 * Errors that mean the channel is gone for good become `ChannelGoneError`; the rest (5xx, network) are
 * rethrown unchanged so the core retries later. 429s are waited out by the WebClient itself.
 */
import type { WebClient } from '@slack/web-api';
import { ChannelGoneError, MessageGoneError } from '../../src/errors.ts';
import type { ChannelRef, DigestPublisher, GoneReason, PostRef, Reply } from '../../src/ports.ts';
import { renderReply } from './render.ts';

/** The metadata event type on every digest post. */
export const DIGEST_EVENT_TYPE = 'careerbot_digest';

/** How far back `find` looks: a little more than a week, the longest a digest can wait for its record. */
const FIND_WINDOW_S = 8 * 24 * 60 * 60;
/** One page of history; the bot posts one digest a week, so its post is never far down. */
const FIND_LIMIT = 100;

/** Slack error codes that mean a channel cannot be posted to until someone changes something. */
const GONE: Record<string, GoneReason> = {
  channel_not_found: 'not_found',
  is_archived: 'archived',
  channel_is_archived: 'archived',
  not_in_channel: 'no_access',
  missing_scope: 'no_permission',
  restricted_action: 'no_permission',
  access_denied: 'no_permission',
  ekm_access_denied: 'no_permission',
};

/** The Slack error code of a Web API platform error (`{ok: false, error}`), if it is one. */
export function slackErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; data?: { error?: unknown } } | null;
  return e?.code === 'slack_webapi_platform_error' && typeof e.data?.error === 'string' ? e.data.error : undefined;
}

/** Rethrows `err` as a ChannelGoneError when Slack says the channel is gone for good, else unchanged. */
function rethrow(err: unknown, channelId: string): never {
  const code = slackErrorCode(err);
  const reason = code ? GONE[code] : undefined;
  if (reason) throw new ChannelGoneError(reason, `Slack channel ${channelId}: ${code}`);
  if (code === 'message_not_found') throw new MessageGoneError(`Slack message in ${channelId} was deleted`);
  throw err;
}

interface HistoryMessage {
  ts?: string;
  user?: string;
  bot_id?: string;
  metadata?: { event_type?: string; event_payload?: Record<string, unknown> };
}

/** Creates the Slack digest publisher over the adapter's WebClient (and its retry settings). */
export function createSlackDigestPublisher(client: WebClient, clock: () => Date = () => new Date()): DigestPublisher {
  const metadata = (marker: string) => ({ event_type: DIGEST_EVENT_TYPE, event_payload: { marker } });
  // Who the bot is, asked once: `find` only trusts posts the bot itself made.
  let identity: Promise<{ userId?: string; botId?: string }> | undefined;
  const whoAmI = () => {
    identity ??= client.auth.test().then(
      (r) => ({ userId: r.user_id, botId: r.bot_id }),
      (err: unknown) => {
        identity = undefined;
        throw err;
      },
    );
    return identity;
  };

  return {
    platform: 'slack',
    async publish(channel, reply: Reply, marker): Promise<PostRef> {
      try {
        const res = await client.chat.postMessage({
          channel: channel.channelId,
          ...renderReply(reply),
          metadata: metadata(marker),
          // A digest lists many links; a preview of the first would push the rest off screen.
          unfurl_links: false,
          unfurl_media: false,
        });
        return { channelId: res.channel ?? channel.channelId, messageId: String(res.ts) };
      } catch (err) {
        rethrow(err, channel.channelId);
      }
    },
    async update(ref, reply, marker) {
      try {
        await client.chat.update({
          channel: ref.channelId,
          ts: ref.messageId,
          ...renderReply(reply),
          metadata: metadata(marker),
        });
      } catch (err) {
        rethrow(err, ref.channelId);
      }
    },
    async find(channel: ChannelRef, marker) {
      try {
        const me = await whoAmI();
        const oldest = Math.floor(clock().getTime() / 1000) - FIND_WINDOW_S;
        const res = await client.conversations.history({
          channel: channel.channelId,
          limit: FIND_LIMIT,
          oldest: String(oldest),
          include_all_metadata: true,
        });
        const found = ((res.messages ?? []) as HistoryMessage[]).find(
          (m) =>
            m.metadata?.event_type === DIGEST_EVENT_TYPE &&
            m.metadata.event_payload?.marker === marker &&
            ((me.botId !== undefined && m.bot_id === me.botId) || (me.userId !== undefined && m.user === me.userId)),
        );
        return found?.ts ? { channelId: channel.channelId, messageId: found.ts } : undefined;
      } catch (err) {
        rethrow(err, channel.channelId);
      }
    },
  };
}
