/**
 * The fake Slack Web API: request-body parsing, Block Kit limit checks and minimal but realistic replies per method.
 * Replies carry just the fields `@slack/web-api` and Bolt read, in the shapes Slack documents.
 */
import { blockLimitErrors, messageTextError, viewLimitErrors } from './slack-fake-limits.ts';
import { FAKE_IDS } from './slack-fake-payloads.ts';

export { blockLimitErrors } from './slack-fake-limits.ts';

/** A JSON object as sent or received. */
export type Json = Record<string, unknown>;

/** One Web API call as the fake received it. */
export interface RecordedCall {
  method: string;
  /** The Authorization header, e.g. `Bearer xoxb-test`. */
  auth: string | undefined;
  /** Form or JSON params; object-valued ones (`blocks`, `view`, …) already JSON-decoded. */
  params: Json;
  /** `Date.now()` on arrival. */
  at: number;
}

/** State the handlers need from the fake. */
export interface ApiContext {
  nextTs(): string;
  nextViewId(): string;
  socketUrl(): string;
  /** Spends a trigger_id: undefined when it may open a view, else Slack's error (expired, exchanged, invalid). */
  spendTrigger(triggerId: unknown): string | undefined;
}

/** Computes the JSON reply for one call; replace a method's handler with `FakeSlack.on`. */
export type ApiHandler = (call: RecordedCall, ctx: ApiContext) => Json;

// The WebClient JSON-encodes every non-scalar argument inside the form (`serializeBody`), so these arrive as strings.
const JSON_PARAMS = ['blocks', 'view', 'attachments', 'metadata', 'prompts'];

/** Parses a Web API body; `bad` names object params whose JSON did not parse (Slack: `invalid_blocks_format`). */
export function parseApiParams(contentType: string | undefined, raw: string): { params: Json; bad: string[] } {
  const type = (contentType ?? '').split(';')[0]?.trim().toLowerCase();
  let params: Json = {};
  if (type === 'application/json' && raw) {
    const parsed: unknown = JSON.parse(raw);
    if (isRecord(parsed)) params = parsed;
  } else if (type === 'application/x-www-form-urlencoded') {
    params = Object.fromEntries(new URLSearchParams(raw));
  }
  const bad: string[] = [];
  for (const key of JSON_PARAMS) {
    const value = params[key];
    if (typeof value !== 'string' || !/^\s*[[{]/.test(value)) continue;
    try {
      params[key] = JSON.parse(value);
    } catch {
      bad.push(key);
    }
  }
  return { params, bad };
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function invalidBlocks(errors: string[]): Json {
  return {
    ok: false,
    error: 'invalid_blocks',
    errors,
    response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
  };
}

/** Limit check for message methods; undefined when the blocks are acceptable. */
function checkMessage(params: Json): Json | undefined {
  const errors = blockLimitErrors(params.blocks, 50, '/blocks');
  if (errors.length > 0) return invalidBlocks(errors);
  if (params.channel === undefined || params.channel === '') return { ok: false, error: 'channel_not_found' };
  const noText = messageTextError(params);
  return noText ? { ok: false, error: noText } : undefined;
}

/** Limit check for views.*; undefined when the view is acceptable. */
function checkView(params: Json): Json | undefined {
  if (!isRecord(params.view)) return { ok: false, error: 'invalid_arguments' };
  const errors = [...viewLimitErrors(params.view), ...blockLimitErrors(params.view.blocks, 100, '/view/blocks')];
  return errors.length > 0 ? invalidBlocks(errors) : undefined;
}

// Slack truncates text over 40,000 characters and warns instead of failing.
function truncationWarning(params: Json): Json {
  const text = str(params.text);
  if (text === undefined || text.length <= 40_000) return {};
  return {
    warning: 'message_truncated',
    response_metadata: { warnings: ['message_truncated'], messages: ['[WARN] A message was truncated'] },
  };
}

function messageReply(params: Json, ts: string): Json {
  const message: Json = {
    type: 'message',
    subtype: 'bot_message',
    text: str(params.text)?.slice(0, 40_000) ?? '',
    user: FAKE_IDS.botUserId,
    bot_id: FAKE_IDS.botId,
    app_id: FAKE_IDS.appId,
    team: FAKE_IDS.teamId,
    ts,
  };
  if (params.blocks !== undefined) message.blocks = params.blocks;
  if (params.thread_ts !== undefined) message.thread_ts = params.thread_ts;
  if (params.metadata !== undefined) message.metadata = params.metadata;
  return message;
}

function viewReply(call: RecordedCall, ctx: ApiContext): Json {
  const failure = checkView(call.params);
  if (failure) return failure;
  const view = call.params.view as Json;
  const id = str(call.params.view_id) ?? ctx.nextViewId();
  return {
    ok: true,
    view: {
      id,
      team_id: FAKE_IDS.teamId,
      app_id: FAKE_IDS.appId,
      bot_id: FAKE_IDS.botId,
      private_metadata: '',
      callback_id: '',
      external_id: '',
      state: { values: {} },
      hash: `${Math.floor(Date.now() / 1000)}.${id}`,
      clear_on_close: false,
      notify_on_close: false,
      root_view_id: id,
      previous_view_id: null,
      ...view,
    },
  };
}

/** views.open / views.push: the view must pass the limits, then the trigger_id is spent (once, within 3 s). */
function viewWithTrigger(call: RecordedCall, ctx: ApiContext): Json {
  if (!call.params.trigger_id) return { ok: false, error: 'invalid_arguments' };
  const failure = checkView(call.params);
  if (failure) return failure;
  const error = ctx.spendTrigger(call.params.trigger_id);
  return error ? { ok: false, error } : viewReply(call, ctx);
}

const ok = (): Json => ({ ok: true });

/** Default handlers for the methods careerbot (through Bolt) calls. */
export const DEFAULT_HANDLERS: Record<string, ApiHandler> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${FAKE_IDS.teamDomain}.slack.com/`,
    team: 'Careerbot Test',
    user: 'careerbot',
    team_id: FAKE_IDS.teamId,
    user_id: FAKE_IDS.botUserId,
    bot_id: FAKE_IDS.botId,
    is_enterprise_install: false,
  }),
  'chat.postMessage': ({ params }, ctx) => {
    const failure = checkMessage(params);
    if (failure) return failure;
    const ts = ctx.nextTs();
    return { ok: true, channel: params.channel, ts, message: messageReply(params, ts), ...truncationWarning(params) };
  },
  'chat.postEphemeral': ({ params }, ctx) => {
    const failure = checkMessage(params);
    if (failure) return failure;
    if (!params.user) return { ok: false, error: 'user_not_in_channel' };
    return { ok: true, message_ts: ctx.nextTs() };
  },
  'chat.update': ({ params }) => {
    const failure = checkMessage(params);
    if (failure) return failure;
    if (!params.ts) return { ok: false, error: 'message_not_found' };
    return {
      ok: true,
      channel: params.channel,
      ts: params.ts,
      text: params.text ?? '',
      message: messageReply(params, String(params.ts)),
    };
  },
  'chat.delete': ({ params }) =>
    params.ts ? { ok: true, channel: params.channel, ts: params.ts } : { ok: false, error: 'message_not_found' },
  'views.open': (call, ctx) => viewWithTrigger(call, ctx),
  'views.push': (call, ctx) => viewWithTrigger(call, ctx),
  'views.update': viewReply,
  'views.publish': (call, ctx) =>
    call.params.user_id ? viewReply(call, ctx) : { ok: false, error: 'invalid_arguments' },
  'conversations.info': ({ params }) => {
    const id = str(params.channel) ?? '';
    if (!id) return { ok: false, error: 'channel_not_found' };
    const isIm = id.startsWith('D');
    return {
      ok: true,
      channel: {
        id,
        name: isIm ? undefined : id === FAKE_IDS.channelId ? FAKE_IDS.channelName : `channel-${id.toLowerCase()}`,
        is_channel: !isIm,
        is_group: false,
        is_im: isIm,
        is_private: isIm,
        is_archived: false,
        is_member: true,
        created: 1_700_000_000,
        ...(isIm ? { user: FAKE_IDS.userId } : {}),
      },
    };
  },
  'users.info': ({ params }) => {
    const id = str(params.user) ?? '';
    if (!id) return { ok: false, error: 'user_not_found' };
    const name = id === FAKE_IDS.userId ? FAKE_IDS.userName : `user-${id.toLowerCase()}`;
    return {
      ok: true,
      user: {
        id,
        team_id: FAKE_IDS.teamId,
        name,
        real_name: name,
        deleted: false,
        is_bot: id === FAKE_IDS.botUserId,
        tz: 'Europe/London',
        tz_offset: 0,
        profile: { real_name: name, display_name: name, team: FAKE_IDS.teamId },
      },
    };
  },
  'assistant.threads.setStatus': ok,
  'assistant.threads.setSuggestedPrompts': ok,
  'assistant.threads.setTitle': ok,
  'apps.connections.open': ({ auth }, ctx) =>
    auth?.startsWith('Bearer xapp-')
      ? { ok: true, url: ctx.socketUrl() }
      : { ok: false, error: 'not_allowed_token_type' },
};

/** Answers one call: auth check, object-param decoding failures, then the handler (or `unknown_method`). */
export function answerCall(call: RecordedCall, bad: string[], handler: ApiHandler | undefined, ctx: ApiContext): Json {
  if (!call.auth && !call.params.token) return { ok: false, error: 'not_authed' };
  if (bad.length > 0)
    return { ok: false, error: bad.includes('blocks') ? 'invalid_blocks_format' : 'invalid_arguments' };
  return handler ? handler(call, ctx) : { ok: false, error: 'unknown_method' };
}
