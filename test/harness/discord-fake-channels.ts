/**
 * Channel rules for the fake Discord REST API: per-channel errors (10003 Unknown Channel, 50001 Missing Access,
 * 50013 Missing Permissions, 50083/160005 archived or locked thread) in Discord's JSON error shape, message
 * nonces with `enforce_nonce` (the same nonce from the same author within a few minutes returns the first
 * message instead of creating a second), and listing a channel's messages (`GET /channels/:id/messages`).
 */
import type { APIMessage } from 'discord-api-types/v10';
import type { Json } from './discord-fake-limits.ts';
import { DISCORD_IDS } from './discord-fake-payloads.ts';
import { apiError, type RestReply } from './discord-fake-webhooks.ts';

/** How long Discord remembers an enforced nonce ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

/** The errors a channel can be made to answer, with Discord's status and message for each. */
export const CHANNEL_ERRORS = {
  10003: { status: 404, message: 'Unknown Channel' },
  50001: { status: 403, message: 'Missing Access' },
  50013: { status: 403, message: 'Missing Permissions' },
  50083: { status: 400, message: 'Operation cannot be performed on an archived thread' },
  160005: { status: 400, message: 'Thread is locked' },
} as const;

/** A code `failChannel` accepts. */
export type ChannelErrorCode = keyof typeof CHANNEL_ERRORS;

/** Channel faults, nonces and history over the fake's message store. */
export class ChannelRules {
  private readonly messages: Map<string, APIMessage>;
  private readonly faults = new Map<string, { code: ChannelErrorCode; status?: number }>();
  private readonly nonces = new Map<string, { messageId: string; at: number }>();

  constructor(messages: Map<string, APIMessage>) {
    this.messages = messages;
  }

  /** Makes every request under `/channels/:id` answer this error until `reset()`; `status` overrides Discord's. */
  failChannel(channelId: string, code: ChannelErrorCode, status?: number): void {
    this.faults.set(channelId, { code, status });
  }

  /** Forgets faults and nonces (messages stay with the store). */
  reset(): void {
    this.faults.clear();
    this.nonces.clear();
  }

  /** The error a faulted channel answers every request with; undefined when it has no fault. */
  fault(channelId: string): RestReply | undefined {
    const fault = this.faults.get(channelId);
    if (!fault) return undefined;
    const known = CHANNEL_ERRORS[fault.code];
    return apiError(fault.status ?? known.status, fault.code, known.message);
  }

  /**
   * Answers a request to a known channel before the normal route does: a create whose enforced nonce was seen
   * recently, or a message listing. Undefined: let the normal route answer.
   */
  before(
    method: string,
    channelId: string,
    rest: string[],
    request: { body: Json; query: URLSearchParams; at: number },
  ): RestReply | undefined {
    const { body, query, at } = request;
    if (rest.length !== 1 || rest[0] !== 'messages') return undefined;
    if (method === 'GET') return { status: 200, body: this.list(channelId, query) };
    const nonce = nonceOf(body);
    if (method !== 'POST' || body.enforce_nonce !== true || nonce === undefined) return undefined;
    // Messages created over REST with the bot token are always the bot's own.
    const seen = this.nonces.get(nonceKey(DISCORD_IDS.botUserId, nonce));
    const existing = seen && at - seen.at <= NONCE_WINDOW_MS ? this.messages.get(seen.messageId) : undefined;
    return existing ? { status: 200, body: existing } : undefined;
  }

  /** Notes a created message's nonce, so a retry with `enforce_nonce` finds it. */
  created(message: APIMessage, body: Json, at: number): void {
    const nonce = nonceOf(body);
    if (nonce !== undefined) this.nonces.set(nonceKey(message.author.id, nonce), { messageId: message.id, at });
  }

  /** Newest first, at most `limit` (1–100, default 50), optionally `before` a message id. */
  private list(channelId: string, query: URLSearchParams): APIMessage[] {
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 50) || 50, 1), 100);
    const raw = query.get('before');
    const before = raw && /^\d+$/.test(raw) ? BigInt(raw) : undefined;
    return [...this.messages.values()]
      .filter((m) => m.channel_id === channelId && (before === undefined || BigInt(m.id) < before))
      .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : BigInt(b.id) < BigInt(a.id) ? -1 : 0))
      .slice(0, limit);
  }
}

function nonceOf(body: Json): string | number | undefined {
  const nonce = body.nonce;
  return typeof nonce === 'string' || typeof nonce === 'number' ? nonce : undefined;
}

/** Discord dedupes nonces per author. */
function nonceKey(author: string, nonce: string | number): string {
  return `${author}:${nonce}`;
}
