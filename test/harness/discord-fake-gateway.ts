/**
 * The fake Discord gateway: a `ws` server on the fake's HTTP server speaking gateway v10 JSON without compression.
 * HELLO on connect, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME → RESUMED (or op 9 for an unknown
 * session), and hooks to drop the connection or request a reconnect. Dispatches made while no session socket is
 * live are held and delivered once one is, as Discord replays missed events on resume.
 */
import type { Server } from 'node:http';
import {
  GatewayDispatchEvents,
  type GatewayIdentifyData,
  GatewayOpcodes,
  type GatewayResumeData,
} from 'discord-api-types/v10';
import { type WebSocket, WebSocketServer } from 'ws';
import { DISCORD_IDS, guildCreatePayload, readyPayload } from './discord-fake-payloads.ts';
import { WaitList } from './slack-fake-wait.ts';

/** How many arrivals to wait for, and for how long. */
export interface GatewayWaitOptions {
  /** Resolve with the n-th one received since start (default 1, i.e. the first). */
  count?: number;
  timeoutMs?: number;
}

/** The gateway half of FakeDiscord. */
export class DiscordGateway {
  /** Every IDENTIFY payload (token, intents, properties, shard…), in order. */
  readonly identifies: GatewayIdentifyData[] = [];
  /** Every RESUME payload (token, session_id, seq), in order. */
  readonly resumes: GatewayResumeData[] = [];

  private readonly wss: WebSocketServer;
  private readonly url: string;
  private readonly heartbeatIntervalMs: number;
  private readonly onSent: (t: string, d: unknown, at: number) => void;
  private readonly identifyWaiters = new WaitList<GatewayIdentifyData>();
  private readonly resumeWaiters = new WaitList<GatewayResumeData>();
  /** Sockets that identified or resumed, i.e. that dispatches go to. */
  private readonly live = new Set<WebSocket>();
  private held: { t: string; d: unknown }[] = [];
  private readonly sessionIds = new Set<string>();
  private seq = 0;
  /** While set, IDENTIFY and RESUME are recorded but answered only on release (a gateway that is slow to accept). */
  private heldSessions: (() => void)[] | undefined;

  constructor(
    server: Server,
    url: string,
    heartbeatIntervalMs: number,
    onSent: (t: string, d: unknown, at: number) => void,
  ) {
    this.url = url;
    this.heartbeatIntervalMs = heartbeatIntervalMs;
    this.onSent = onSent;
    this.wss = new WebSocketServer({ server });
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  /** Open gateway connections. */
  get connections(): number {
    return this.wss.clients.size;
  }

  /** The intents of the latest IDENTIFY (0 before any). */
  get intents(): number {
    return this.identifies.at(-1)?.intents ?? 0;
  }

  /** Sends `{op:0, s, t, d}` to the live session, or holds it until there is one. */
  dispatch(t: string, d: unknown): void {
    if (this.live.size === 0) {
      this.held.push({ t, d });
      return;
    }
    this.sendDispatch(t, d);
  }

  /** Resolves with the `count`-th IDENTIFY, already received or arriving within the timeout. */
  waitForIdentify(options: GatewayWaitOptions = {}): Promise<GatewayIdentifyData> {
    const n = options.count ?? 1;
    return this.identifyWaiters.wait(
      this.identifies,
      (item) => this.identifies.indexOf(item) === n - 1,
      options.timeoutMs ?? 2000,
      () => `waitForIdentify: wanted #${n}, got ${this.identifies.length}`,
    );
  }

  /** Resolves with the `count`-th RESUME, already received or arriving within the timeout. */
  waitForResume(options: GatewayWaitOptions = {}): Promise<GatewayResumeData> {
    const n = options.count ?? 1;
    return this.resumeWaiters.wait(
      this.resumes,
      (item) => this.resumes.indexOf(item) === n - 1,
      options.timeoutMs ?? 2000,
      () => `waitForResume: wanted #${n}, got ${this.resumes.length}`,
    );
  }

  /** Closes every connection with `code`; 4000 (unknown error) and most 4xxx codes make discord.js resume. */
  dropConnection(code = 4000): void {
    for (const socket of this.wss.clients) {
      this.live.delete(socket);
      socket.close(code, 'FakeDiscord dropped the connection');
    }
  }

  /** Sends op 7 RECONNECT: the client closes and resumes on `resume_gateway_url`. */
  sendReconnect(): void {
    for (const socket of this.wss.clients) {
      this.live.delete(socket);
      send(socket, { op: GatewayOpcodes.Reconnect, d: null });
    }
  }

  /** Leaves new IDENTIFY and RESUME unanswered until `releaseSessions()`, so the client stays not-ready. */
  holdSessions(): void {
    this.heldSessions ??= [];
  }

  /** Answers the IDENTIFY and RESUME held since `holdSessions()`, and answers new ones at once again. */
  releaseSessions(): void {
    const held = this.heldSessions ?? [];
    this.heldSessions = undefined;
    for (const answer of held) answer();
  }

  /** Terminates every socket, closes the server and fails pending waits. */
  async close(): Promise<void> {
    this.identifyWaiters.rejectAll('FakeDiscord stopped');
    this.resumeWaiters.rejectAll('FakeDiscord stopped');
    for (const socket of this.wss.clients) socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    send(socket, { op: GatewayOpcodes.Hello, d: { heartbeat_interval: this.heartbeatIntervalMs }, s: null, t: null });
    socket.on('close', () => this.live.delete(socket));
    socket.on('message', (raw) => {
      let packet: { op?: unknown; d?: unknown };
      try {
        packet = JSON.parse(String(raw)) as { op?: unknown; d?: unknown };
      } catch {
        socket.close(4002, 'Error while decoding payload.');
        return;
      }
      switch (packet.op) {
        case GatewayOpcodes.Heartbeat:
          send(socket, { op: GatewayOpcodes.HeartbeatAck });
          break;
        case GatewayOpcodes.Identify: {
          const data = packet.d as GatewayIdentifyData;
          this.identifies.push(data);
          this.identifyWaiters.notify(data);
          this.answer(() => this.identify(socket));
          break;
        }
        case GatewayOpcodes.Resume: {
          const data = packet.d as GatewayResumeData;
          this.resumes.push(data);
          this.resumeWaiters.notify(data);
          this.answer(() => this.resume(socket, data));
          break;
        }
        default:
          // Presence updates, member requests and voice state changes need no answer here.
          break;
      }
    });
  }

  /** Answers an IDENTIFY or RESUME now, or on release while sessions are held. */
  private answer(reply: () => void): void {
    if (this.heldSessions) this.heldSessions.push(reply);
    else reply();
  }

  private identify(socket: WebSocket): void {
    // A held answer may come after the client gave up on this socket.
    if (socket.readyState !== socket.OPEN) return;
    // Each IDENTIFY opens a new session; several clients (e.g. two bot instances) may be live at once and all get
    // every dispatch. One sequence counter serves them all: clients only need it to increase.
    const sessionId = this.sessionIds.size === 0 ? DISCORD_IDS.sessionId : `fake-session-${this.sessionIds.size + 1}`;
    this.sessionIds.add(sessionId);
    this.live.add(socket);
    this.sendTo(socket, GatewayDispatchEvents.Ready, readyPayload(this.url, sessionId));
    this.sendTo(socket, GatewayDispatchEvents.GuildCreate, guildCreatePayload());
    this.flush();
  }

  private resume(socket: WebSocket, data: GatewayResumeData): void {
    if (socket.readyState !== socket.OPEN) return;
    if (!this.sessionIds.has(data.session_id)) {
      // Not resumable: discord.js waits 1–5 s, then identifies afresh.
      send(socket, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    this.live.add(socket);
    this.sendTo(socket, GatewayDispatchEvents.Resumed, {});
    this.flush();
  }

  private flush(): void {
    const held = this.held;
    this.held = [];
    for (const { t, d } of held) this.sendDispatch(t, d);
  }

  /** Session events (READY, GUILD_CREATE, RESUMED) go only to the socket they concern. */
  private sendTo(socket: WebSocket, t: string, d: unknown): void {
    send(socket, { op: GatewayOpcodes.Dispatch, s: ++this.seq, t, d });
  }

  private sendDispatch(t: string, d: unknown): void {
    const payload = { op: GatewayOpcodes.Dispatch, s: ++this.seq, t, d };
    for (const socket of this.live) send(socket, payload);
    this.onSent(t, d, Date.now());
  }
}

function send(socket: WebSocket, payload: object): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(payload));
}
