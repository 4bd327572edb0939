/** What the Discord handlers share, built once per adapter. */

import type PQueue from 'p-queue';
import type { Bot } from '../../src/ports.ts';
import type { AppContext } from '../../src/context.ts';
import type { Cooldown } from '../../src/cooldown.ts';
import { createIncoming, type IncomingFields } from '../../src/incoming.ts';
import type { Logger } from '../../src/logger.ts';
import type { IncomingMessage } from '../../src/ports.ts';
import type { ResponderOptions } from './responder.ts';

/** Dependencies of the interaction and message handlers. */
export interface DiscordDeps {
  ctx: AppContext;
  bot: Bot;
  logger: Logger;
  cooldown: Cooldown;
  deferAfterMs?: number;
  /** Least time between two edits of an answer a model is streaming (default one second). */
  progressIntervalMs?: number;
  /** Interactions being handled right now; shared by all handlers of one adapter. */
  load: { inFlight: number };
  /** Bounded queue for answers worked out after a deferral. */
  queue: PQueue;
  /** Edits a deferred response outside the bot's global rate limiter (see `discord-adapter.ts`). */
  editOriginal: NonNullable<ResponderOptions['editOriginal']>;
}

/** Interactions in flight above which new ones are deferred at once instead of answered directly. */
export const BUSY_THRESHOLD = 4;

/**
 * When an interaction is deferred, and where its answer is worked out. Idle: answer directly (one message, no
 * "thinking…" flash). Busy: defer at once, so that every interaction in a burst gets its first response
 * within Discord's three seconds however long the queue of answers is.
 */
export function timing(
  deps: DiscordDeps,
): Pick<ResponderOptions, 'deferAfterMs' | 'schedule' | 'editOriginal' | 'progressIntervalMs'> {
  const { editOriginal, progressIntervalMs } = deps;
  if (deps.load.inFlight <= BUSY_THRESHOLD)
    return { deferAfterMs: deps.deferAfterMs, editOriginal, progressIntervalMs };
  // Busy: the answers wait their turn on the queue, so that the deferrals of later interactions go out first.
  // Each job first yields to I/O, so interactions that arrive meanwhile are deferred between two answers.
  return {
    deferAfterMs: 0,
    editOriginal,
    progressIntervalMs,
    schedule: async <T>(work: (release: () => void) => Promise<T>): Promise<T> => {
      let result: Promise<T> | undefined;
      // The slot is held until the work ends or calls `release` (a model started), whichever is first.
      await deps.queue.add(
        () =>
          new Promise<void>((resolve) => {
            setImmediate(() => {
              result = work(resolve);
              result.then(
                () => resolve(),
                () => resolve(),
              );
            });
          }),
      );
      if (!result) throw new Error('scheduled work did not start');
      return result;
    },
  };
}

/** A platform-neutral message from the fields every Discord event has. */
export function toIncoming(fields: IncomingFields): IncomingMessage {
  return createIncoming('discord', fields);
}

/** The sentence users see when they are rate limited by the cooldown. */
export function cooldownText(waitMs: number): string {
  return `You're asking faster than I can keep up. Please wait ${Math.ceil(waitMs / 1000)} s and try again.`;
}
