/**
 * Starting the platform adapters at boot. A platform that cannot be reached (DNS, refused connection,
 * timeout, 5xx) may come back, so the start is retried with exponential backoff and one log line per
 * attempt; a token the platform refuses will not fix itself, so that stops start-up with one line.
 * Adapters translate their SDK's errors into `AdapterStartError`; this module never sees an SDK.
 */

import { BotError, EXIT_SETUP } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Adapter } from '../ports.ts';

/** An adapter could not start; `retry` says whether trying again later can help (network) or not (refused token). */
export class AdapterStartError extends BotError {
  readonly retry: boolean;
  constructor(message: string, options: { retry: boolean; cause?: unknown }) {
    super('ADAPTER_START', message, { cause: options.cause, exitCode: EXIT_SETUP });
    this.retry = options.retry;
  }
}

/** Backoff for `startAdapters`: first wait, cap, and the sleep (tests pass a short one). */
export interface StartBackoff {
  firstDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
}

const DEFAULT_BACKOFF: StartBackoff = {
  firstDelayMs: 1_000,
  maxDelayMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

async function startOne(adapter: Adapter, logger: Logger, backoff: StartBackoff): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await adapter.start();
      return;
    } catch (err) {
      if (!(err instanceof AdapterStartError) || !err.retry) throw err;
      const retryInMs = Math.min(backoff.firstDelayMs * 2 ** (attempt - 1), backoff.maxDelayMs);
      const seconds = retryInMs >= 1_000 ? `${Math.round(retryInMs / 1_000)} s` : `${retryInMs} ms`;
      logger.warn({ adapter: adapter.name, attempt, retryInMs }, `${err.message}; retrying in ${seconds}`);
      await backoff.sleep(retryInMs);
    }
  }
}

/**
 * Starts each adapter in turn, retrying unreachable platforms until they answer. Throws the first
 * `AdapterStartError` that cannot be retried (or any other error), after stopping the adapters already started.
 */
export async function startAdapters(
  adapters: readonly Adapter[],
  logger: Logger,
  backoff: Partial<StartBackoff> = {},
): Promise<void> {
  const options = { ...DEFAULT_BACKOFF, ...backoff };
  const started: Adapter[] = [];
  for (const adapter of adapters) {
    try {
      await startOne(adapter, logger, options);
      started.push(adapter);
    } catch (err) {
      for (const other of started) await other.stop().catch(() => undefined);
      await adapter.stop().catch(() => undefined);
      throw err;
    }
  }
}
