/**
 * When an interaction is deferred, and where its answer is worked out. Idle: answer directly (one message,
 * no "thinking…" flash). Busy: defer at once, so that every interaction in a burst gets its first response
 * within Discord's three seconds however long the queue of answers is (`npm run bench`).
 */
import type { DiscordEnv } from './handler-env.ts';
import type { ResponderOptions } from './responder.ts';

/** Interactions in flight above which new ones are deferred at once instead of answered directly. */
export const BUSY_THRESHOLD = 4;

/** The responder's timing for the next interaction, given how many are in flight. */
export function timing(
  env: Pick<DiscordEnv, 'load' | 'work' | 'deferAfterMs' | 'editOriginal' | 'progressIntervalMs'>,
): Pick<ResponderOptions, 'deferAfterMs' | 'schedule' | 'editOriginal' | 'progressIntervalMs'> {
  const { editOriginal, progressIntervalMs } = env;
  if (env.load.inFlight <= BUSY_THRESHOLD) return { deferAfterMs: env.deferAfterMs, editOriginal, progressIntervalMs };
  // Busy: the answers wait their turn on the shared work queue, so the deferrals of later interactions go out
  // first; the queue yields to I/O before each answer, so interactions that arrive meanwhile are deferred between two.
  return { deferAfterMs: 0, editOriginal, progressIntervalMs, schedule: (work) => env.work.run(work) };
}
