/**
 * Gives acks priority over post-ack work in HTTP mode: while Slack requests are arriving and waiting for
 * their ack, the work queue pauses; it resumes after a short quiet spell, and never stays paused longer
 * than `maxPauseMs`, so steady traffic cannot starve it. Under a burst of slash commands this keeps acks
 * close to what a bare Bolt app achieves (`npm run bench`).
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type PQueue from 'p-queue';

/** Timing of the gate, in milliseconds. */
export interface AckGateOptions {
  /** Resume this long after the last in-flight request was answered (requests of a burst arrive spread out). */
  quietMs?: number;
  /** Longest continuous pause. */
  maxPauseMs?: number;
}

/** Pauses `queue` while `server` is busy acking; returns a function that detaches the gate. */
export function attachAckGate(server: Server, queue: PQueue, options: AckGateOptions = {}): () => void {
  const { quietMs = 10, maxPauseMs = 200 } = options;
  let inFlight = 0;
  let quiet: NodeJS.Timeout | undefined;
  let cap: NodeJS.Timeout | undefined;
  const resume = () => {
    clearTimeout(quiet);
    clearTimeout(cap);
    quiet = undefined;
    cap = undefined;
    queue.start();
  };
  const onRequest = (_req: IncomingMessage, res: ServerResponse) => {
    inFlight += 1;
    clearTimeout(quiet);
    quiet = undefined;
    if (!queue.isPaused) {
      queue.pause();
      cap = setTimeout(resume, maxPauseMs);
    }
    res.once('close', () => {
      inFlight -= 1;
      if (inFlight === 0 && queue.isPaused) quiet = setTimeout(resume, quietMs);
    });
  };
  // Runs before Bolt's own request listener, so the pause starts as the request does.
  server.prependListener('request', onRequest);
  return () => {
    server.off('request', onRequest);
    resume();
  };
}
