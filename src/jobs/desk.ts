/**
 * The `/jobs` command's core: this week's digest for the asker, and subscribing, unsubscribing and
 * checking a channel. Adapters check who may manage the channel before calling in.
 */
import { literal } from '../literal.ts';
import type { Logger } from '../logger.ts';
import type { ChannelRef, GoneReason, Reply } from '../types.ts';
import type { Market } from './market.ts';
import type { ScheduleClock } from './schedule.ts';
import type { Subscriptions } from './subscriptions.ts';
import { formatLocal } from './week.ts';

/** What `/jobs` shows while the boards are being read (a collection takes seconds; a reused one is instant). */
export const COLLECTING_NOTE = 'Collecting this week’s openings…';

/** The `/jobs` command's core, called by the bot's `jobs` command once the adapter checked access. */
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

/** Options for `createJobsDesk`. */
export interface JobsDeskOptions {
  market: Market;
  subscriptions: Subscriptions;
  schedule: ScheduleClock;
  logger: Logger;
  clock: () => Date;
}

const GONE_TEXT: Record<GoneReason, string> = {
  not_found: 'the channel no longer exists',
  archived: 'the channel is archived',
  no_access: 'I am no longer a member of the channel',
  no_permission: 'I am missing the permission to post there',
};

function notice(title: string, body: string): Reply {
  return { kind: 'notice', title, body, facts: [], advice: [], choices: [], entryIds: ['jobs'] };
}

function place(channel: ChannelRef): string {
  return channel.name ? `#${channel.name}` : 'this channel';
}

/** The `/jobs` desk over a market, the subscription list and the schedule. */
export function createJobsDesk(options: JobsDeskOptions): JobsDesk {
  const { market, subscriptions, schedule, logger, clock } = options;
  const nextPost = () => {
    const next = schedule.next(clock());
    return next ? formatLocal(next, schedule.timeZone) : 'not scheduled';
  };
  const scheduleLine = () => `Schedule: \`${schedule.cron}\` in ${schedule.timeZone}; next post ${nextPost()}.`;

  return {
    async digest({ onCollecting } = {}) {
      try {
        const onCollect = onCollecting && (() => onCollecting(COLLECTING_NOTE));
        const { stats, reply, failed } = await market.build(clock(), { onCollect });
        if (failed) {
          return notice(
            'The job boards could not be reached',
            `None of the ${stats.sources.length} job sources answered just now (for example: ${literal(stats.sources[0]?.error ?? 'no answer')}), so there is no digest to show. Please try again later.`,
          );
        }
        return reply;
      } catch (err) {
        logger.error({ err }, 'jobs digest failed');
        return {
          ...notice(
            'The job digest is not available right now',
            'I could not build it this time. Please try again later.',
          ),
          kind: 'error',
        };
      }
    },
    async subscribe(channel, by) {
      const existing = await subscriptions.get(channel);
      if (existing && !existing.paused) {
        return notice('Already subscribed', `${place(channel)} already gets the weekly job digest.\n${scheduleLine()}`);
      }
      await subscriptions.put({ channel, by, at: clock().toISOString(), lastPost: existing?.lastPost });
      logger.info(
        { platform: channel.platform, channel: channel.channelId, resumed: Boolean(existing) },
        'jobs subscribed',
      );
      const resumed = existing?.paused ? ' Posting had been paused; it is back on.' : '';
      return notice(
        'Subscribed to the weekly job digest',
        `${place(channel)} will get the AI-interaction job market digest once a week.${resumed}\n${scheduleLine()}\nUse /jobs unsubscribe to stop it.`,
      );
    },
    async unsubscribe(channel, by) {
      const removed = await subscriptions.remove(channel);
      if (removed) logger.info({ platform: channel.platform, channel: channel.channelId, by }, 'jobs unsubscribed');
      return removed
        ? notice('Unsubscribed', `${place(channel)} will no longer get the weekly job digest.`)
        : notice(
            'Not subscribed',
            `${place(channel)} was not subscribed. Use /jobs subscribe to start the weekly digest.`,
          );
    },
    async status(channel) {
      const sub = await subscriptions.get(channel);
      const lines = [scheduleLine()];
      if (!sub) {
        lines.push(`${place(channel)} is not subscribed. Use /jobs subscribe to start the weekly digest.`);
      } else {
        lines.push(`${place(channel)} is subscribed since ${formatLocal(new Date(sub.at), schedule.timeZone)}.`);
        if (sub.paused) {
          lines.push(`Posting is paused: ${GONE_TEXT[sub.paused.reason]}. Fix that, then run /jobs subscribe again.`);
        }
        lines.push(
          sub.lastPost
            ? `Last post: week ${sub.lastPost.week}, ${formatLocal(new Date(sub.lastPost.at), schedule.timeZone)}.`
            : 'No digest posted here yet.',
        );
      }
      return notice('Weekly job digest status', lines.join('\n'));
    },
  };
}
