/**
 * Posts the weekly jobs digest to Discord channels through discord.js's REST client (its rate-limit
 * queues and retries). Two guards against a double post: a nonce derived from the marker with
 * `enforce_nonce`, so a send retried within minutes returns the first message; and a footer naming the
 * marker, so `find` can recognise the post later. Errors that mean the channel is gone for good become
 * `ChannelGoneError`; the rest are rethrown unchanged so the core retries later.
 */
import { createHash } from 'node:crypto';
import { type APIEmbed, type APIMessage, type Client, DiscordAPIError, RESTJSONErrorCodes, Routes } from 'discord.js';
import { ChannelGoneError, MessageGoneError } from '../../src/errors.ts';
import { clip, neutraliseMentions } from '../../src/input.ts';
import type { DigestPublisher, GoneReason, PostRef, Reply } from '../../src/ports.ts';
import { renderReply } from './render.ts';

/** How many recent messages `find` reads (one page); the bot posts one digest a week. */
const FIND_LIMIT = 50;
/** Discord caps a nonce at 25 characters. */
const NONCE_CHARS = 25;
const FOOTER_MAX = 2048;
const EMBED_TOTAL = 6000;

/** Discord error codes that mean a channel cannot be posted to until someone changes something. */
const GONE: Partial<Record<number, GoneReason>> = {
  [RESTJSONErrorCodes.UnknownChannel]: 'not_found',
  [RESTJSONErrorCodes.MissingAccess]: 'no_access',
  [RESTJSONErrorCodes.MissingPermissions]: 'no_permission',
  [RESTJSONErrorCodes.InvalidActionOnArchivedThread]: 'archived',
  [RESTJSONErrorCodes.ThreadLocked]: 'archived',
};

/** The visible footer tag that marks a digest post; `find` looks for it. */
export function digestTag(marker: string): string {
  // The core's markers already read as a label ("careerbot jobs digest 2026-W48"); a bare one gets the name.
  return neutraliseMentions(/careerbot/i.test(marker) ? marker : `careerbot jobs digest · ${marker}`);
}

/** A nonce for one digest in one channel: the same marker always gives the same nonce. */
export function digestNonce(channelId: string, marker: string): string {
  // Discord checks nonces per author, not per channel, so the channel is part of the hash.
  return createHash('sha256').update(`${channelId}\n${marker}`).digest('base64url').slice(0, NONCE_CHARS);
}

const embedLength = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** Puts the tag first in the embed's footer (so clipping never cuts it), then trims to Discord's 6,000 total. */
function stamp(embed: APIEmbed, tag: string): APIEmbed {
  const own = embed.footer?.text;
  const stamped: APIEmbed = { ...embed, footer: { text: clip(own ? `${tag} · ${own}` : tag, FOOTER_MAX) } };
  for (let excess = embedLength(stamped) - EMBED_TOTAL; excess > 0; excess = embedLength(stamped) - EMBED_TOTAL) {
    const description = stamped.description ?? '';
    if (description.length > excess + 1) stamped.description = clip(description, description.length - excess);
    else if (stamped.fields?.length) stamped.fields = stamped.fields.slice(0, -1);
    else delete stamped.description;
  }
  return stamped;
}

/** Whether a message's footer carries exactly this tag (not a longer marker that starts with it). */
function carriesTag(message: APIMessage, tag: string): boolean {
  return message.embeds.some((e) => e.footer?.text === tag || e.footer?.text.startsWith(`${tag} · `) === true);
}

/** The REST body of a digest message: embeds with the marker footer, buttons, and no pings. */
function body(reply: Reply, marker: string) {
  const { embeds, components } = renderReply(reply);
  const tag = digestTag(marker);
  return {
    embeds: embeds.map((e, i) => (i === 0 ? stamp(e, tag) : e)),
    components,
    allowed_mentions: { parse: [], replied_user: false },
  };
}

function rethrow(err: unknown, channelId: string): never {
  const reason = err instanceof DiscordAPIError && typeof err.code === 'number' ? GONE[err.code] : undefined;
  if (reason && err instanceof DiscordAPIError) {
    throw new ChannelGoneError(reason, `Discord channel ${channelId}: ${err.code} ${err.message}`);
  }
  // 10008 Unknown Message: someone deleted the digest.
  if (err instanceof DiscordAPIError && err.code === 10008) {
    throw new MessageGoneError(`Discord message in ${channelId} was deleted`);
  }
  throw err;
}

/** Creates the Discord digest publisher over a logged-in client's REST client. */
export function createDiscordDigestPublisher(client: Client): DigestPublisher {
  return {
    platform: 'discord',
    async publish(channel, reply, marker): Promise<PostRef> {
      try {
        const message = (await client.rest.post(Routes.channelMessages(channel.channelId), {
          body: { ...body(reply, marker), nonce: digestNonce(channel.channelId, marker), enforce_nonce: true },
        })) as APIMessage;
        return { channelId: message.channel_id, messageId: message.id };
      } catch (err) {
        rethrow(err, channel.channelId);
      }
    },
    async update(ref, reply, marker) {
      try {
        await client.rest.patch(Routes.channelMessage(ref.channelId, ref.messageId), { body: body(reply, marker) });
      } catch (err) {
        rethrow(err, ref.channelId);
      }
    },
    async find(channel, marker) {
      const me = client.user?.id;
      if (!me) throw new Error('the Discord client is not logged in');
      try {
        const messages = (await client.rest.get(Routes.channelMessages(channel.channelId), {
          query: new URLSearchParams({ limit: String(FIND_LIMIT) }),
        })) as APIMessage[];
        const tag = digestTag(marker);
        const found = messages.find((m) => m.author.id === me && carriesTag(m, tag));
        return found ? { channelId: found.channel_id, messageId: found.id } : undefined;
      } catch (err) {
        rethrow(err, channel.channelId);
      }
    },
  };
}
