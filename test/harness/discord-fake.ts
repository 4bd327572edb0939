/**
 * FakeDiscord: a local stand-in for Discord that a real discord.js Client logs in to over loopback. One HTTP server
 * serves the REST API under `/api/v10` (pass `fake.api` as the client's `rest.api`) and the gateway WebSocket
 * (announced by `GET /gateway/bot`). It enforces Discord's interaction rules (3 s first response, one initial
 * response, 15 min webhook token), message limits, and injects faults on demand.
 * Payload builders: discord-fake-payloads.ts and discord-fake-interactions.ts; REST: discord-fake-rest.ts and
 * discord-fake-webhooks.ts; limits: discord-fake-limits.ts; gateway: discord-fake-gateway.ts.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  type APIChannel,
  type APIMessage,
  ChannelType,
  GatewayDispatchEvents,
  type GatewayIdentifyData,
  GatewayIntentBits,
  type GatewayMessageCreateDispatchData,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import type { ChannelErrorCode } from './discord-fake-channels.ts';
import { DiscordGateway, type GatewayWaitOptions } from './discord-fake-gateway.ts';
import {
  type ButtonInit,
  buttonInteraction,
  type ChatInputInit,
  chatInputInteraction,
  type FakeInteraction,
  type ModalSubmitInit,
  modalSubmitInteraction,
  type StringSelectInit,
  stringSelectInteraction,
} from './discord-fake-interactions.ts';
import { isRecord, type Json } from './discord-fake-limits.ts';
import {
  botUser,
  DISCORD_IDS,
  dmMessagePayload,
  type GuildMessageInit,
  guildMember,
  guildMessagePayload,
} from './discord-fake-payloads.ts';
import {
  type CallFilter,
  DiscordRest,
  faultReply,
  type InteractionState,
  matchesFilter,
  matchesRoute,
  type RecordedCall,
  type RestFault,
  type RestReply,
  readCall,
} from './discord-fake-rest.ts';
import { WaitList } from './slack-fake-wait.ts';
import { FakeTimers } from './timers.ts';

export { CHANNEL_ERRORS, type ChannelErrorCode, NONCE_WINDOW_MS } from './discord-fake-channels.ts';
export type { GatewayWaitOptions } from './discord-fake-gateway.ts';
export * from './discord-fake-interactions.ts';
export { type FormErrors, messageFormErrors } from './discord-fake-limits.ts';
export * from './discord-fake-payloads.ts';
export type { CallFilter, RecordedCall, RecordedFile, RestFault } from './discord-fake-rest.ts';
export type { InteractionState } from './discord-fake-webhooks.ts';

/** A request the fake rejected with `50035 Invalid Form Body`, and why. */
export interface FormRejection {
  method: string;
  route: string;
  body: unknown;
  /** Discord's nested error tree, e.g. `{ components: { 0: { components: { _errors: [...] } } } }`. */
  errors: unknown;
}

/** How to start the fake. */
export interface FakeDiscordOptions {
  /** HELLO's heartbeat interval (default 45000, Discord's usual 41250–45000). */
  heartbeatIntervalMs?: number;
  /** Time allowed for an interaction's first response before 10062 (default 3000). */
  deadlineMs?: number;
  /** How long an interaction token serves `@original`/follow-ups before 50027 (default 15 min). */
  tokenLifetimeMs?: number;
  /**
   * Echo MESSAGE_CREATE for the bot's own non-ephemeral messages, as Discord does when the intent allows
   * (default true): bots must ignore `author.bot` themselves.
   */
  echoBotMessages?: boolean;
}

function summarize(call: RecordedCall): string {
  const body = call.body === undefined ? '' : ` ${JSON.stringify(call.body)}`;
  return `${call.method} ${call.route}${body.length > 160 ? `${body.slice(0, 160)}…` : body}`;
}

/** A fake Discord on 127.0.0.1; create with `FakeDiscord.start()`, dispose with `stop()`. */
export class FakeDiscord {
  /** Every REST call in arrival order, faulted and rejected ones included. */
  readonly calls: RecordedCall[] = [];
  /**
   * Requests the fake's own validation answered with 400 `50035 Invalid Form Body` (injected faults excluded): a bot
   * test can assert there were none, so a body Discord would reject fails the test even if the bot swallows the error.
   */
  readonly formRejections: FormRejection[] = [];
  readonly port: number;
  /** Pass as the Client's `rest.api`, e.g. `http://127.0.0.1:PORT/api`. */
  readonly api: string;
  /** The gateway URL `GET /gateway/bot` announces, `ws://127.0.0.1:PORT` (no query string). */
  readonly gatewayUrl: string;

  private readonly server: Server;
  private readonly gateway: DiscordGateway;
  private readonly rest: DiscordRest;
  private readonly echoBotMessages: boolean;
  private readonly faults: { pattern: string | RegExp; fault: RestFault & { times: number } }[] = [];
  private readonly timers = new FakeTimers();
  private readonly callWaiters = new WaitList<RecordedCall>();
  private stopped = false;

  private constructor(server: Server, options: FakeDiscordOptions) {
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    this.api = `http://127.0.0.1:${this.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${this.port}`;
    this.echoBotMessages = options.echoBotMessages ?? true;
    this.rest = new DiscordRest(
      {
        gatewayUrl: () => this.gatewayUrl,
        onMessage: (message, guildId) => this.echo(message, guildId),
        onThread: (thread) => this.dispatch(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true }),
      },
      options.deadlineMs ?? 3000,
      options.tokenLifetimeMs ?? 15 * 60_000,
    );
    this.gateway = new DiscordGateway(server, this.gatewayUrl, options.heartbeatIntervalMs ?? 45_000, (t, d, at) =>
      this.sent(t, d, at),
    );
    server.on('request', (req, res) => {
      this.onRequest(req, res).catch((error: unknown) => {
        this.write(res, { status: 500, body: { code: 0, message: `FakeDiscord: ${String(error)}` } });
      });
    });
  }

  /** Starts the fake on an ephemeral loopback port. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return new FakeDiscord(server, options);
  }

  // ---------------------------------------------------------------- gateway

  /** Every IDENTIFY received (token, intents, …). */
  get identifies(): readonly GatewayIdentifyData[] {
    return this.gateway.identifies;
  }

  /** Every RESUME received (token, session_id, seq). */
  get resumes(): readonly GatewayResumeData[] {
    return this.gateway.resumes;
  }

  /** Open gateway connections. */
  get connections(): number {
    return this.gateway.connections;
  }

  /** Sends a dispatch `{op:0, s, t, d}` (held until a session is live). */
  dispatch(t: string, d: unknown): void {
    this.gateway.dispatch(t, d);
  }

  /** Resolves with the first (or `count`-th) IDENTIFY. */
  waitForIdentify(options?: GatewayWaitOptions): Promise<GatewayIdentifyData> {
    return this.gateway.waitForIdentify(options);
  }

  /** Resolves with the first (or `count`-th) RESUME. */
  waitForResume(options?: GatewayWaitOptions): Promise<GatewayResumeData> {
    return this.gateway.waitForResume(options);
  }

  /** Closes the gateway socket(s) with a resumable close code (default 4000), so discord.js resumes. */
  dropConnection(options: { code?: number } = {}): void {
    this.gateway.dropConnection(options.code ?? 4000);
  }

  /**
   * Leaves every IDENTIFY and RESUME from now on unanswered (still recorded) until `releaseSessions()`: the client
   * stays connecting, e.g. to observe a bot's not-ready state without racing its reconnect.
   */
  holdSessions(): void {
    this.gateway.holdSessions();
  }

  /** Answers the held IDENTIFY/RESUME (READY or RESUMED follow) and stops holding. */
  releaseSessions(): void {
    this.gateway.releaseSessions();
  }

  /** Sends op 7 RECONNECT; discord.js reconnects and resumes. */
  sendReconnect(): void {
    this.gateway.sendReconnect();
  }

  // ---------------------------------------------------------------- builders and senders

  /** A slash-command interaction (guild by default; `guild: false` for a DM). */
  chatInput(init: ChatInputInit): ReturnType<typeof chatInputInteraction> {
    return chatInputInteraction(init);
  }

  /** A button click on a (default: bot-authored) message. */
  button(init: ButtonInit): ReturnType<typeof buttonInteraction> {
    return buttonInteraction(init);
  }

  /** A string-select choice. */
  stringSelect(init: StringSelectInit): ReturnType<typeof stringSelectInteraction> {
    return stringSelectInteraction(init);
  }

  /** A modal submission with one text input per field. */
  modalSubmit(init: ModalSubmitInit): ReturnType<typeof modalSubmitInteraction> {
    return modalSubmitInteraction(init);
  }

  /** A guild MESSAGE_CREATE payload; content is blanked unless it mentions the bot (no MessageContent intent). */
  guildMessage(init: GuildMessageInit): GatewayMessageCreateDispatchData {
    return guildMessagePayload(init);
  }

  /** A DM MESSAGE_CREATE payload (needs the DirectMessages intent and `Partials.Channel` on the client). */
  dmMessage(init: Parameters<typeof dmMessagePayload>[0]): GatewayMessageCreateDispatchData {
    return dmMessagePayload(init);
  }

  /** Dispatches INTERACTION_CREATE; the deadline starts when it goes out. Returns the interaction. */
  sendInteraction<I extends FakeInteraction>(interaction: I): I {
    this.dispatch(GatewayDispatchEvents.InteractionCreate, interaction);
    return interaction;
  }

  /** Dispatches MESSAGE_CREATE. Returns the message. */
  sendMessage<M extends GatewayMessageCreateDispatchData>(message: M): M {
    this.dispatch(GatewayDispatchEvents.MessageCreate, message);
    return message;
  }

  /** What the fake knows about a dispatched interaction: response time and type, original and follow-ups. */
  interactionState(id: string): InteractionState | undefined {
    return this.rest.interactions.byId.get(id);
  }

  /** Commands registered by the last PUT, globally (default) or for a guild id. */
  registeredCommands(scope = 'global'): readonly Json[] {
    return this.rest.commands.get(scope) ?? [];
  }

  /** A channel the fake knows (guild channels, threads started, DMs opened). */
  channel(id: string): APIChannel | undefined {
    return this.rest.channels.get(id);
  }

  /** A channel message the fake knows (sent by the bot, or dispatched). */
  message(id: string): APIMessage | undefined {
    return this.rest.messages.get(id);
  }

  /**
   * Calls `listener` the moment a request's headers arrive, before its body is read or answered. Benchmarks
   * use it to time the bot's side without the fake's own request processing.
   */
  onRequestStart(listener: (method: string, path: string) => void): void {
    this.server.prependListener('request', (req: IncomingMessage) => listener(req.method ?? '', req.url ?? ''));
  }

  /** Every message the fake holds for a channel, oldest first. */
  channelMessages(channelId: string): APIMessage[] {
    return [...this.rest.messages.values()].filter((m) => m.channel_id === channelId);
  }

  /**
   * Makes every request under `/channels/:id` answer a Discord error (10003 → 404, 50001/50013 → 403,
   * 50083/160005 → 400, or `status`) until `reset()`.
   */
  failChannel(channelId: string, code: ChannelErrorCode, status?: number): void {
    this.rest.channelRules.failChannel(channelId, code, status);
  }

  /** The newest message the bot posted in a channel, if any. */
  lastBotMessage(channelId: string): APIMessage | undefined {
    return [...this.rest.messages.values()]
      .filter((m) => m.channel_id === channelId && m.author.id === DISCORD_IDS.botUserId)
      .at(-1);
  }

  // ---------------------------------------------------------------- REST log and faults

  /**
   * Makes the next `times` requests whose route matches fail, stall or rate-limit. String patterns are route
   * templates such as `POST /channels/:id/messages` or `/interactions/:id/:token/callback`.
   */
  failNext(pattern: string | RegExp, fault: RestFault = {}): void {
    this.faults.push({ pattern, fault: { ...fault, times: fault.times ?? 1 } });
  }

  /** Calls with `method` whose route matches (template string or RegExp). */
  callsTo(method: string, route: string | RegExp): RecordedCall[] {
    return this.calls.filter((call) => matchesFilter({ method, route }, call));
  }

  /** Resolves with the first matching call, already received or arriving within the timeout. */
  waitForCall(filter: CallFilter, timeoutMs = 2000): Promise<RecordedCall> {
    return this.callWaiters.wait(
      this.calls,
      (call) => matchesFilter(filter, call),
      timeoutMs,
      () =>
        `waitForCall: no matching call; calls seen: ${this.calls.length ? `\n  ${this.calls.map(summarize).join('\n  ')}` : 'none'}`,
    );
  }

  /** Forgets recorded calls, form rejections, pending faults, channel faults and nonces. */
  reset(): void {
    this.rest.channelRules.reset();
    this.calls.length = 0;
    this.faults.length = 0;
    this.formRejections.length = 0;
  }

  /** Terminates gateway clients, closes keep-alive connections and the server; pending waits reject. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.timers.clear();
    this.callWaiters.rejectAll('FakeDiscord stopped');
    await this.gateway.close();
    // undici keeps connections alive; without this, close() waits for them to idle out.
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  // ---------------------------------------------------------------- internals

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const call = await readCall(req);
    this.calls.push(call);
    this.callWaiters.notify(call);
    const fault = this.takeFault(call);
    if (fault?.delayMs) await this.sleep(fault.delayMs);
    const injected = fault && faultReply(fault);
    const reply = injected ?? this.rest.handle(call);
    if (!injected && reply.status === 400 && isRecord(reply.body) && reply.body.code === 50035) {
      this.formRejections.push({ method: call.method, route: call.route, body: call.body, errors: reply.body.errors });
    }
    this.write(res, reply);
  }

  private takeFault(call: RecordedCall): RestFault | undefined {
    const index = this.faults.findIndex((f) => matchesRoute(f.pattern, call.method, call.route));
    const entry = this.faults[index];
    if (!entry) return undefined;
    entry.fault.times--;
    if (entry.fault.times <= 0) this.faults.splice(index, 1);
    return entry.fault;
  }

  /** Bookkeeping for what actually went out on the gateway. */
  private sent(t: string, d: unknown, at: number): void {
    if (t === GatewayDispatchEvents.InteractionCreate) this.rest.interactions.track(d as FakeInteraction, at);
    if (t === GatewayDispatchEvents.MessageCreate) {
      const message = d as APIMessage;
      this.rest.messages.set(message.id, message);
    }
  }

  /** Discord's MESSAGE_CREATE for the bot's own message, if the identified intents would deliver it. */
  private echo(message: APIMessage, guildId: string | undefined): void {
    const intent = guildId ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
    if (!this.echoBotMessages || (this.gateway.intents & intent) === 0) return;
    const { user: _user, ...member } = guildMember(botUser());
    const payload: GatewayMessageCreateDispatchData = guildId
      ? { ...message, guild_id: guildId, member, channel_type: this.channelType(message.channel_id) }
      : { ...message, channel_type: ChannelType.DM };
    this.dispatch(GatewayDispatchEvents.MessageCreate, payload);
  }

  private channelType(id: string): GatewayMessageCreateDispatchData['channel_type'] {
    const type = this.rest.channels.get(id)?.type;
    return type === ChannelType.PublicThread || type === ChannelType.PrivateThread ? type : ChannelType.GuildText;
  }

  private sleep(ms: number): Promise<void> {
    return this.timers.sleep(ms);
  }

  private write(res: ServerResponse, reply: RestReply): void {
    if (res.headersSent || res.destroyed) return;
    if (reply.body === undefined) {
      res.writeHead(reply.status, reply.headers ?? {});
      res.end();
      return;
    }
    // @discordjs/rest parses JSON only when the content-type says so; otherwise it hands back an ArrayBuffer.
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }
}
