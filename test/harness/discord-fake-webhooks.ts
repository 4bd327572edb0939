/**
 * The interaction side of the fake REST API: the callback endpoint's state machine (3 s deadline, one initial
 * response) and the interaction webhook (`@original`, follow-ups) with Discord's error codes.
 */
import {
  type APIEmbed,
  type APIMessage,
  type APIMessageInteractionMetadata,
  EmbedType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  MessageType,
} from 'discord-api-types/v10';
import type { FakeInteraction } from './discord-fake-interactions.ts';
import { invalidFormBody, isEmptyMessage, isRecord, type Json, messageFormErrors } from './discord-fake-limits.ts';
import { botUser, DISCORD_IDS, messageObject, snowflake } from './discord-fake-payloads.ts';

/** A reply the HTTP layer turns into a response (JSON when `body` is set). */
export interface RestReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** Discord's JSON error reply. */
export function apiError(status: number, code: number, message: string): RestReply {
  return { status, body: { code, message } };
}

/** Discord's messages for the error codes the fake emits. */
export const ERROR_MESSAGES: Record<number, string> = {
  0: 'General error',
  10003: 'Unknown Channel',
  10008: 'Unknown Message',
  10015: 'Unknown Webhook',
  10062: 'Unknown interaction',
  40060: 'Interaction has already been acknowledged.',
  50005: 'Cannot edit a message authored by another user',
  50006: 'Cannot send an empty message',
  50027: 'Invalid Webhook Token',
  50035: 'Invalid Form Body',
  160004: 'A thread has already been created for this message',
};

const known = (status: number, code: number): RestReply => apiError(status, code, ERROR_MESSAGES[code] ?? 'Error');

/** What the fake knows about one dispatched interaction. */
export interface InteractionState {
  interaction: FakeInteraction;
  /** Where responses appear: the interaction's channel. */
  channelId: string;
  /** `Date.now()` when INTERACTION_CREATE went out; the deadlines count from here. */
  dispatchedAt: number;
  /** When the one accepted initial response arrived. */
  respondedAt?: number;
  /** Its callback type (4 reply, 5 defer, 6 deferred update, 7 update, 9 modal, …). */
  responseType?: number;
  /** Id of the `@original` message, once there is one. */
  originalId?: string;
  /** Messages sent through this interaction's webhook: the original response and follow-ups. */
  messages: Map<string, APIMessage>;
}

/** Builds the bot's message object from a create/edit body, as Discord echoes it. */
export function messageFromBody(body: Json, channelId: string, extra: Partial<APIMessage> = {}): APIMessage {
  const embeds = Array.isArray(body.embeds)
    ? (body.embeds as APIEmbed[]).map((e) => ({ type: EmbedType.Rich, ...e }))
    : [];
  const attachments = Array.isArray(body.attachments) ? body.attachments.filter(isRecord) : [];
  return messageObject({
    channelId,
    author: botUser(),
    content: typeof body.content === 'string' ? body.content : '',
    extra: {
      embeds,
      components: Array.isArray(body.components) ? (body.components as APIMessage['components']) : [],
      flags: typeof body.flags === 'number' ? body.flags : 0,
      tts: body.tts === true,
      attachments: attachments.map((a) => {
        const id = snowflake();
        const filename = typeof a.filename === 'string' ? a.filename : 'file';
        const url = `https://cdn.discordapp.com/attachments/${channelId}/${id}/${filename}`;
        return { id, filename, size: 0, url, proxy_url: url };
      }),
      ...extra,
    },
  });
}

/** Applies an edit body to a stored message (fields absent from the body stay). */
export function applyEdit(message: APIMessage, body: Json): APIMessage {
  const next = messageFromBody({ ...message, ...body }, message.channel_id);
  const wasLoading = ((message.flags ?? 0) & MessageFlags.Loading) !== 0;
  return {
    ...message,
    content: next.content,
    embeds: next.embeds,
    components: next.components,
    attachments: 'attachments' in body ? next.attachments : message.attachments,
    // Completing a deferred ("thinking") response is not an edit; the ephemeral bit is fixed at defer time.
    flags: wasLoading ? (message.flags ?? 0) & MessageFlags.Ephemeral : (next.flags ?? 0),
    edited_timestamp: wasLoading ? null : new Date().toISOString(),
  };
}

/** The `interaction_metadata` Discord attaches to messages an interaction created. */
function interactionMetadata(interaction: FakeInteraction): APIMessageInteractionMetadata {
  const base = {
    id: interaction.id,
    user: interaction.user ?? interaction.member?.user ?? botUser(),
    authorizing_integration_owners: interaction.authorizing_integration_owners,
  };
  switch (interaction.type) {
    case InteractionType.ApplicationCommand:
      return { ...base, type: interaction.type };
    case InteractionType.MessageComponent:
      return { ...base, type: interaction.type, interacted_message_id: interaction.message.id };
    case InteractionType.ModalSubmit:
      // The fake does not know which command opened the modal; Discord would name it here.
      return {
        ...base,
        type: interaction.type,
        triggering_interaction_metadata: { ...base, id: snowflake(), type: InteractionType.ApplicationCommand },
      };
  }
}

/** Interaction state and the callback/webhook routes. */
export class InteractionWebhooks {
  readonly byId = new Map<string, InteractionState>();
  private readonly byToken = new Map<string, InteractionState>();
  private readonly deadlineMs: number;
  private readonly tokenLifetimeMs: number;
  private readonly onMessage: (message: APIMessage, state: InteractionState) => void;

  constructor(
    deadlineMs: number,
    tokenLifetimeMs: number,
    onMessage: (message: APIMessage, state: InteractionState) => void,
  ) {
    this.deadlineMs = deadlineMs;
    this.tokenLifetimeMs = tokenLifetimeMs;
    this.onMessage = onMessage;
  }

  /** Starts the clocks for a dispatched interaction; re-dispatching the same id keeps the first state. */
  track(interaction: FakeInteraction, at = Date.now()): InteractionState {
    const existing = this.byId.get(interaction.id);
    if (existing) return existing;
    const channelId = interaction.channel_id ?? interaction.channel?.id ?? DISCORD_IDS.channelId;
    const state: InteractionState = { interaction, channelId, dispatchedAt: at, messages: new Map() };
    this.byId.set(interaction.id, state);
    this.byToken.set(interaction.token, state);
    return state;
  }

  /** `POST /interactions/:id/:token/callback`. */
  callback(id: string, token: string, body: unknown, withResponse: boolean, at: number): RestReply {
    const state = this.byId.get(id);
    if (!state || state.interaction.token !== token) return known(404, 10062);
    if (state.respondedAt !== undefined) return known(400, 40060);
    // Discord invalidates the token when the first response misses the deadline.
    if (at - state.dispatchedAt > this.deadlineMs) return known(404, 10062);
    if (!isRecord(body) || typeof body.type !== 'number') {
      return {
        status: 400,
        body: invalidFormBody({
          type: { _errors: [{ code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }] },
        }),
      };
    }
    const data = isRecord(body.data) ? body.data : {};
    const type = body.type;
    if (type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage) {
      const errors = messageFormErrors(data, ['data']);
      if (errors) return { status: 400, body: invalidFormBody(errors) };
      if (type === InteractionResponseType.ChannelMessageWithSource && isEmptyMessage(data)) return known(400, 50006);
    }
    state.respondedAt = at;
    state.responseType = type;
    const message = this.originalFor(state, type, data);
    if (message) {
      state.originalId = message.id;
      state.messages.set(message.id, message);
      if (type === InteractionResponseType.ChannelMessageWithSource) this.onMessage(message, state);
    }
    if (!withResponse) return { status: 204 };
    const flags = message?.flags ?? 0;
    return {
      status: 200,
      body: {
        interaction: {
          id,
          type: state.interaction.type,
          ...(message
            ? {
                response_message_id: message.id,
                response_message_loading: (flags & MessageFlags.Loading) !== 0,
                response_message_ephemeral: (flags & MessageFlags.Ephemeral) !== 0,
              }
            : {}),
        },
        resource: { type, ...(message ? { message } : {}) },
      },
    };
  }

  private originalFor(state: InteractionState, type: number, data: Json): APIMessage | undefined {
    const { interaction } = state;
    const extra: Partial<APIMessage> = {
      webhook_id: DISCORD_IDS.applicationId,
      application_id: DISCORD_IDS.applicationId,
      interaction_metadata: interactionMetadata(interaction),
    };
    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource:
        return messageFromBody(data, state.channelId, extra);
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = typeof data.flags === 'number' ? data.flags & MessageFlags.Ephemeral : 0;
        return messageFromBody({}, state.channelId, { ...extra, flags: MessageFlags.Loading | ephemeral });
      }
      case InteractionResponseType.DeferredMessageUpdate:
        return 'message' in interaction ? interaction.message : undefined;
      case InteractionResponseType.UpdateMessage:
        return 'message' in interaction && interaction.message ? applyEdit(interaction.message, data) : undefined;
      default:
        return undefined;
    }
  }

  /** The state behind a webhook token, or the error Discord gives for it. */
  private lookup(app: string, token: string, at: number): InteractionState | RestReply {
    const state = this.byToken.get(token);
    // Before the initial response the interaction webhook does not exist yet.
    if (!state || app !== DISCORD_IDS.applicationId || state.respondedAt === undefined) return known(404, 10015);
    if (at - state.dispatchedAt > this.tokenLifetimeMs) return known(401, 50027);
    return state;
  }

  /** `POST /webhooks/:app/:token` (a follow-up). */
  followUp(app: string, token: string, body: unknown, wait: boolean, hasFiles: boolean, at: number): RestReply {
    const state = this.lookup(app, token, at);
    if (!('interaction' in state)) return state;
    const data = isRecord(body) ? body : {};
    const errors = messageFormErrors(data);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    if (isEmptyMessage(data) && !hasFiles) return known(400, 50006);
    const original = state.originalId === undefined ? undefined : state.messages.get(state.originalId);
    // Discord: the first follow-up after a deferred reply edits the "thinking" message instead of posting.
    const completes = original !== undefined && ((original.flags ?? 0) & MessageFlags.Loading) !== 0;
    const message = completes
      ? applyEdit(original, data)
      : messageFromBody(data, state.channelId, {
          webhook_id: DISCORD_IDS.applicationId,
          application_id: DISCORD_IDS.applicationId,
          type: MessageType.Default,
        });
    state.messages.set(message.id, message);
    if (!completes) this.onMessage(message, state);
    return wait ? { status: 200, body: message } : { status: 204 };
  }

  /** `GET`/`PATCH`/`DELETE /webhooks/:app/:token/messages/:id` (`@original` included). */
  message(method: string, app: string, token: string, messageId: string, body: unknown, at: number): RestReply {
    const state = this.lookup(app, token, at);
    if (!('interaction' in state)) return state;
    const id = messageId === '@original' ? state.originalId : messageId;
    const message = id === undefined ? undefined : state.messages.get(id);
    if (!message) return known(404, 10008);
    if (method === 'GET') return { status: 200, body: message };
    if (method === 'DELETE') {
      state.messages.delete(message.id);
      if (id === state.originalId) state.originalId = undefined;
      return { status: 204 };
    }
    const data = isRecord(body) ? body : {};
    const errors = messageFormErrors(data);
    if (errors) return { status: 400, body: invalidFormBody(errors) };
    const edited = applyEdit(message, data);
    state.messages.set(edited.id, edited);
    return { status: 200, body: edited };
  }
}
