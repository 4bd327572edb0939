/**
 * The fake Discord REST API (`/api/v10/...`): request parsing and the call log's shape, fault injection, and the
 * routes a discord.js bot uses (gateway info, channel messages, threads, DMs, command registration). Interaction
 * callbacks and webhooks are delegated to discord-fake-webhooks.ts.
 */
import type { IncomingMessage } from 'node:http';
import { type APIChannel, type APIMessage, ChannelType, MessageType } from 'discord-api-types/v10';
import { ChannelRules } from './discord-fake-channels.ts';
import { commandFormErrors, commandsFormErrors } from './discord-fake-commands.ts';
import { invalidFormBody, isEmptyMessage, isRecord, type Json, messageFormErrors } from './discord-fake-limits.ts';
import {
  botUser,
  DISCORD_IDS,
  dmChannel,
  guildCreatePayload,
  humanUser,
  snowflake,
  threadChannel,
} from './discord-fake-payloads.ts';
import {
  apiError,
  applyEdit,
  ERROR_MESSAGES,
  type InteractionState,
  InteractionWebhooks,
  messageFromBody,
  type RestReply,
} from './discord-fake-webhooks.ts';

/** One file part of a multipart request. */
export interface RecordedFile {
  field: string;
  filename: string;
  contentType: string;
  size: number;
}

/** One REST request as the fake received it. */
export interface RecordedCall {
  method: string;
  /** The raw request path with query, e.g. `/api/v10/interactions/1/tok/callback?with_response=false`. */
  path: string;
  /** The decoded path below `/api/v10`, without query, e.g. `/webhooks/1/tok/messages/@original`. */
  route: string;
  query: URLSearchParams;
  /** The Authorization header (`Bot <token>`); undefined for interaction callbacks and webhooks. */
  auth: string | undefined;
  /** Parsed JSON body, or a multipart request's `payload_json`; undefined when empty. */
  body: unknown;
  /** Uploaded files of a multipart request. */
  files: RecordedFile[];
  /** `Date.now()` on arrival. */
  at: number;
}

/** Matches calls: a predicate, or method and/or route (template string such as `/channels/:id/messages`, or RegExp). */
export type CallFilter = ((call: RecordedCall) => boolean) | { method?: string; route?: string | RegExp };

const API_PREFIX = '/api/v10';

/**
 * Whether `route` matches `pattern`. A string pattern is a whole-route template: `:name` matches one segment, `*` the
 * rest, and an optional leading `METHOD ` restricts the method. A RegExp is tested against the route.
 */
export function matchesRoute(pattern: string | RegExp, method: string, route: string): boolean {
  if (pattern instanceof RegExp) return pattern.test(route);
  const spaced = /^([A-Z]+)\s+(.*)$/.exec(pattern);
  if (spaced?.[1] && spaced[1] !== method) return false;
  const template = (spaced?.[2] ?? pattern).replace(/^\/api\/v10(?=\/)/, '');
  const source = template
    .split('/')
    .map((segment) =>
      segment === '*' ? '.*' : segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}$`).test(route);
}

/** Whether a call passes a filter. */
export function matchesFilter(filter: CallFilter, call: RecordedCall): boolean {
  if (typeof filter === 'function') return filter(call);
  if (filter.method !== undefined && filter.method.toUpperCase() !== call.method) return false;
  return filter.route === undefined || matchesRoute(filter.route, call.method, call.route);
}

/** Reads and records a request: JSON, or multipart with `payload_json` plus files, as discord.js sends them. */
export async function readCall(req: IncomingMessage): Promise<RecordedCall> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks);
  const path = req.url ?? '/';
  const url = new URL(path, 'http://127.0.0.1');
  const decoded = url.pathname.split('/').map(safeDecode).join('/');
  const route = decoded.startsWith(`${API_PREFIX}/`) ? decoded.slice(API_PREFIX.length) : decoded;
  const call: RecordedCall = {
    method: req.method ?? 'GET',
    path,
    route,
    query: url.searchParams,
    auth: req.headers.authorization,
    body: undefined,
    files: [],
    at: Date.now(),
  };
  const type = req.headers['content-type'] ?? '';
  if (raw.length === 0) return call;
  if (type.startsWith('multipart/form-data')) {
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    for (const [field, value] of form) {
      if (typeof value === 'string') {
        if (field === 'payload_json') call.body = parseJson(value);
      } else {
        call.files.push({ field, filename: value.name, contentType: value.type, size: value.size });
      }
    }
  } else {
    call.body = parseJson(raw.toString('utf8'));
  }
  return call;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { _raw: text };
  }
}

/** A failure to inject into matching requests. */
export interface RestFault {
  /** HTTP status (default: 429 with `retryAfter`, 400 with `code`, else 500). */
  status?: number;
  /** Discord JSON error code for the body, e.g. 50035 or 10062. */
  code?: number;
  /** Error message for the body (defaults to Discord's text for `code`). */
  message?: string;
  /** Seconds to ask the client to wait; makes a 429 with rate-limit headers. */
  retryAfter?: number;
  /** Wait this long first (alone: a slow but normal reply). */
  delayMs?: number;
  /** How many requests the fault applies to (default 1). */
  times?: number;
}

/** The reply for a fault that is more than a delay; undefined for a pure delay. */
export function faultReply(fault: RestFault): RestReply | undefined {
  if (fault.retryAfter !== undefined) {
    const after = fault.retryAfter;
    return {
      status: fault.status ?? 429,
      body: { message: fault.message ?? 'You are being rate limited.', retry_after: after, global: false },
      headers: {
        'retry-after': String(Math.ceil(after)),
        'x-ratelimit-limit': '5',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': (Date.now() / 1000 + after).toFixed(3),
        'x-ratelimit-reset-after': after.toFixed(3),
        'x-ratelimit-bucket': 'fake-bucket',
        'x-ratelimit-scope': 'user',
      },
    };
  }
  if (fault.status === undefined && fault.code === undefined) return undefined;
  const code = fault.code ?? 0;
  return apiError(
    fault.status ?? (fault.code === undefined ? 500 : 400),
    code,
    fault.message ?? ERROR_MESSAGES[code] ?? 'Error',
  );
}

/** Hooks the REST side uses to reach the gateway. */
export interface RestHooks {
  gatewayUrl(): string;
  /** A message the bot created (so the gateway can echo MESSAGE_CREATE). */
  onMessage(message: APIMessage, guildId: string | undefined): void;
  /** A thread the bot started (so the gateway can send THREAD_CREATE). */
  onThread(thread: APIChannel): void;
}

/** Routing and state for the REST API. */
export class DiscordRest {
  /** Channels the fake knows: the guild's, threads the bot started, DM channels it opened. */
  readonly channels = new Map<string, APIChannel>();
  /** Channel messages the bot sent, plus any MESSAGE_CREATE the fake dispatched. */
  readonly messages = new Map<string, APIMessage>();
  /** The last command list PUT per scope: `global` or a guild id. */
  readonly commands = new Map<string, Json[]>();
  readonly interactions: InteractionWebhooks;
  /** Per-channel errors, enforced nonces and message listing. */
  readonly channelRules = new ChannelRules(this.messages);
  private readonly hooks: RestHooks;

  constructor(hooks: RestHooks, deadlineMs: number, tokenLifetimeMs: number) {
    this.hooks = hooks;
    this.interactions = new InteractionWebhooks(deadlineMs, tokenLifetimeMs, (message, state) => {
      if ((message.flags ?? 0) & 64) return;
      hooks.onMessage(message, this.guildOf(state.channelId));
    });
    for (const channel of guildCreatePayload().channels) this.channels.set(channel.id, channel);
    this.channels.set(DISCORD_IDS.dmChannelId, dmChannel());
  }

  /** Answers one recorded call. */
  handle(call: RecordedCall): RestReply {
    const { method, route, body } = call;
    if (!call.path.startsWith(`${API_PREFIX}/`)) return notFound();
    const seg = route.split('/').slice(1);
    const at = call.at;
    if (seg[0] === 'interactions' && seg.length === 4 && seg[3] === 'callback' && method === 'POST') {
      return this.interactions.callback(
        seg[1] ?? '',
        seg[2] ?? '',
        body,
        call.query.get('with_response') === 'true',
        at,
      );
    }
    if (seg[0] === 'webhooks' && seg.length >= 3) {
      const [, app = '', token = ''] = seg;
      if (seg.length === 3 && method === 'POST') {
        return this.interactions.followUp(
          app,
          token,
          body,
          call.query.get('wait') === 'true',
          call.files.length > 0,
          at,
        );
      }
      if (seg.length === 5 && seg[3] === 'messages' && ['GET', 'PATCH', 'DELETE'].includes(method)) {
        return this.interactions.message(method, app, token, seg[4] ?? '', body, at);
      }
      return notFound();
    }
    // Every other route needs the bot token; a 401 on /gateway/bot is how discord.js reports TokenInvalid.
    if (!call.auth?.startsWith('Bot ')) return apiError(401, 0, '401: Unauthorized');
    if (route === '/gateway/bot' && method === 'GET') return { status: 200, body: this.gatewayBot() };
    if (route === '/gateway' && method === 'GET') return { status: 200, body: { url: this.hooks.gatewayUrl() } };
    if (route === '/users/@me' && method === 'GET') return { status: 200, body: botUser() };
    if (route === '/users/@me/channels' && method === 'POST') return this.openDm(body);
    if (seg[0] === 'channels' && seg[1] !== undefined)
      return this.channelRoute(method, seg[1], seg.slice(2), body, call);
    if (seg[0] === 'applications' && seg[seg.length - 1] === 'commands') return this.commandRoute(method, seg, body);
    return notFound();
  }

  private gatewayBot(): Json {
    return {
      url: this.hooks.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
    };
  }

  private guildOf(channelId: string): string | undefined {
    const channel = this.channels.get(channelId);
    return channel && 'guild_id' in channel ? channel.guild_id : undefined;
  }

  private openDm(body: unknown): RestReply {
    const recipientId = isRecord(body) && typeof body.recipient_id === 'string' ? body.recipient_id : undefined;
    if (!recipientId) return { status: 400, body: invalidFormBody({ recipient_id: { _errors: [required()] } }) };
    const existing = [...this.channels.values()].find(
      (c) => c.type === ChannelType.DM && c.recipients?.some((r) => r.id === recipientId),
    );
    if (existing) return { status: 200, body: existing };
    const channel = dmChannel(snowflake(), humanUser({ id: recipientId }));
    this.channels.set(channel.id, channel);
    return { status: 200, body: channel };
  }

  private channelRoute(
    method: string,
    channelId: string,
    rest: string[],
    body: unknown,
    call: RecordedCall,
  ): RestReply {
    const fault = this.channelRules.fault(channelId);
    if (fault) return fault;
    const channel = this.channels.get(channelId);
    if (!channel) return apiError(404, 10003, 'Unknown Channel');
    const data = isRecord(body) ? body : {};
    const early = this.channelRules.before(method, channelId, rest, { body: data, query: call.query, at: call.at });
    if (early) return early;
    const [first, messageId, third] = rest;
    if (first === undefined) return method === 'GET' ? { status: 200, body: channel } : notFound();
    if (first === 'typing' && rest.length === 1 && method === 'POST') return { status: 204 };
    if (first === 'threads' && rest.length === 1 && method === 'POST') return this.startThread(channel, data);
    if (first !== 'messages') return notFound();
    if (messageId === undefined) return method === 'POST' ? this.createMessage(channel, data, call) : notFound();
    const message = this.messages.get(messageId);
    if (rest.length === 2 || third === 'threads' || third === 'reactions') {
      if (!message) return apiError(404, 10008, 'Unknown Message');
    }
    if (third === 'threads' && rest.length === 3 && method === 'POST') {
      if (this.channels.has(messageId)) return apiError(400, 160004, ERROR_MESSAGES[160004] ?? '');
      return this.startThread(channel, data, messageId);
    }
    if (third === 'reactions' && (method === 'PUT' || method === 'DELETE')) return { status: 204 };
    if (rest.length !== 2 || !message) return notFound();
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'DELETE') {
      this.messages.delete(messageId);
      return { status: 204 };
    }
    if (method !== 'PATCH') return notFound();
    if (message.author.id !== DISCORD_IDS.botUserId) return apiError(403, 50005, ERROR_MESSAGES[50005] ?? '');
    const errors = messageFormErrors(data);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    const edited = applyEdit(message, data);
    this.messages.set(messageId, edited);
    return { status: 200, body: edited };
  }

  private createMessage(channel: APIChannel, data: Json, call: RecordedCall): RestReply {
    const errors = messageFormErrors(data);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    if (isEmptyMessage(data) && call.files.length === 0) return apiError(400, 50006, ERROR_MESSAGES[50006] ?? '');
    const reference = isRecord(data.message_reference) ? data.message_reference : undefined;
    const referenced = typeof reference?.message_id === 'string' ? this.messages.get(reference.message_id) : undefined;
    const guildId = this.guildOf(channel.id);
    const message = messageFromBody(data, channel.id, {
      // Discord echoes the nonce on the created message.
      ...(typeof data.nonce === 'string' || typeof data.nonce === 'number' ? { nonce: data.nonce } : {}),
      ...(reference
        ? {
            type: MessageType.Reply,
            message_reference: {
              type: 0,
              message_id: String(reference.message_id),
              channel_id: channel.id,
              ...(guildId ? { guild_id: guildId } : {}),
            },
            referenced_message: referenced ?? null,
          }
        : {}),
    });
    this.messages.set(message.id, message);
    this.channelRules.created(message, data, call.at);
    this.hooks.onMessage(message, guildId);
    return { status: 200, body: message };
  }

  private startThread(parent: APIChannel, data: Json, messageId?: string): RestReply {
    if (typeof data.name !== 'string' || data.name === '') {
      return { status: 400, body: invalidFormBody({ name: { _errors: [required()] } }) };
    }
    // A thread started from a message takes that message's id, as on Discord.
    const thread = threadChannel(messageId ?? snowflake(), parent.id, data.name);
    if (data.type === ChannelType.PrivateThread) thread.type = ChannelType.PrivateThread;
    this.channels.set(thread.id, thread);
    this.hooks.onThread(thread);
    return { status: 201, body: thread };
  }

  private commandRoute(method: string, seg: string[], body: unknown): RestReply {
    // /applications/:app/commands or /applications/:app/guilds/:guild/commands
    const guildId = seg.length === 5 && seg[2] === 'guilds' ? seg[3] : undefined;
    if (seg[1] !== DISCORD_IDS.applicationId || (seg.length !== 3 && guildId === undefined)) return notFound();
    const scope = guildId ?? 'global';
    if (method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
    if (method === 'POST' && isRecord(body)) {
      // Creating one command replaces the scope's command of the same type and name, as Discord does.
      const errors = commandFormErrors(body);
      if (errors) return { status: 400, body: invalidFormBody(errors) };
      const [created] = registeredCommands([body], guildId);
      const others = (this.commands.get(scope) ?? []).filter(
        (c) => !(c.name === created?.name && (c.type ?? 1) === (created?.type ?? 1)),
      );
      this.commands.set(scope, [...others, ...(created ? [created] : [])]);
      return { status: 201, body: created };
    }
    if (method !== 'PUT') return notFound();
    if (!Array.isArray(body)) return { status: 400, body: invalidFormBody({ _errors: [required()] }) };
    const errors = commandsFormErrors(body);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    const registered = registeredCommands(body.filter(isRecord), guildId);
    this.commands.set(scope, registered);
    return { status: 200, body: registered };
  }
}

/** Commands as Discord stores and returns them: with ids, version and defaults filled in. */
function registeredCommands(commands: readonly Json[], guildId: string | undefined): Json[] {
  return commands.map((command) => ({
    id: snowflake(),
    application_id: DISCORD_IDS.applicationId,
    version: snowflake(),
    type: 1,
    description: '',
    default_member_permissions: null,
    nsfw: false,
    ...command,
    ...(guildId ? { guild_id: guildId } : {}),
  }));
}

function required(): Json {
  return { code: 'BASE_TYPE_REQUIRED', message: 'This field is required' };
}

function notFound(): RestReply {
  return apiError(404, 0, '404: Not Found');
}

/** Re-exported for FakeDiscord's type signatures. */
export type { InteractionState, RestReply };
