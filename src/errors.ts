/**
 * The one error base. Every error careerbot raises on purpose is a `BotError` with a stable `code` (for
 * logs and tests, never parsed from the message) and the `cause` it wraps. Set-up errors also carry the
 * process exit code, so the composition roots have one catch: print the one-line message, exit with it.
 * Only `userMessage`, when set, is ever shown to a chat user; the rest goes to logs.
 */
import type { GoneReason } from './types.ts';

/** Options every careerbot error takes. */
export interface BotErrorOptions {
  cause?: unknown;
  /** Exit code when this error ends the process at start-up (2: the set-up must be fixed). */
  exitCode?: number;
}

/** Base class of careerbot's own errors. */
export class BotError extends Error {
  readonly code: string;
  readonly exitCode: number | undefined;
  constructor(code: string, message: string, options: BotErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.exitCode = options.exitCode;
  }
}

/** Exit code for start-up errors the operator must fix (configuration, knowledge, store, platform token). */
export const EXIT_SETUP = 2;

/** Thrown by a publisher when the channel is gone for good: the subscription is paused, not retried. */
export class ChannelGoneError extends BotError {
  readonly reason: GoneReason;
  constructor(reason: GoneReason, message: string) {
    super('CHANNEL_GONE', message);
    this.reason = reason;
  }
}

/** Thrown by `DigestPublisher.update` when the earlier post was deleted: the digest is then posted afresh. */
export class MessageGoneError extends BotError {
  constructor(message: string, options: BotErrorOptions = {}) {
    super('MESSAGE_GONE', message, options);
  }
}

/** The one-line message and exit code for an error that ends start-up, or undefined for a bug (rethrow it). */
export function setupFailure(err: unknown): { message: string; exitCode: number } | undefined {
  if (err instanceof BotError && err.exitCode !== undefined) return { message: err.message, exitCode: err.exitCode };
  return undefined;
}
