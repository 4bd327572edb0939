/**
 * The Slack adapter on @slack/bolt: Socket Mode when an app token is configured, otherwise HTTP mode on
 * `PORT` at `/slack/events` (stateless, so replicas can share a load balancer) with `GET /healthz`.
 * It gets the bot, a logger, its own scoped store and its config: never the whole context. Listeners are
 * in `messages.ts`, `assistant.ts`, `commands.ts`, `buttons.ts`, `viability.ts` and `home.ts`; rendering
 * in `render.ts` and `render-views.ts`. See `README.md` beside this file for the ack policy and keys.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';
import type { Adapter, Bot, ScopedStore } from '../../src/ports.ts';
import { createWorkQueue } from '../shared/work-queue.ts';
import { attachAckGate } from './ack-gate.ts';
import { registerAssistant } from './assistant.ts';
import { createBoltLogger } from './bolt-logger.ts';
import { registerButtons } from './buttons.ts';
import { registerCommands } from './commands.ts';
import type { EndpointLimits } from './guarded-receiver.ts';
import { registerHome } from './home.ts';
import { createSlackDigestPublisher } from './jobs-publisher.ts';
import { registerMessages } from './messages.ts';
import { createReceiver, type HealthAnswer } from './receiver.ts';
import { renderReply } from './render.ts';

export type { HealthAnswer } from './receiver.ts';

import { createResponder, type SlackListenerDeps } from './responder.ts';
import { slackListenError, slackStartError } from './start-errors.ts';
import { registerViability } from './viability.ts';

/** What the adapter needs from the composition root: never the whole context. */
export interface SlackAdapterOptions {
  bot: Bot;
  /** Already scoped to the adapter by the caller (`{ adapter: 'slack' }`). */
  logger: Logger;
  /** The adapter's own store (`createScopedStore(store, 'slack')`): thread and event-dedupe keys. */
  store: ScopedStore;
  /** For the digest publisher's search window (tests move time). */
  clock?: () => Date;
  config: SlackConfig;
  /** What `GET /healthz` answers in HTTP mode (the composition root reports every platform through it). */
  health?: () => HealthAnswer;
}

/** Slack settings; tests pass the fake's URL as `apiUrl` and port 0. */
export interface SlackConfig {
  botToken: string;
  signingSecret?: string;
  appToken?: string;
  /** Replaces https://slack.com/api/ (tests, proxies, Enterprise Grid). */
  apiUrl?: string;
  port?: number;
  /** Listen address in HTTP mode (default: loopback, like the config's `HOST`). */
  host?: string;
  /** Body, connection and timeout limits of the HTTP endpoint (tests shrink them). */
  limits?: EndpointLimits;
  /** Hold the HTTP response until listeners finish (deterministic tests only; production acks first). */
  processBeforeResponse?: boolean;
  /** Least time between two edits of an answer a model is streaming (default one second). */
  progressIntervalMs?: number;
}

/** The adapter plus what tests and the composition root need to see. */
export interface SlackAdapter extends Adapter {
  readonly app: App;
  /** The HTTP port actually bound (HTTP mode), after `start()`. */
  readonly port: number | undefined;
  /** The address actually bound (HTTP mode), after `start()`. */
  readonly host: string | undefined;
}

/** Creates the Slack adapter; nothing connects until `start()`. */
export function createSlackAdapter({
  bot,
  logger,
  store,
  clock,
  config: options,
  health,
}: SlackAdapterOptions): SlackAdapter {
  const socketMode = Boolean(options.appToken);
  const clientOptions = {
    slackApiUrl: options.apiUrl,
    // Replies are interactive: a few quick retries beat the default thirty-minute schedule. 429s are
    // retried after Retry-After by the client itself.
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
  };
  const boltLogger = createBoltLogger(logger);
  let server: Server | undefined;

  const common = {
    token: options.botToken,
    clientOptions,
    logger: boltLogger,
    // auth.test runs in start() (app.init) instead of the constructor, so a bad token is a reportable error.
    deferInitialization: true,
    // careerbot keeps conversation state in its own store; Bolt's in-memory one would only cost time.
    convoStore: false as const,
  };
  let httpStarted = false;
  const { receiver, socketUp } = createReceiver(
    options,
    boltLogger,
    clientOptions,
    () => health?.() ?? { status: 200, body: { ok: true, knowledge: bot.knowledgeVersion } },
  );
  const app = new App({ ...common, receiver });

  const work = createWorkQueue();
  const deps: SlackListenerDeps = { bot, logger, store, work, progressIntervalMs: options.progressIntervalMs };
  const responder = createResponder(deps);
  // The assistant panel first, so its thread messages are not taken for DMs.
  registerAssistant(app, deps);
  registerMessages(app, deps, responder);
  registerCommands(app, deps);
  registerButtons(app, deps, responder);
  registerViability(app, deps);
  registerHome(app, deps);
  let detachGate: (() => void) | undefined;
  app.error(async (error) => {
    logger.error({ err: error }, 'unhandled Slack listener error');
  });

  return {
    name: 'slack',
    app,
    digests: createSlackDigestPublisher(app.client, clock),
    get port() {
      return server ? (server.address() as AddressInfo).port : undefined;
    },
    get host() {
      return server ? (server.address() as AddressInfo).address : undefined;
    },
    async start() {
      // auth.test runs here: a refused or unreachable Slack becomes an AdapterStartError, not a stack trace.
      await app.init().catch((err) => {
        throw slackStartError(err, 'SLACK_BOT_TOKEN', options.apiUrl);
      });
      if (socketMode) {
        await app.start().catch((err) => {
          throw slackStartError(err, 'SLACK_APP_TOKEN', options.apiUrl);
        });
        logger.info('Slack adapter connected in Socket Mode');
      } else {
        httpStarted = true;
        // The same defaults as the config's PORT and HOST: loopback unless a listen address is given.
        const wanted = options.port ?? 3000;
        server = (await app.start({ port: wanted, host: options.host ?? '127.0.0.1' }).catch((err: unknown) => {
          throw slackListenError(err, wanted);
        })) as Server;
        // With processBeforeResponse the ack waits for the work itself, so the gate would only delay it.
        if (!options.processBeforeResponse) detachGate = attachAckGate(server, work.queue);
        const { address, port } = server.address() as AddressInfo;
        logger.info({ host: address, port }, 'Slack adapter listening (HTTP mode)');
      }
    },
    ready() {
      // A /healthz request can arrive between Bolt's listen() and `server` being set: it is up by then.
      return socketUp ? socketUp() : httpStarted && (server?.listening ?? true);
    },
    async stop() {
      detachGate?.();
      await app.stop();
      server = undefined;
      httpStarted = false;
    },
    async post(conversationId, reply) {
      const { text, blocks } = renderReply(reply);
      await app.client.chat.postMessage({ channel: conversationId, text, blocks });
    },
  };
}
