/**
 * Slack's HTTP endpoint: a Bolt `Receiver` that owns the `http.Server` and puts `request-guard.ts` in front of
 * Bolt's own `HTTPReceiver.requestListener` (issue 10). The server caps concurrent connections and drops
 * requests whose headers or body arrive too slowly, so neither memory nor sockets can be held by strangers.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { type App, HTTPReceiver, type HTTPReceiverOptions, type Logger, type Receiver } from '@slack/bolt';
import { admit, checkBody, readCapped } from './request-guard.ts';

/** Limits on the endpoint; the defaults suit Slack, which sends small bodies promptly. */
export interface EndpointLimits {
  /** Largest body accepted (default 1 MB; Slack's payloads are a few KB). */
  maxBodyBytes?: number;
  /** Concurrent connections; more are closed at accept (default 512, well above Slack's bursts). */
  maxConnections?: number;
  /** Bytes of request bodies held in memory at once, over all requests; beyond it, 503 (default 64 MB). */
  maxBufferedBytes?: number;
  /** Time for a whole request to arrive, and for its headers (default 10 s each). */
  requestTimeoutMs?: number;
  headersTimeoutMs?: number;
}

/** What the receiver needs: Bolt's HTTPReceiver options plus the limits. */
export interface GuardedReceiverOptions extends EndpointLimits {
  signingSecret: string;
  logger: Logger;
  processBeforeResponse: boolean;
  customRoutes: HTTPReceiverOptions['customRoutes'];
  /** The events endpoint (default `/slack/events`). */
  endpoint?: string;
}

/** Where to listen. */
export interface ListenAt {
  port: number;
  host: string;
}

/** A Bolt receiver serving Slack's HTTP mode behind the pre-authentication guard. */
export class GuardedReceiver implements Receiver {
  private readonly inner: HTTPReceiver;
  private readonly limits: Required<EndpointLimits>;
  private readonly options: GuardedReceiverOptions;
  private server: Server | undefined;
  /** Body bytes currently held for requests that have not been answered yet. */
  private buffered = 0;

  constructor(options: GuardedReceiverOptions) {
    this.options = options;
    this.limits = {
      maxBodyBytes: options.maxBodyBytes ?? 1024 * 1024,
      maxConnections: options.maxConnections ?? 512,
      maxBufferedBytes: options.maxBufferedBytes ?? 64 * 1024 * 1024,
      requestTimeoutMs: options.requestTimeoutMs ?? 10_000,
      headersTimeoutMs: options.headersTimeoutMs ?? 10_000,
    };
    this.inner = new HTTPReceiver({
      signingSecret: options.signingSecret,
      endpoints: options.endpoint ?? '/slack/events',
      processBeforeResponse: options.processBeforeResponse,
      logger: options.logger,
      customRoutes: options.customRoutes,
      bodyLimit: this.limits.maxBodyBytes,
    });
  }

  /** Called by Bolt's App constructor. */
  init(app: App): void {
    this.inner.init(app);
  }

  /** Listens; resolves with the server once bound. */
  start(at: ListenAt): Promise<Server> {
    const { requestTimeoutMs, headersTimeoutMs, maxConnections } = this.limits;
    const server = createServer(
      {
        requestTimeout: requestTimeoutMs,
        headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
        // Node checks those timeouts only this often (default 30 s), which would triple the allowance.
        connectionsCheckingInterval: Math.max(50, Math.min(1_000, requestTimeoutMs / 4)),
      },
      (req, res) => {
        this.handle(req, res).catch((err: unknown) => this.fail(res, err));
      },
    );
    server.maxConnections = maxConnections;
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(at.port, at.host, () => {
        server.off('error', reject);
        resolve(server);
      });
    });
  }

  /** Stops accepting and closes idle keep-alive connections. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (req.method === 'POST' && path === (this.options.endpoint ?? '/slack/events')) {
      const admission = admit(req, this.limits.maxBodyBytes, Date.now());
      if ('status' in admission) return this.refuse(res, admission.status, admission.reason);
      const raw = await readCapped(req, admission.maxBytes, this.budget(res));
      if (raw === 'busy') return this.refuse(res, 503, 'too many bodies in memory');
      if (raw === 'too-large') return this.refuse(res, admission.signed ? 413 : 401, 'body too large');
      const refusal = checkBody(req, raw, admission, this.options.signingSecret);
      if (refusal) return this.refuse(res, refusal.status, refusal.reason);
      // checkBody left the read body on `req.rawBody`, which Bolt uses instead of reading the stream again.
    }
    try {
      this.inner.requestListener(req, res);
    } catch {
      // Bolt throws for paths it does not serve.
      this.refuse(res, 404, 'no such route');
    }
  }

  /** A request's share of the memory budget: it takes bytes as they arrive and gives them back when `res` closes. */
  private budget(res: ServerResponse): (bytes: number) => boolean {
    let held = 0;
    res.once('close', () => {
      this.buffered -= held;
    });
    return (bytes) => {
      if (this.buffered + bytes > this.limits.maxBufferedBytes) return false;
      this.buffered += bytes;
      held += bytes;
      return true;
    };
  }

  /** Answers and closes the connection, so an unread body is not drained into a kept-alive socket. */
  private refuse(res: ServerResponse, status: number, reason: string): void {
    // Scanners probe every path; only refusals on the Slack endpoint itself are worth a warning.
    const log = status === 404 ? this.options.logger.debug : this.options.logger.warn;
    log.call(this.options.logger, `Slack endpoint refused a request (${status}): ${reason}`);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { connection: 'close' });
    res.end();
  }

  private fail(res: ServerResponse, err: unknown): void {
    this.options.logger.error(`Slack endpoint failed on a request: ${String(err)}`);
    if (res.headersSent || res.destroyed) return;
    res.writeHead(500, { connection: 'close' });
    res.end();
  }
}
