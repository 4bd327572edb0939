/**
 * Delivers one week's digest to one channel exactly once. A per-channel, per-week record says
 * whether the post is being sent or was sent; an atomic lease lets only one replica work on it at a
 * time; and a record left at "sending" by a process that died mid-post is resolved by asking the
 * platform whether the post went out, before posting again.
 */
import { randomUUID } from 'node:crypto';
import { ChannelGoneError, MessageGoneError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { DigestPublisher, PostRef } from '../ports.ts';
import type { Store } from '../store/store.ts';
import type { Reply } from '../types.ts';
import { channelKey, type Subscription, type Subscriptions } from './subscriptions.ts';

/** One scheduled run: its ISO week and the scheduled instant it stands for. */
export interface Occurrence {
  week: string;
  at: Date;
}

/** What happened to one channel in one run. */
export type DeliveryOutcome =
  | 'posted'
  | 'edited'
  | 'recovered'
  | 'skipped'
  | 'busy'
  | 'gone'
  | 'failed'
  | 'paused'
  | 'no_publisher';

/** The record kept per channel and week. */
interface PostRecord {
  state: 'sending' | 'sent';
  /** The scheduled instant this post is for: a later run in the same week edits it. */
  occurrence: string;
  ref?: PostRef;
  at: string;
}

/** Options for `createDelivery`. */
export interface DeliveryOptions {
  store: Store;
  logger: Logger;
  subscriptions: Subscriptions;
  publishers: ReadonlyMap<string, DigestPublisher>;
  clock: () => Date;
  /** How long one replica may hold a channel's post before another may take over. */
  leaseMs?: number;
}

/** The marker that identifies a week's digest in a channel, for `DigestPublisher.find`. */
export const digestMarker = (week: string) => `careerbot jobs digest ${week}`;

const RECORD_TTL_MS = 21 * 24 * 60 * 60 * 1000;

/** Delivers digests to subscribed channels. */
export function createDelivery(options: DeliveryOptions) {
  const { store, logger, subscriptions, publishers, clock, leaseMs = 120_000 } = options;

  async function recordPost(sub: Subscription, occurrence: Occurrence, ref: PostRef): Promise<void> {
    const record: PostRecord = {
      state: 'sent',
      occurrence: occurrence.at.toISOString(),
      ref,
      at: clock().toISOString(),
    };
    await store.set(`jobs:post:${channelKey(sub.channel)}:${occurrence.week}`, record, RECORD_TTL_MS);
    await subscriptions.update(sub.channel, (s) => ({
      ...s,
      lastPost: { week: occurrence.week, at: record.at, ref },
    }));
  }

  async function underLease(sub: Subscription, occurrence: Occurrence, reply: Reply): Promise<DeliveryOutcome> {
    const publisher = publishers.get(sub.channel.platform);
    if (!publisher) return 'no_publisher';
    const recordKey = `jobs:post:${channelKey(sub.channel)}:${occurrence.week}`;
    const marker = digestMarker(occurrence.week);
    const occurrenceIso = occurrence.at.toISOString();
    const record = await store.get<PostRecord>(recordKey);
    if (record?.state === 'sent' && record.ref) {
      if (record.occurrence === occurrenceIso) return 'skipped';
      try {
        await publisher.update(record.ref, reply, marker);
        await recordPost(sub, occurrence, record.ref);
        return 'edited';
      } catch (err) {
        // Someone deleted the week's post: the new run posts it again rather than retrying an edit forever.
        if (!(err instanceof MessageGoneError)) throw err;
      }
    }
    if (record?.state === 'sending') {
      // The last attempt died between sending and recording: the post may exist already.
      const found = await publisher.find(sub.channel, marker);
      if (found) {
        if (record.occurrence !== occurrenceIso) await publisher.update(found, reply, marker);
        await recordPost(sub, occurrence, found);
        return 'recovered';
      }
    }
    // Written before sending, so a crash after the send leaves a trace that `find` then resolves.
    await store.set(
      recordKey,
      { state: 'sending', occurrence: occurrenceIso, at: clock().toISOString() },
      RECORD_TTL_MS,
    );
    const ref = await publisher.publish(sub.channel, reply, marker);
    await recordPost(sub, occurrence, ref);
    return 'posted';
  }

  return {
    /** Posts (or edits) `reply` in the subscription's channel for `occurrence`, at most once per week. */
    async deliver(sub: Subscription, occurrence: Occurrence, reply: Reply): Promise<DeliveryOutcome> {
      if (sub.paused) return 'paused';
      const leaseKey = `jobs:lease:${channelKey(sub.channel)}:${occurrence.week}`;
      const token = randomUUID();
      const log = { platform: sub.channel.platform, channel: sub.channel.channelId, week: occurrence.week };
      try {
        if (!(await store.claim(leaseKey, leaseMs, token))) return 'busy';
      } catch (err) {
        logger.warn({ err, ...log }, 'digest delivery skipped: store unavailable');
        return 'failed';
      }
      try {
        const outcome = await underLease(sub, occurrence, reply);
        logger.info({ ...log, outcome }, 'digest delivery');
        return outcome;
      } catch (err) {
        if (err instanceof ChannelGoneError) {
          logger.warn({ ...log, reason: err.reason }, 'digest channel unavailable; subscription paused');
          await subscriptions
            .update(sub.channel, (s) => ({
              ...s,
              paused: { reason: err.reason, detail: err.message, at: clock().toISOString() },
            }))
            .catch((e) => logger.error({ err: e, ...log }, 'could not pause subscription'));
          return 'gone';
        }
        logger.error({ err, ...log }, 'digest delivery failed; will retry');
        return 'failed';
      } finally {
        await store.release(leaseKey, token).catch(() => undefined);
      }
    },
  };
}

/** The delivery service `createDelivery` returns. */
export type Delivery = ReturnType<typeof createDelivery>;
