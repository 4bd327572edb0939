/**
 * What every Slack listener needs after its ack: the bot, the work queue the post-ack work waits in,
 * answering each event once across replicas, progress while a model writes, and posting the reply
 * (remembering the thread, so plain replies there continue the conversation).
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Logger } from '../../src/logger.ts';
import type { Bot, IncomingMessage, Reply, ScopedStore } from '../../src/ports.ts';
import { createIncoming, type IncomingFields } from '../shared/incoming.ts';
import type { WorkQueue } from '../shared/work-queue.ts';
import { createSlackProgress, type SlackProgress, type SlackTarget } from './progress.ts';
import { renderReply } from './render.ts';

/** What the listeners get from the factory: never the whole application context. */
export interface SlackListenerDeps {
  bot: Bot;
  logger: Logger;
  /** The adapter's own store: keys are prefixed `slack:` by it. */
  store: ScopedStore;
  /** Post-ack work; the ack gate pauses it while requests wait for their ack. */
  work: WorkQueue;
  /** Least time between two edits of a streamed answer (default one second). */
  progressIntervalMs?: number;
}

/** How long an event id is remembered: longer than Slack's retry schedule (three retries within minutes). */
export const EVENT_TTL_MS = 60 * 60 * 1000;
/** How long the bot remembers that it answered in a thread, so plain replies there continue the conversation. */
export const THREAD_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The key (within the adapter's `slack:` scope) under which the bot notes that it answered in a thread. */
export const threadKey = (channel: string, threadTs: string) => `thread:${channel}:${threadTs}`;

/** A platform-neutral message from the fields every Slack payload has. */
export const slackMessage = (fields: IncomingFields): IncomingMessage => createIncoming('slack', fields);

/** Builds the responder over the listeners' deps. */
export function createResponder({ store, logger, progressIntervalMs }: SlackListenerDeps) {
  /** True the first time an event id is seen by any replica sharing the store. */
  async function firstDelivery(eventId: string | undefined): Promise<boolean> {
    if (!eventId) return true;
    try {
      return await store.claim(`event:${eventId}`, EVENT_TTL_MS);
    } catch (err) {
      // With the store down, a possible double answer is better than a lost one.
      logger.warn({ err }, 'event dedupe unavailable; answering anyway');
      return true;
    }
  }

  /** Progress for one answer in `target`; `release` (from the work queue) frees the slot once a model is at work. */
  function progress(client: WebClient, target: SlackTarget, release?: () => void): SlackProgress {
    const shown = createSlackProgress(client, target, logger, progressIntervalMs);
    return {
      deliver: shown.deliver,
      onProgress(text) {
        release?.();
        shown.onProgress(text);
      },
    };
  }

  /** Posts a reply, or puts it in the placeholder `shown` posted while a model worked. */
  async function postReply(client: WebClient, target: SlackTarget, reply: Reply, shown?: SlackProgress) {
    try {
      if (!(await shown?.deliver(reply))) await client.chat.postMessage({ ...target, ...renderReply(reply) });
      if (target.thread_ts) {
        await store.set(threadKey(target.channel, target.thread_ts), true, THREAD_TTL_MS).catch(() => undefined);
      }
    } catch (err) {
      logger.error({ err, channel: target.channel }, 'could not post a Slack reply');
    }
  }

  /** Whether the bot answered in this thread before (a plain reply there continues the conversation). */
  async function knownThread(channel: string, threadTs: string): Promise<boolean> {
    return Boolean(await store.get(threadKey(channel, threadTs)).catch(() => undefined));
  }

  return { firstDelivery, progress, postReply, knownThread };
}

/** The responder's type, for the listener modules. */
/** The arguments Bolt passes a command listener. */
export type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

export type SlackResponder = ReturnType<typeof createResponder>;
