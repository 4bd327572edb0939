/**
 * The Socket Mode side of FakeSlack: a `ws` server on the fake's HTTP server at `/link/`, which
 * `apps.connections.open` hands to the client. It says hello, sends envelopes and collects the acks.
 */
import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import { type WebSocket, WebSocketServer } from 'ws';
import { FAKE_IDS } from './slack-fake-payloads.ts';
import { WaitList } from './slack-fake-wait.ts';
import { isRecord, type Json } from './slack-fake-web-api.ts';

/** The three Socket Mode envelope types Slack sends. */
export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

/** Envelope metadata; `retry_attempt`/`retry_reason` only apply to `events_api`. */
export interface EnvelopeOptions {
  retryAttempt?: number;
  retryReason?: string;
  envelopeId?: string;
}

/** What a Socket Mode client sends back for an envelope. */
export interface SocketAck {
  envelope_id: string;
  payload?: Json;
}

/** Socket Mode endpoint; FakeSlack exposes it through its own methods. */
export class SocketModeServer {
  /** Every ack received, in order. */
  readonly acks: SocketAck[] = [];
  private readonly wss: WebSocketServer;
  private readonly port: number;
  private readonly ackWaiters = new WaitList<SocketAck>();
  private readonly connectionWaiters = new WaitList<WebSocket>();
  private readonly readySockets = new Set<WebSocket>();
  private readonly socketSeq = new WeakMap<WebSocket, number>();
  private socketCount = 0;

  constructor(server: Server, port: number) {
    this.port = port;
    this.wss = new WebSocketServer({ server, path: '/link/' });
    this.wss.on('connection', (socket) => this.onSocket(socket));
  }

  /** A fresh `ws://…/link/?ticket=…` URL, as `apps.connections.open` returns. */
  url(): string {
    return `ws://127.0.0.1:${this.port}/link/?ticket=${randomUUID()}&app_id=${FAKE_IDS.appId}`;
  }

  get connections(): number {
    return this.open().length;
  }

  /** Resolves once a client that connects after this call has processed `hello`. */
  waitForConnection(timeoutMs: number): Promise<WebSocket> {
    const after = this.socketCount;
    return this.connectionWaiters.wait(
      [],
      (socket) => (this.socketSeq.get(socket) ?? 0) > after,
      timeoutMs,
      () => 'waitForSocketConnection: no client connected',
    );
  }

  send(type: EnvelopeType, payload: object, options: EnvelopeOptions): string {
    const open = this.open();
    const socket = open.filter((s) => this.readySockets.has(s)).at(-1) ?? open.at(-1);
    if (!socket) throw new Error('sendEnvelope: no Socket Mode connection (did the app start with socketMode: true?)');
    const envelopeId = options.envelopeId ?? randomUUID();
    const envelope: Json = { envelope_id: envelopeId, type, accepts_response_payload: type !== 'events_api', payload };
    if (type === 'events_api') {
      envelope.retry_attempt = options.retryAttempt ?? 0;
      envelope.retry_reason = options.retryReason ?? '';
    }
    socket.send(JSON.stringify(envelope));
    return envelopeId;
  }

  waitForAck(envelopeId: string, timeoutMs: number): Promise<SocketAck> {
    return this.ackWaiters.wait(
      this.acks,
      (ack) => ack.envelope_id === envelopeId,
      timeoutMs,
      () => `waitForAck(${envelopeId}): acks seen: ${this.acks.map((a) => a.envelope_id).join(', ') || 'none'}`,
    );
  }

  disconnect(reason: string | undefined): void {
    for (const socket of this.wss.clients) {
      if (reason && socket.readyState === socket.OPEN) {
        socket.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-applink' } }));
      } else {
        socket.terminate();
      }
    }
  }

  /** Closes every client and the server; pending waits reject. */
  async close(): Promise<void> {
    this.ackWaiters.rejectAll('FakeSlack stopped');
    this.connectionWaiters.rejectAll('FakeSlack stopped');
    // Bolt's app.stop() starts the client's close handshake without waiting for it; cutting the socket
    // mid-handshake leaves the client logging errors and holding a 10 s timer, so let the handshake finish
    // and cut only stragglers.
    const closing = [...this.wss.clients].map(
      (socket) =>
        new Promise<void>((resolve) => {
          if (socket.readyState === socket.CLOSED) return resolve();
          const timer = setTimeout(() => {
            socket.terminate();
            resolve();
          }, 500);
          socket.once('close', () => {
            clearTimeout(timer);
            resolve();
          });
          if (socket.readyState === socket.OPEN) socket.close(1001, 'server stopping');
        }),
    );
    await Promise.all(closing);
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  /** Forgets recorded acks. */
  reset(): void {
    this.acks.length = 0;
  }

  private open(): WebSocket[] {
    return [...this.wss.clients].filter((socket) => socket.readyState === socket.OPEN);
  }

  private onSocket(socket: WebSocket): void {
    this.socketSeq.set(socket, ++this.socketCount);
    socket.on('message', (data) => {
      let message: unknown;
      try {
        message = JSON.parse(String(data));
      } catch {
        return;
      }
      if (!isRecord(message) || typeof message.envelope_id !== 'string') return;
      const ack: SocketAck = {
        envelope_id: message.envelope_id,
        ...(isRecord(message.payload) ? { payload: message.payload } : {}),
      };
      this.acks.push(ack);
      this.ackWaiters.notify(ack);
    });
    // SocketModeClient.start() resolves only once this arrives.
    socket.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.connections,
        debug_info: { host: 'fake-applink', build_number: 1, approximate_connection_time: 18060 },
        connection_info: { app_id: FAKE_IDS.appId },
      }),
    );
    // The client answers pings itself, after handling the frames before them: the pong proves it has processed
    // hello and is connected. Stopping a Bolt app that is still connecting rejects a promise nobody handles.
    // Slack keeps pinging, and the client reconnects if server pings stop for 30 s once they have started.
    socket.once('pong', () => {
      this.readySockets.add(socket);
      this.connectionWaiters.notify(socket);
    });
    socket.ping();
    const pinger = setInterval(() => socket.ping(), 10_000).unref();
    socket.once('close', () => {
      clearInterval(pinger);
      this.readySockets.delete(socket);
    });
  }
}
