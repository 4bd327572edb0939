/**
 * FakeSlack: a local stand-in for Slack that the real `@slack/bolt` App talks to over loopback.
 * It serves the Web API (`/api/:method`), a response_url sink (`/response/:id`) and a Socket Mode WebSocket
 * (`/link/`), and sends signed requests to an app's HTTP endpoint the way Slack does.
 * Payload builders live in slack-fake-payloads.ts, Web API replies and limits in slack-fake-web-api.ts,
 * Socket Mode in slack-fake-socket.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { BlockButtonAction, EnvelopedEvent, SlashCommand, ViewSubmitAction } from '@slack/bolt';
import type { WebSocket } from 'ws';
import { SlackChannels } from './slack-fake-channels.ts';
import { SlackHandles } from './slack-fake-handles.ts';
import {
  type AnyEvent,
  type BlockActionInit,
  buildBlockAction,
  buildEventCallback,
  buildSlashCommand,
  buildViewSubmission,
  type EventCallbackInit,
  FAKE_IDS,
  type SignOptions,
  type SlashCommandInit,
  slackSignatureHeaders,
  type ViewSubmissionInit,
} from './slack-fake-payloads.ts';
import { type EnvelopeOptions, type EnvelopeType, type SocketAck, SocketModeServer } from './slack-fake-socket.ts';
import { WaitList } from './slack-fake-wait.ts';
import {
  type ApiContext,
  type ApiHandler,
  answerCall,
  DEFAULT_HANDLERS,
  isRecord,
  type Json,
  parseApiParams,
  type RecordedCall,
} from './slack-fake-web-api.ts';
import { FakeTimers } from './timers.ts';

export type { ChannelInit, UserInit } from './slack-fake-channels.ts';
export * from './slack-fake-payloads.ts';
export type { EnvelopeOptions, EnvelopeType, SocketAck } from './slack-fake-socket.ts';
export type { ApiContext, ApiHandler, Json, RecordedCall } from './slack-fake-web-api.ts';
export { blockLimitErrors } from './slack-fake-web-api.ts';

/** A failure to inject into the next call(s) of a Web API method. */
export interface Fault {
  /** HTTP status to answer with (a `retryAfter` alone implies 429). */
  status?: number;
  /** Slack error code: with a status, the body's `error`; without one, a 200 `{ok:false, error}`. */
  error?: string;
  /** Seconds for the `Retry-After` header. */
  retryAfter?: number;
  /** Wait this long before answering (alone: a slow but normal reply). */
  delayMs?: number;
  /** Handle the call normally, then hold the reply this long: Slack acted, but the client has not heard yet. */
  holdReplyMs?: number;
  /** How many calls this fault applies to (default 1). */
  times?: number;
}

/** One POST to a response_url on the fake. */
export interface RecordedResponse {
  id: string;
  /** The JSON body Bolt's `respond()` sent (`{ _raw }` when it was not JSON). */
  body: Json;
  at: number;
}

/** How a sender reaches the app. */
export interface SendOptions {
  /** The app's endpoint, e.g. `http://127.0.0.1:PORT/slack/events`; defaults to `setAppUrl()`. */
  url?: string;
  signOptions?: SignOptions;
  /** Extra request headers. */
  headers?: Record<string, string>;
}

/** Options for `sendEvent`: delivery metadata plus Slack's retry headers. */
export interface EventSendOptions extends SendOptions, EventCallbackInit {
  /** Sets `X-Slack-Retry-Num`, as on Slack's redeliveries. */
  retryNum?: number;
  /** Sets `X-Slack-Retry-Reason`, e.g. `http_timeout`. */
  retryReason?: string;
}

/**
 * Slack's deadline for the HTTP answer (the ack) to an event, slash command or interaction: answered later,
 * the user sees a timeout error and events are retried, whatever the answer says.
 */
export const ACK_DEADLINE_MS = 3_000;

/** The app's HTTP answer to a sent request, plus the payload that was sent. */
export interface SendResult<P = unknown> {
  status: number;
  /** Slack's verdict on the ack: a 200 within the deadline (`ACK_DEADLINE_MS` unless the fake was started with less). */
  acked: boolean;
  body: string;
  /** `body` parsed as JSON, when it is JSON. */
  json?: unknown;
  headers: Headers;
  /** Round-trip time in milliseconds. */
  ms: number;
  payload: P;
}

function summarize(call: RecordedCall): string {
  const params = JSON.stringify(call.params);
  return `${call.method} ${params.length > 160 ? `${params.slice(0, 160)}…` : params}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** A fake Slack on 127.0.0.1; create with `FakeSlack.start()`, dispose with `stop()`. */
export class FakeSlack {
  /** Every Web API call, in arrival order (failed and faulted ones included). */
  readonly calls: RecordedCall[] = [];
  /** Every POST to a response_url that Slack would accept. */
  readonly responses: RecordedResponse[] = [];
  /** POSTs to a response_url that Slack would refuse (expired, used up, invalid), with the error. */
  readonly refusedResponses: (RecordedResponse & { error: string })[] = [];
  readonly port: number;
  /** Pass as `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  readonly signingSecret: string;
  /**
   * Channel state: the bot's posted messages per channel (`conversations.history`, `chat.update`), per-channel
   * faults (`failChannel`) and configurable `conversations.info` / `users.info` answers (`setChannel`, `setUser`).
   */
  readonly channels = new SlackChannels();

  private readonly server: Server;
  private readonly socket: SocketModeServer;
  private readonly handlers = new Map<string, ApiHandler>();
  private readonly channelHandlers = this.channels.handlers();
  private readonly faults = new Map<string, Fault[]>();
  private readonly timers = new FakeTimers();
  private readonly callWaiters = new WaitList<RecordedCall>();
  private readonly responseWaiters = new WaitList<RecordedResponse>();
  private readonly apiContext: ApiContext;
  private appUrl: string | undefined;
  private clockOffsetMs = 0;
  private readonly handles = new SlackHandles(() => this.now());
  private counter = 0;
  private stopped = false;

  private readonly ackDeadlineMs: number;

  private constructor(server: Server, signingSecret: string, ackDeadlineMs: number) {
    this.server = server;
    this.ackDeadlineMs = ackDeadlineMs;
    this.signingSecret = signingSecret;
    this.port = (server.address() as AddressInfo).port;
    this.socket = new SocketModeServer(server, this.port);
    this.apiUrl = `http://127.0.0.1:${this.port}/api/`;
    const base = Math.floor(Date.now() / 1000);
    this.apiContext = {
      nextTs: () => `${base}.${String(++this.counter).padStart(6, '0')}`,
      nextViewId: () => `V${String(++this.counter).padStart(10, '0')}`,
      socketUrl: () => this.socket.url(),
      spendTrigger: (triggerId) => this.handles.spendTrigger(triggerId),
    };
    server.on('request', (req, res) => {
      this.route(req, res).catch((error: unknown) => {
        if (!res.headersSent) this.json(res, 500, { ok: false, error: 'fatal_error', detail: String(error) });
      });
    });
  }

  /** Starts the fake on an ephemeral loopback port; `ackDeadlineMs` is shrunk only by the fake's own tests. */
  static async start(options: { signingSecret?: string; ackDeadlineMs?: number } = {}): Promise<FakeSlack> {
    const server = createServer();
    // Real Slack keeps connections alive too; stop() closes them explicitly.
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeSlack(
      server,
      options.signingSecret ?? 'test-signing-secret',
      options.ackDeadlineMs ?? ACK_DEADLINE_MS,
    );
  }

  // ---------------------------------------------------------------- Web API

  /** Replaces the reply for `method`; returns a function that restores the default. */
  on(method: string, handler: ApiHandler): () => void {
    this.handlers.set(method, handler);
    return () => this.handlers.delete(method);
  }

  /** Makes the next `times` calls to `method` (or `'*'` for any) fail, stall or rate-limit. */
  failNext(method: string, fault: Fault): void {
    const list = this.faults.get(method) ?? [];
    list.push({ ...fault, times: fault.times ?? 1 });
    this.faults.set(method, list);
  }

  /** Calls to one method, in order. */
  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Resolves with the first call to `method` matching `predicate`, already received or arriving within the timeout. */
  waitForCall(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs = 2000): Promise<RecordedCall> {
    return this.callWaiters.wait(
      this.calls,
      (call) => call.method === method && (predicate?.(call) ?? true),
      timeoutMs,
      () =>
        `waitForCall(${method}): no matching call; calls seen: ${
          this.calls.length ? `\n  ${this.calls.map(summarize).join('\n  ')}` : 'none'
        }`,
    );
  }

  // ---------------------------------------------------------------- response_url sink

  /** A response_url on the fake; POSTs to it are recorded under `id`. */
  responseUrl(id: string): string {
    this.handles.issueResponseUrl(id);
    return `http://127.0.0.1:${this.port}/response/${encodeURIComponent(id)}`;
  }

  /** Resolves with the first response_url POST (to `id`, if given) matching `predicate`. */
  waitForResponse(
    id?: string,
    timeoutMs = 2000,
    predicate?: (response: RecordedResponse) => boolean,
  ): Promise<RecordedResponse> {
    return this.responseWaiters.wait(
      this.responses,
      (r) => (id === undefined || r.id === id) && (predicate?.(r) ?? true),
      timeoutMs,
      () =>
        `waitForResponse(${id ?? 'any'}): no matching POST; responses seen: ${
          this.responses.map((r) => `${r.id} ${JSON.stringify(r.body)}`).join('; ') || 'none'
        }`,
    );
  }

  /** Forgets calls, responses, acks, pending faults and channel state (custom handlers stay). */
  reset(): void {
    this.channels.reset();
    this.calls.length = 0;
    this.responses.length = 0;
    this.socket.reset();
    this.faults.clear();
    this.refusedResponses.length = 0;
    this.handles.reset();
    this.clockOffsetMs = 0;
  }

  /** Moves the fake's clock on, so trigger_ids and response_urls issued earlier expire (until `reset`). */
  elapse(ms: number): void {
    this.clockOffsetMs += ms;
  }

  /** The fake's clock: real time plus whatever `elapse` added. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  // ---------------------------------------------------------------- signed requests to the app

  /** Default endpoint for the senders, e.g. `http://127.0.0.1:APPPORT/slack/events`. */
  setAppUrl(url: string): void {
    this.appUrl = url;
  }

  /** A slash command with realistic defaults; its response_url points at the fake (`cmd-N` unless set). */
  slashCommand(fields: SlashCommandInit): SlashCommand {
    return buildSlashCommand(fields, fields.response_url ?? this.responseUrl(`cmd-${++this.counter}`));
  }

  /** An `event_callback` body for `event`. */
  eventCallback(event: AnyEvent, init: EventCallbackInit = {}): EnvelopedEvent<AnyEvent> {
    return buildEventCallback(event, init);
  }

  /** A `block_actions` button-click payload; its response_url points at the fake (`act-N` unless `responseId`). */
  blockActionPayload(init: BlockActionInit): BlockButtonAction {
    return buildBlockAction(init, this.responseUrl(init.responseId ?? `act-${++this.counter}`));
  }

  /** A `view_submission` payload; with `responseId`, one `response_urls` entry points at the fake. */
  viewSubmissionPayload(init: ViewSubmissionInit): ViewSubmitAction {
    return buildViewSubmission(init, init.responseId === undefined ? undefined : this.responseUrl(init.responseId));
  }

  /** POSTs a form-encoded slash command, as Slack does. */
  sendCommand(fields: SlashCommandInit, options: SendOptions = {}): Promise<SendResult<SlashCommand>> {
    const payload = this.slashCommand(fields);
    return this.post(formEncode(payload), 'application/x-www-form-urlencoded', payload, options);
  }

  /** POSTs an Events API `event_callback` as JSON. */
  sendEvent(event: AnyEvent, options: EventSendOptions = {}): Promise<SendResult<EnvelopedEvent<AnyEvent>>> {
    const payload = buildEventCallback(event, options);
    const headers: Record<string, string> = { ...options.headers };
    if (options.retryNum !== undefined) headers['x-slack-retry-num'] = String(options.retryNum);
    if (options.retryReason !== undefined) headers['x-slack-retry-reason'] = options.retryReason;
    return this.post(JSON.stringify(payload), 'application/json', payload, { ...options, headers });
  }

  /** POSTs the `url_verification` handshake; Bolt answers `{"challenge": …}`. */
  sendUrlVerification(challenge: string, options: SendOptions = {}): Promise<SendResult<Json>> {
    const payload = { token: FAKE_IDS.verificationToken, challenge, type: 'url_verification' };
    return this.post(JSON.stringify(payload), 'application/json', payload, options);
  }

  /** POSTs any interactive payload as Slack does: form field `payload` holding the JSON. */
  sendAction<P extends object>(payload: P, options: SendOptions = {}): Promise<SendResult<P>> {
    return this.post(
      formEncode({ payload: JSON.stringify(payload) }),
      'application/x-www-form-urlencoded',
      payload,
      options,
    );
  }

  /** Builds and POSTs a button click. */
  sendBlockAction(init: BlockActionInit, options: SendOptions = {}): Promise<SendResult<BlockButtonAction>> {
    return this.sendAction(this.blockActionPayload(init), options);
  }

  /** POSTs a `view_submission` (build one with `viewSubmissionPayload`). */
  sendViewSubmission(payload: ViewSubmitAction, options: SendOptions = {}): Promise<SendResult<ViewSubmitAction>> {
    return this.sendAction(payload, options);
  }

  /** POSTs `body` byte for byte, signed unless `signOptions` says otherwise (for malformed-input tests). */
  sendRaw(body: string, contentType: string, options: SendOptions = {}): Promise<SendResult<string>> {
    return this.post(body, contentType, body, options);
  }

  // ---------------------------------------------------------------- Socket Mode

  /** Every Socket Mode ack received, in order. */
  get acks(): readonly SocketAck[] {
    return this.socket.acks;
  }

  /** Open Socket Mode connections. */
  get socketConnections(): number {
    return this.socket.connections;
  }

  /**
   * Resolves once the next Socket Mode client (e.g. a reconnect after `disconnectSockets`) has processed `hello`.
   * Wait for this before stopping an app that is reconnecting. Bolt's client waits 5 s before reconnecting.
   */
  waitForSocketConnection(timeoutMs = 2000): Promise<WebSocket> {
    return this.socket.waitForConnection(timeoutMs);
  }

  /** Sends an envelope (payload as in the HTTP body: command fields, event_callback, interactive payload). */
  sendEnvelope(type: EnvelopeType, payload: object, options: EnvelopeOptions = {}): string {
    return this.socket.send(type, payload, options);
  }

  /** Resolves with the client's ack `{envelope_id, payload}` for `envelopeId`. */
  waitForAck(envelopeId: string, timeoutMs = 2000): Promise<SocketAck> {
    return this.socket.waitForAck(envelopeId, timeoutMs);
  }

  /**
   * Drops every Socket Mode connection. With `reason`, first sends Slack's `{type:'disconnect'}` message
   * (e.g. `refresh_requested`), which makes the client reconnect by itself; without, the sockets are cut.
   */
  disconnectSockets(options: { reason?: string } = {}): void {
    this.socket.disconnect(options.reason);
  }

  /** Closes WebSockets, keep-alive connections and the server; pending waits reject. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clear();
    this.callWaiters.rejectAll('FakeSlack stopped');
    this.responseWaiters.rejectAll('FakeSlack stopped');
    await this.socket.close();
    // Bolt's fetch keeps connections alive; without this, close() waits for them to idle out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- internals

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const raw = await readBody(req);
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (req.method === 'POST' && api?.[1]) return this.handleApi(api[1], req, res, raw);
    const response = /^\/response\/([^/]+)$/.exec(path);
    if (req.method === 'POST' && response?.[1]) {
      let body: Json;
      try {
        const parsed: unknown = JSON.parse(raw);
        body = isRecord(parsed) ? parsed : { _raw: raw };
      } catch {
        body = { _raw: raw };
      }
      const recorded = { id: decodeURIComponent(response[1]), body, at: Date.now() };
      const refusal = this.handles.useResponseUrl(recorded.id, body);
      if (refusal) {
        this.refusedResponses.push({ ...recorded, error: refusal.error });
        return this.json(res, refusal.status, { ok: false, error: refusal.error });
      }
      this.responses.push(recorded);
      this.responseWaiters.notify(recorded);
      return this.json(res, 200, { ok: true });
    }
    this.json(res, 404, { ok: false, error: 'not_found' });
  }

  private async handleApi(method: string, req: IncomingMessage, res: ServerResponse, raw: string): Promise<void> {
    let parsed: ReturnType<typeof parseApiParams>;
    try {
      parsed = parseApiParams(req.headers['content-type'], raw);
    } catch {
      return this.json(res, 200, { ok: false, error: 'invalid_json' });
    }
    const call: RecordedCall = { method, auth: req.headers.authorization, params: parsed.params, at: Date.now() };
    this.calls.push(call);
    this.callWaiters.notify(call);

    const fault = this.takeFault(method);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    const status = fault?.status ?? (fault?.retryAfter !== undefined ? 429 : 200);
    if (status !== 200) {
      const headers: Record<string, string> =
        fault?.retryAfter !== undefined ? { 'retry-after': String(fault.retryAfter) } : {};
      const error = fault?.error ?? (status === 429 ? 'ratelimited' : 'internal_error');
      return this.json(res, status, { ok: false, error }, headers);
    }
    if (fault?.error) return this.json(res, 200, { ok: false, error: fault.error });
    const handler = this.handlers.get(method) ?? this.channelHandlers[method] ?? DEFAULT_HANDLERS[method];
    const answer = answerCall(call, parsed.bad, handler, this.apiContext);
    if (fault?.holdReplyMs) await this.sleep(fault.holdReplyMs);
    this.json(res, 200, answer);
  }

  private takeFault(method: string): Fault | undefined {
    for (const key of [method, '*']) {
      const list = this.faults.get(key);
      const fault = list?.[0];
      if (!list || !fault) continue;
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) list.shift();
      return fault;
    }
    return undefined;
  }

  private sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  private json(res: ServerResponse, status: number, body: Json, headers: Record<string, string> = {}): void {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  }

  private async post<P>(body: string, contentType: string, payload: P, options: SendOptions): Promise<SendResult<P>> {
    const url = options.url ?? this.appUrl;
    if (!url) throw new Error('FakeSlack: no app URL; pass options.url or call setAppUrl()');
    const started = performance.now();
    // A string body with an explicit content-type: Bolt compares it strictly, and fetch would append
    // ";charset=UTF-8" to a URLSearchParams body. The signature covers exactly these bytes.
    const res = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        ...slackSignatureHeaders(this.signingSecret, body, options.signOptions),
        ...options.headers,
      },
      body,
    });
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    const ms = performance.now() - started;
    const acked = res.status === 200 && ms <= this.ackDeadlineMs;
    return { status: res.status, acked, body: text, json, headers: res.headers, ms, payload };
  }
}

/** `key=value&…` with the same escaping Slack uses; a string, so it can be signed and sent byte for byte. */
function formEncode(fields: object): string {
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined && value !== null);
  return new URLSearchParams(entries.map(([key, value]): [string, string] => [key, String(value)])).toString();
}
