/**
 * Channel and user state for FakeSlack: the messages the bot posted per channel (so `conversations.history`
 * and `chat.update` behave like Slack), per-channel faults such as `channel_not_found`, and
 * `conversations.info` / `users.info` answers configurable per channel and user. Cleared by `FakeSlack.reset()`.
 */
import { FAKE_IDS } from './slack-fake-payloads.ts';
import { type ApiHandler, DEFAULT_HANDLERS, isRecord, type Json } from './slack-fake-web-api.ts';

/** Fields of `conversations.info`'s channel to override, e.g. `{ is_member: false, creator: 'U1' }`. */
export interface ChannelInit {
  name?: string;
  is_im?: boolean;
  is_private?: boolean;
  is_archived?: boolean;
  is_member?: boolean;
  creator?: string;
  /** The other member of a DM. */
  user?: string;
}

/** Fields of `users.info`'s user to override. */
export interface UserInit {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  is_primary_owner?: boolean;
  is_bot?: boolean;
}

/** Methods that name a channel and fail with that channel's fault. */
const CHANNEL_METHODS = new Set([
  'chat.postMessage',
  'chat.postEphemeral',
  'chat.update',
  'chat.delete',
  'conversations.history',
  'conversations.info',
]);
/** Methods that Slack refuses with `not_in_channel` when the bot is not a member. */
const MEMBER_METHODS = new Set(['chat.postMessage', 'chat.update', 'conversations.history']);

const flag = (value: unknown): boolean => value === true || value === 'true' || value === '1' || value === 1;

/** Per-channel messages, faults and info; `handlers()` answers the channel-aware methods. */
export class SlackChannels {
  /** Messages per channel, oldest first, as `chat.postMessage` returned them (plus any added). */
  readonly messages = new Map<string, Json[]>();
  private readonly channels = new Map<string, ChannelInit>();
  private readonly users = new Map<string, UserInit>();
  private readonly faults = new Map<string, string>();

  /** Configures what `conversations.info` says about a channel (and whether the bot may post there). */
  setChannel(id: string, init: ChannelInit): void {
    this.channels.set(id, { ...this.channels.get(id), ...init });
  }

  /** Configures what `users.info` says about a user. */
  setUser(id: string, init: UserInit): void {
    this.users.set(id, { ...this.users.get(id), ...init });
  }

  /** Makes every call naming `channel` answer `{ok:false, error}`, e.g. `channel_not_found`, until reset. */
  failChannel(channel: string, error: string): void {
    this.faults.set(channel, error);
  }

  /** Adds a message to a channel's history, e.g. one from a person or another app. */
  addMessage(channel: string, message: Json): void {
    this.list(channel).push(message);
  }

  /** Forgets messages, channel and user settings and faults. */
  reset(): void {
    this.messages.clear();
    this.channels.clear();
    this.users.clear();
    this.faults.clear();
  }

  /** The fault or membership error for a call, if any. */
  refusal(method: string, params: Json): Json | undefined {
    const channel = typeof params.channel === 'string' ? params.channel : undefined;
    if (!channel || !CHANNEL_METHODS.has(method)) return undefined;
    const fault = this.faults.get(channel);
    if (fault) return { ok: false, error: fault };
    if (MEMBER_METHODS.has(method) && this.channels.get(channel)?.is_member === false) {
      return { ok: false, error: 'not_in_channel' };
    }
    return undefined;
  }

  /** Handlers that replace the defaults for the channel-aware methods. */
  handlers(): Record<string, ApiHandler> {
    const wrap =
      (method: string, next: ApiHandler): ApiHandler =>
      (call, ctx) =>
        this.refusal(method, call.params) ?? next(call, ctx);
    const base = (method: string): ApiHandler => DEFAULT_HANDLERS[method] ?? (() => ({ ok: false }));
    return {
      'chat.postMessage': wrap('chat.postMessage', (call, ctx) => {
        const reply = base('chat.postMessage')(call, ctx);
        if (reply.ok === true && isRecord(reply.message)) this.list(String(call.params.channel)).push(reply.message);
        return reply;
      }),
      'chat.update': wrap('chat.update', (call, ctx) => this.update(call.params) ?? base('chat.update')(call, ctx)),
      'chat.postEphemeral': wrap('chat.postEphemeral', base('chat.postEphemeral')),
      'chat.delete': wrap('chat.delete', base('chat.delete')),
      'conversations.history': wrap('conversations.history', ({ params }) => this.history(params)),
      'conversations.info': wrap('conversations.info', (call, ctx) => {
        const reply = base('conversations.info')(call, ctx);
        const own = this.channels.get(String(call.params.channel));
        if (reply.ok !== true || !isRecord(reply.channel) || !own) return reply;
        const im = own.is_im ?? reply.channel.is_im;
        return { ...reply, channel: { ...reply.channel, ...own, is_channel: !im, is_private: own.is_private ?? im } };
      }),
      'users.info': (call, ctx) => {
        const reply = base('users.info')(call, ctx);
        const own = this.users.get(String(call.params.user));
        return reply.ok === true && isRecord(reply.user) && own ? { ...reply, user: { ...reply.user, ...own } } : reply;
      },
    };
  }

  private list(channel: string): Json[] {
    let list = this.messages.get(channel);
    if (!list) {
      list = [];
      this.messages.set(channel, list);
    }
    return list;
  }

  /** Edits a stored message in place; undefined when the channel has none stored (the default answer applies). */
  private update(params: Json): Json | undefined {
    const list = this.messages.get(String(params.channel));
    if (!list) return undefined;
    const index = list.findIndex((m) => m.ts === params.ts);
    const message = list[index];
    if (!message) return { ok: false, error: 'message_not_found' };
    if (message.user !== FAKE_IDS.botUserId) return { ok: false, error: 'cant_update_message' };
    const edited: Json = { ...message, edited: { user: FAKE_IDS.botUserId, ts: String(Date.now() / 1000) } };
    for (const key of ['text', 'blocks', 'metadata'] as const) if (params[key] !== undefined) edited[key] = params[key];
    list[index] = edited;
    return { ok: true, channel: params.channel, ts: params.ts, text: edited.text ?? '', message: edited };
  }

  /** Newest first, within `oldest`/`latest`, at most `limit`; metadata only with `include_all_metadata`. */
  private history(params: Json): Json {
    const oldest = Number(params.oldest ?? 0);
    const latest = params.latest === undefined ? Number.POSITIVE_INFINITY : Number(params.latest);
    const limit = Math.min(Math.max(Number(params.limit ?? 100) || 100, 1), 999);
    const metadata = flag(params.include_all_metadata);
    const inRange = (this.messages.get(String(params.channel)) ?? [])
      .filter((m) => Number(m.ts) > oldest && Number(m.ts) < latest)
      .reverse();
    const page = inRange.slice(0, limit).map((m) => {
      if (metadata) return m;
      const { metadata: _hidden, ...rest } = m;
      return rest;
    });
    return { ok: true, messages: page, has_more: inRange.length > limit, pin_count: 0 };
  }
}
