/**
 * `GET /healthz` for the modes that open no HTTP port of their own (Discord, Slack Socket Mode): a small node:http
 * server on `HOST:PORT` that answers 200 while every platform connection is up and 503 while any is not (logging in,
 * reconnecting, stopped), so Docker's HEALTHCHECK and orchestrators see a dropped gateway. Slack's HTTP mode keeps
 * its own route on the same port, so this server is not started there.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from './config.ts';
import type { AppContext } from './context.ts';

/** A platform connection as health sees it. */
export interface HealthSource {
  readonly name: string;
  ready?(): boolean;
}

/** What `GET /healthz` answers: the status code and a JSON body naming each platform's state. */
export function healthReport(
  sources: readonly HealthSource[],
  knowledge?: string,
): { status: 200 | 503; body: { ok: boolean; platforms: Record<string, 'up' | 'down'>; knowledge?: string } } {
  // An adapter without `ready()` has no connection to lose (the console); it never makes health fail.
  const platforms = Object.fromEntries(
    sources.map((s) => [s.name, (s.ready?.() ?? true) ? ('up' as const) : ('down' as const)]),
  );
  const ok = Object.values(platforms).every((state) => state === 'up');
  return { status: ok ? 200 : 503, body: { ok, platforms, ...(knowledge ? { knowledge } : {}) } };
}

/** A started health server. */
export interface HealthServer {
  /** The port actually bound (useful with `PORT=0`). */
  readonly port: number;
  stop(): Promise<void>;
}

/** Starts the health server on `host:port`; rejects when the port cannot be bound. */
export async function startHealthServer(options: {
  host: string;
  port: number;
  sources: readonly HealthSource[];
  knowledge?: string;
}): Promise<HealthServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/healthz') {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"ok":false,"error":"not_found"}');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' }).end('{"ok":false}');
      return;
    }
    const { status, body } = healthReport(options.sources, options.knowledge);
    // No caching: a proxy must not serve a stale "up" after the gateway drops.
    res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Whether this configuration needs the separate health server: Slack's HTTP mode already serves `/healthz`. */
export function needsHealthServer(config: Config): boolean {
  return !(config.slack.botToken && !config.slack.appToken);
}

/**
 * Starts the health server on the configured `HOST:PORT` when the mode needs one. A port that cannot be bound is
 * logged, not fatal: the bot still answers, and Docker's HEALTHCHECK reports the problem.
 */
export async function serveHealth(
  ctx: Pick<AppContext, 'config' | 'logger' | 'kb'>,
  sources: readonly HealthSource[],
): Promise<HealthServer | undefined> {
  const { config, logger } = ctx;
  if (!needsHealthServer(config)) return undefined;
  try {
    const server = await startHealthServer({
      host: config.host,
      port: config.port,
      sources,
      knowledge: ctx.kb.version,
    });
    logger.info({ host: config.host, port: server.port }, 'health check listening on /healthz');
    return server;
  } catch (err) {
    logger.error({ err, host: config.host, port: config.port }, 'could not serve /healthz');
    return undefined;
  }
}
