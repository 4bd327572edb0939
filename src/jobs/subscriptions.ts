/**
 * Channels subscribed to the weekly digest, kept in the store: one record per channel and one index
 * of channel keys (keyv cannot list keys on every backend). The index is changed under a lock so two
 * replicas subscribing at once do not drop each other's channel.
 */
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';
import type { ChannelRef, GoneReason, PostRef } from '../types.ts';

/** A subscribed channel and what happened to it. */
export interface Subscription {
  channel: ChannelRef;
  /** Platform user id of whoever subscribed it. */
  by: string;
  at: string;
  /** Set when posting failed for good (channel removed, archived, no access); cleared by re-subscribing. */
  paused?: { reason: GoneReason; detail: string; at: string };
  lastPost?: { week: string; at: string; ref: PostRef };
}

/** The subscription list. */
export interface Subscriptions {
  list(): Promise<Subscription[]>;
  get(channel: ChannelRef): Promise<Subscription | undefined>;
  /** Creates or replaces the record and makes sure the channel is in the index. */
  put(subscription: Subscription): Promise<void>;
  /** Changes a record in place (no-op when it is gone); used for pauses and last posts. */
  update(channel: ChannelRef, change: (s: Subscription) => Subscription): Promise<void>;
  /** True when there was a subscription to remove. */
  remove(channel: ChannelRef): Promise<boolean>;
}

const INDEX = 'jobs:subscriptions';

/** The store key for a channel's subscription. */
export function channelKey(channel: Pick<ChannelRef, 'platform' | 'channelId'>): string {
  return `${channel.platform}:${channel.channelId}`;
}

/** Subscriptions kept in `store`. */
export function createSubscriptions(store: Store): Subscriptions {
  const recordKey = (channel: ChannelRef) => `jobs:sub:${channelKey(channel)}`;
  const index = async () => (await store.get<string[]>(INDEX)) ?? [];
  return {
    async list() {
      const records = await Promise.all((await index()).map((k) => store.get<Subscription>(`jobs:sub:${k}`)));
      return records.filter((r): r is Subscription => r !== undefined);
    },
    get: (channel) => store.get<Subscription>(recordKey(channel)),
    async put(subscription) {
      await withLock(store, INDEX, async () => {
        await store.set(recordKey(subscription.channel), subscription);
        const keys = await index();
        const key = channelKey(subscription.channel);
        if (!keys.includes(key)) await store.set(INDEX, [...keys, key]);
      });
    },
    async update(channel, change) {
      await withLock(store, INDEX, async () => {
        const current = await store.get<Subscription>(recordKey(channel));
        if (current) await store.set(recordKey(channel), change(current));
      });
    },
    async remove(channel) {
      return withLock(store, INDEX, async () => {
        const existed = (await store.get<Subscription>(recordKey(channel))) !== undefined;
        await store.delete(recordKey(channel));
        const key = channelKey(channel);
        await store.set(
          INDEX,
          (await index()).filter((k) => k !== key),
        );
        return existed;
      });
    },
  };
}
