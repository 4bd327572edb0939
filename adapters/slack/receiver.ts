/**
 * Bolt's receiver for the configured mode: Socket Mode when an app token is set (built here rather than by
 * Bolt, so health can follow the socket's state), otherwise the guarded HTTP receiver with `GET /healthz`.
 */
import { type Logger as BoltLogger, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { WebClientOptions } from '@slack/web-api';
import { type EndpointLimits, GuardedReceiver } from './guarded-receiver.ts';

/** What `GET /healthz` answers: a status code and a JSON body. */
export interface HealthAnswer {
  status: number;
  body: unknown;
}

/** The receiver's part of the adapter's config. */
export interface ReceiverSettings {
  appToken?: string;
  signingSecret?: string;
  limits?: EndpointLimits;
  processBeforeResponse?: boolean;
}

/** The receiver, and whether its socket is connected (Socket Mode only). */
export interface SlackReceiver {
  receiver: Receiver;
  socketUp?: () => boolean;
}

/** Builds the receiver; `healthz` answers `GET /healthz` in HTTP mode. */
export function createReceiver(
  settings: ReceiverSettings,
  logger: BoltLogger,
  clientOptions: WebClientOptions,
  healthz: () => HealthAnswer,
): SlackReceiver {
  if (settings.appToken) {
    const socket = new SocketModeReceiver({ appToken: settings.appToken, logger, installerOptions: { clientOptions } });
    let up = false;
    socket.client.on('connected', () => {
      up = true;
    });
    for (const state of ['reconnecting', 'disconnecting', 'disconnected']) {
      socket.client.on(state, () => {
        up = false;
      });
    }
    return { receiver: socket, socketUp: () => up };
  }
  const receiver = new GuardedReceiver({
    ...settings.limits,
    signingSecret: settings.signingSecret ?? '',
    processBeforeResponse: settings.processBeforeResponse ?? false,
    logger,
    customRoutes: [
      {
        path: '/healthz',
        method: ['GET'],
        handler: (_req, res) => {
          const { status, body } = healthz();
          res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(body));
        },
      },
    ],
  });
  return { receiver };
}
