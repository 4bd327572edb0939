/**
 * Typed builders for the payloads Slack sends to an app (slash commands, Events API callbacks, block actions,
 * view submissions) and the request signer. Pure functions: `FakeSlack` fills in the response URLs that point at
 * itself. Shapes follow Slack's documented payloads and the `@slack/bolt` types, so `tsc` flags missing fields.
 */
import { createHmac } from 'node:crypto';
import type {
  BlockButtonAction,
  EnvelopedEvent,
  SlashCommand,
  ViewResponseUrl,
  ViewStateValue,
  ViewSubmitAction,
} from '@slack/bolt';
import type { SlackEvent } from '@slack/types';

/** Ids used by every default payload. The bot ids differ from the user ids so Bolt's `ignoreSelf` keeps events. */
export const FAKE_IDS = {
  teamId: 'T0TEAM',
  teamDomain: 'careerbot-test',
  userId: 'U0USER',
  userName: 'alice',
  channelId: 'C0CHAN',
  channelName: 'general',
  botUserId: 'U0BOT',
  botId: 'B0BOT',
  appId: 'A0APP',
  verificationToken: 'fake-verification-token',
} as const;

/** How a sender signs its request; the defaults produce a valid, current signature. */
export interface SignOptions {
  /** Sign with the wrong secret, so the app must answer 401. */
  badSignature?: boolean;
  /** Unix seconds to sign with, e.g. six minutes ago for a stale-timestamp 401. */
  timestamp?: number;
  /** Send neither signature header. */
  noSignature?: boolean;
}

/**
 * The two headers Slack signs requests with: `x-slack-signature: v0=HMAC-SHA256(secret, "v0:ts:body")` in hex.
 * `rawBody` must be exactly the string that goes on the wire, or verification fails.
 */
export function slackSignatureHeaders(
  secret: string,
  rawBody: string,
  options: SignOptions = {},
): Record<string, string> {
  if (options.noSignature) return {};
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  const key = options.badSignature ? `${secret}-wrong` : secret;
  const digest = createHmac('sha256', key).update(`v0:${ts}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': `v0=${digest}` };
}

let sequence = 0;

/** A trigger id in Slack's `digits.digits.hex` format; unique per call so tests can tell modals apart. */
export function triggerId(): string {
  sequence += 1;
  return `${Date.now()}.${1000 + sequence}.${sequence.toString(16).padStart(8, '0')}fake`;
}

/** A message timestamp (`seconds.micros`) that increases on every call. */
export function messageTs(): string {
  sequence += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(sequence).padStart(6, '0')}`;
}

/** Fields a test sets on a slash command; the rest get realistic defaults. */
export type SlashCommandInit = Partial<SlashCommand> & { command: string; text?: string };

/** A slash command exactly as Slack form-encodes it (all values are strings). */
export function buildSlashCommand(fields: SlashCommandInit, responseUrl: string): SlashCommand {
  return {
    token: FAKE_IDS.verificationToken,
    team_id: FAKE_IDS.teamId,
    team_domain: FAKE_IDS.teamDomain,
    channel_id: FAKE_IDS.channelId,
    channel_name: FAKE_IDS.channelName,
    user_id: FAKE_IDS.userId,
    user_name: FAKE_IDS.userName,
    api_app_id: FAKE_IDS.appId,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId(),
    ...fields,
    text: fields.text ?? '',
  };
}

/** Any Events API inner event: a typed `@slack/types` event or a loose object with a `type`. */
export type AnyEvent = SlackEvent | { type: string; [key: string]: unknown };

/** Options for an Events API delivery. */
export interface EventCallbackInit {
  eventId?: string;
  teamId?: string;
  eventTime?: number;
}

/** An `event_callback` envelope as Slack POSTs it (and as Socket Mode carries it in `events_api` envelopes). */
export function buildEventCallback(event: AnyEvent, init: EventCallbackInit = {}): EnvelopedEvent<AnyEvent> {
  sequence += 1;
  const teamId = init.teamId ?? FAKE_IDS.teamId;
  return {
    token: FAKE_IDS.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: FAKE_IDS.appId,
    event,
    type: 'event_callback',
    event_id: init.eventId ?? `Ev${String(sequence).padStart(9, '0')}`,
    event_time: init.eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      { enterprise_id: null, team_id: teamId, user_id: FAKE_IDS.botUserId, is_bot: true, is_enterprise_install: false },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${sequence}`,
  };
}

/** What a test sets on a button click; everything else defaults to a click in C0CHAN by U0USER. */
export interface BlockActionInit {
  actionId: string;
  value?: string;
  blockId?: string;
  /** Button label. */
  text?: string;
  /** Clicking user id. */
  user?: string;
  /** Channel id of the message holding the button. */
  channel?: string;
  messageTs?: string;
  threadTs?: string;
  /** Replaces the default message container, e.g. `{ type: 'view', view_id: 'V1' }` (drops channel and message). */
  container?: Record<string, unknown>;
  /** Id for the response_url on the fake; defaults to `act-N`. */
  responseId?: string;
}

/** A `block_actions` payload for a button click, shaped like Slack's documented example. */
export function buildBlockAction(init: BlockActionInit, responseUrl: string): BlockButtonAction {
  const channelId = init.channel ?? FAKE_IDS.channelId;
  const ts = init.messageTs ?? messageTs();
  const inMessage = init.container === undefined || init.container.type === 'message';
  const container = init.container ?? {
    type: 'message',
    message_ts: ts,
    channel_id: channelId,
    is_ephemeral: false,
    ...(init.threadTs ? { thread_ts: init.threadTs } : {}),
  };
  return {
    type: 'block_actions',
    user: {
      id: init.user ?? FAKE_IDS.userId,
      username: FAKE_IDS.userName,
      name: FAKE_IDS.userName,
      team_id: FAKE_IDS.teamId,
    },
    api_app_id: FAKE_IDS.appId,
    token: FAKE_IDS.verificationToken,
    container,
    trigger_id: triggerId(),
    team: { id: FAKE_IDS.teamId, domain: FAKE_IDS.teamDomain },
    is_enterprise_install: false,
    ...(inMessage
      ? {
          channel: { id: channelId, name: channelId === FAKE_IDS.channelId ? FAKE_IDS.channelName : 'channel' },
          message: {
            type: 'message',
            user: FAKE_IDS.botUserId,
            bot_id: FAKE_IDS.botId,
            ts,
            text: 'message with a button',
            ...(init.threadTs ? { thread_ts: init.threadTs } : {}),
          },
        }
      : {}),
    state: { values: {} },
    response_url: responseUrl,
    actions: [
      {
        type: 'button',
        action_id: init.actionId,
        block_id: init.blockId ?? 'actions',
        text: { type: 'plain_text', text: init.text ?? 'Button', emoji: true },
        ...(init.value !== undefined ? { value: init.value } : {}),
        action_ts: `${(Date.now() / 1000).toFixed(6)}`,
      },
    ],
  };
}

/** What a test sets on a modal submission. */
export interface ViewSubmissionInit {
  callbackId: string;
  /** `state.values`: block_id → action_id → value, e.g. `{ q: { input: { type: 'plain_text_input', value: 'hi' } } }`. */
  values?: Record<string, Record<string, ViewStateValue>>;
  privateMetadata?: string;
  /** Submitting user id. */
  user?: string;
  viewId?: string;
  /** When set, one `response_urls` entry pointing at the fake with this id (modals with `response_url_enabled`). */
  responseId?: string;
}

/** A `view_submission` payload for a modal, shaped like Slack's documented example. */
export function buildViewSubmission(init: ViewSubmissionInit, responseUrl?: string): ViewSubmitAction {
  sequence += 1;
  const viewId = init.viewId ?? `V${String(sequence).padStart(8, '0')}`;
  const responseUrls: ViewResponseUrl[] = responseUrl
    ? [{ block_id: 'channel', action_id: 'channel', channel_id: FAKE_IDS.channelId, response_url: responseUrl }]
    : [];
  return {
    type: 'view_submission',
    team: { id: FAKE_IDS.teamId, domain: FAKE_IDS.teamDomain },
    user: { id: init.user ?? FAKE_IDS.userId, name: FAKE_IDS.userName, team_id: FAKE_IDS.teamId },
    api_app_id: FAKE_IDS.appId,
    token: FAKE_IDS.verificationToken,
    trigger_id: triggerId(),
    is_enterprise_install: false,
    view: {
      id: viewId,
      team_id: FAKE_IDS.teamId,
      type: 'modal',
      blocks: [],
      private_metadata: init.privateMetadata ?? '',
      callback_id: init.callbackId,
      state: { values: init.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.fakehash`,
      title: { type: 'plain_text', text: 'Modal', emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      close: { type: 'plain_text', text: 'Cancel', emoji: true },
      submit: { type: 'plain_text', text: 'Submit', emoji: true },
      previous_view_id: null,
      root_view_id: viewId,
      app_id: FAKE_IDS.appId,
      external_id: '',
      app_installed_team_id: FAKE_IDS.teamId,
      bot_id: FAKE_IDS.botId,
    },
    response_urls: responseUrls,
  };
}
