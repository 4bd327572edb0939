/**
 * What the jobs digest needs from a chat platform, and what a platform's `/jobs` command needs from
 * the core. Adapters implement `DigestPublisher`; the core implements `JobsDesk`.
 */
import type { Reply } from '../types.ts';

/** A channel (or DM) a digest can be posted to. */
export interface ChannelRef {
  /** Adapter name (`slack`, `discord`), matching `Adapter.name`. */
  platform: string;
  channelId: string;
  /** Slack team id or Discord guild id, when there is one. */
  workspaceId?: string;
  /** Display name for status replies; never used for routing. */
  name?: string;
}

/** A message the bot posted, so a re-run of the same week can edit it. */
export interface PostRef {
  channelId: string;
  messageId: string;
}

/** Why a channel can no longer be posted to. */
export type GoneReason = 'not_found' | 'archived' | 'no_access' | 'no_permission';

/** Thrown by a publisher when the channel is gone for good: the subscription is paused, not retried. */
export class ChannelGoneError extends Error {
  readonly code = 'CHANNEL_GONE';
  readonly reason: GoneReason;
  constructor(reason: GoneReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

/** Thrown by `update` when the earlier post was deleted: the digest is then posted afresh. */
export class MessageGoneError extends Error {
  readonly code = 'MESSAGE_GONE';
}

/**
 * Posting digests on one platform. `marker` is a stable id for one digest in one channel (week and
 * channel); `find` looks for a post carrying it, to recover when a process died between sending a
 * post and recording it.
 */
export interface DigestPublisher {
  readonly platform: string;
  publish(channel: ChannelRef, reply: Reply, marker: string): Promise<PostRef>;
  update(ref: PostRef, reply: Reply, marker: string): Promise<void>;
  find(channel: ChannelRef, marker: string): Promise<PostRef | undefined>;
}

/** The `/jobs` command as the adapters call it. Permission checks happen in the adapter first. */
export interface JobsDesk {
  /**
   * This week's digest, for the asker only. `onCollecting` gets a short note to show when the boards must be
   * read first (seconds); it is not called when a recent collection is reused.
   */
  digest(options?: { onCollecting?: (note: string) => void }): Promise<Reply>;
  /** Subscribes a channel; `by` is the platform user id, kept for the status reply and logs. */
  subscribe(channel: ChannelRef, by: string): Promise<Reply>;
  unsubscribe(channel: ChannelRef, by: string): Promise<Reply>;
  /** The schedule, the channel's subscription and its last post. */
  status(channel: ChannelRef): Promise<Reply>;
}
