/**
 * What the Slack listeners share: event dedupe across replicas, posting a reply (and remembering the
 * thread), opening the viability modal and publishing App Home.
 */
import type { WebClient } from '@slack/web-api';
import PQueue from 'p-queue';
import type { Bot } from '../../src/ports.ts';
import type { AppContext } from '../../src/context.ts';
import { createIncoming, type IncomingFields } from '../../src/incoming.ts';
import type { Logger } from '../../src/logger.ts';
import { keys } from '../../src/store/store.ts';
import type { IncomingMessage, Reply } from '../../src/ports.ts';
import type { ViabilityResult } from '../../src/viability/score.ts';
import { createSlackProgress, type SlackProgress, type SlackTarget } from './progress.ts';
import { renderReply } from './render-blocks.ts';
import { homeView, viabilityModal } from './render-views.ts';

/** What the listeners need from the composition root. */
export interface ListenerDeps {
  ctx: AppContext;
  bot: Bot;
  logger: Logger;
  /** Least time between two edits of a streamed answer (default one second). */
  progressIntervalMs?: number;
}

/** How long an event id is remembered: longer than Slack's retry schedule (three retries within minutes). */
const EVENT_TTL_MS = 60 * 60 * 1000;
/** How long the bot remembers that it answered in a thread, so plain replies there continue the conversation. */
const THREAD_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/** The key under which the bot notes that it answered in a thread. */
export const threadKey = (channel: string, threadTs: string) => `slack:thread:${channel}:${threadTs}`;

/** How many listeners may do their post-ack work at once. */
const WORK_CONCURRENCY = 2;

/** Builds the helpers over one context. */
export function createSlackHelpers({ ctx, logger, progressIntervalMs }: ListenerDeps) {
  const { store, kb } = ctx;
  // Post-ack work (answering, posting, calling Slack) waits in a small queue so that a burst of requests
  // is acked first: unbounded, the answers' own HTTP calls would delay the acks of later requests.
  const queue = new PQueue({ concurrency: WORK_CONCURRENCY });

  /**
   * Runs a listener's post-ack work on the queue and waits for it. The work may call `release` to give up
   * its queue slot early: waiting seconds for a model is not work, and two such waits would otherwise
   * hold up every other answer.
   */
  const later = async (work: (release: () => void) => Promise<void>): Promise<void> => {
    let done: Promise<void> | undefined;
    await queue.add(
      () =>
        new Promise<void>((resolve, reject) => {
          // Yield to pending I/O first, so requests already on the wire are acked before this work starts.
          setImmediate(() => {
            done = work(resolve);
            done.then(resolve, reject);
          });
        }),
    );
    await done;
  };

  /** True the first time an event id is seen by any replica sharing the store. */
  async function firstDelivery(eventId: string | undefined): Promise<boolean> {
    if (!eventId) return true;
    try {
      return await store.claim(`slack:event:${eventId}`, EVENT_TTL_MS);
    } catch (err) {
      // With the store down, a possible double answer is better than a lost one.
      logger.warn({ err }, 'event dedupe unavailable; answering anyway');
      return true;
    }
  }

  /** Progress for one answer in `target`; `release` (from `later`) frees the queue slot once a model is at work. */
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

  async function openViability(client: WebClient, triggerId: string, meta: { c?: string; r?: string }) {
    await client.views.open({
      trigger_id: triggerId,
      view: viabilityModal(kb.rubric, { privateMetadata: JSON.stringify(meta) }),
    });
  }

  async function publishHome(client: WebClient, userId: string) {
    const last = await store.get<ViabilityResult>(keys.viability(`slack:${userId}`)).catch(() => undefined);
    await client.views.publish({
      user_id: userId,
      view: homeView({
        commands: ['/careers <question>', '/viability'],
        lastResult: last && {
          title: last.verdict.title,
          verdict: last.verdict.text,
          at: last.at.slice(0, 10),
          rows: last.rows.map((r) => ({ title: r.title, rating: r.rating })),
        },
      }),
    });
  }

  /** A platform-neutral message from the fields every Slack payload has. */
  const message = (fields: IncomingFields): IncomingMessage => createIncoming('slack', fields);

  return { firstDelivery, postReply, progress, openViability, publishHome, message, later, queue };
}

/** The helpers' type, for the listener modules. */
export type SlackHelpers = ReturnType<typeof createSlackHelpers>;
