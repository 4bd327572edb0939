/**
 * The work done after a platform's first response (Slack's ack, Discord's deferral): answering, posting,
 * calling the platform. It waits in a small queue so that a burst of requests gets its first responses
 * first; unbounded, the answers' own HTTP calls would delay the acks of later requests (`npm run bench`).
 */
import PQueue from 'p-queue';

/** How many answers are worked out at once by default. */
export const WORK_CONCURRENCY = 2;

/** A bounded queue of post-ack work. */
export interface WorkQueue {
  /**
   * Runs `work` on the queue and resolves with its result. The work may call `release` to give up its slot
   * early: waiting seconds for a model is not work, and two such waits would otherwise hold up every answer.
   */
  run<T>(work: (release: () => void) => Promise<T>): Promise<T>;
  /** The underlying queue, for the Slack ack gate that pauses it while requests wait for their ack. */
  readonly queue: PQueue;
}

/** Creates a work queue. */
export function createWorkQueue(concurrency = WORK_CONCURRENCY): WorkQueue {
  const queue = new PQueue({ concurrency });
  return {
    queue,
    async run<T>(work: (release: () => void) => Promise<T>): Promise<T> {
      let result: Promise<T> | undefined;
      await queue.add(
        () =>
          new Promise<void>((resolve) => {
            // Yield to pending I/O first, so requests already on the wire get their first response before this work.
            setImmediate(() => {
              result = work(resolve);
              result.then(
                () => resolve(),
                () => resolve(),
              );
            });
          }),
      );
      if (!result) throw new Error('queued work did not start');
      return result;
    },
  };
}
