/** What the Discord handlers (messages, commands, buttons, the viability form) share, built once per adapter. */
import type { Logger } from '../../src/logger.ts';
import type { Bot, ScopedStore } from '../../src/ports.ts';
import type { Cooldown } from '../shared/cooldown.ts';
import type { WorkQueue } from '../shared/work-queue.ts';
import type { ResponderOptions } from './responder.ts';

/** Dependencies of the interaction and message handlers. */
export interface DiscordEnv {
  bot: Bot;
  logger: Logger;
  /** Keys are scoped to `discord:` by the composition root: write `thread:…`, not `discord:thread:…`. */
  store: ScopedStore;
  cooldown: Cooldown;
  /** Defer an interaction whose answer is not ready after this long (default `SLOW_ANSWER_MS`). */
  deferAfterMs?: number;
  /** Least time between two edits of an answer a model is streaming. */
  progressIntervalMs?: number;
  /** Interactions being handled right now; shared by all handlers of one adapter. */
  load: { inFlight: number };
  /** Bounded queue for answers worked out after a deferral. */
  work: WorkQueue;
  /** Edits a deferred response outside the bot's global rate limiter (see `index.ts`). */
  editOriginal: NonNullable<ResponderOptions['editOriginal']>;
}
