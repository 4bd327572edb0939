/**
 * Wires the weekly digest together from the context: the source list, the market builder, the
 * subscription list, the schedule and the `/jobs` desk. The scheduler is created later, once the
 * composition root knows which platforms can publish.
 */
import { createHash } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { DigestPublisher } from '../ports.ts';
import { createDelivery } from './delivery.ts';
import { createJobsDesk, type JobsDesk } from './desk.ts';
import { type Collect, createMarket, type Market } from './market.ts';
import { createJobsScheduler, createScheduleClock, type JobsScheduler, type ScheduleClock } from './schedule.ts';
import { type JobSource, loadJobSources } from './sources-file.ts';
import { createSubscriptions, type Subscriptions } from './subscriptions.ts';

/** Everything the digest needs, built once per process. */
export interface Jobs {
  desk: JobsDesk;
  market: Market;
  subscriptions: Subscriptions;
  schedule: ScheduleClock;
  /** A scheduler posting through `publishers` (one per platform). */
  scheduler(publishers: readonly DigestPublisher[], options?: { retryMs?: number }): JobsScheduler;
}

/** Overrides for tests and the CLI: another source list, or another way to collect. */
export interface JobsOverrides {
  sources?: JobSource[];
  collect?: Collect;
}

/** A short, stable id for a source list, so caches of different lists never mix. */
function sourcesId(sources: readonly JobSource[]): string {
  const text = sources.map((s) => `${s.id}=${s.url ?? ''}`).join('|');
  return createHash('sha256').update(text).digest('base64url').slice(0, 12);
}

/** Builds the digest's parts. Throws `JobSourcesError` when the source list is invalid. */
export function createJobs(
  ctx: Pick<AppContext, 'config' | 'kb' | 'store' | 'logger' | 'clock'>,
  overrides: JobsOverrides = {},
): Jobs {
  const { config, kb, store, logger, clock } = ctx;
  const sources = overrides.sources ?? loadJobSources(config.jobs.sourcesFile);
  // The fetching and parsing code (ky, the HTML converter, the parsers) loads on first use: about 30 MB
  // that a process which never builds a digest, like most console sessions, should not carry.
  const pipeline = () => Promise.all([import('./collect.ts'), import('./sources/registry.ts')]);
  const collect: Collect =
    overrides.collect ?? (async (now) => (await pipeline())[0].collectPostings(sources, { now, logger }));
  const refreshMs = async () => {
    const [, { refreshIntervalMs }] = await pipeline();
    // Never more often than the strictest source's terms allow (Remotive: a few calls a day).
    return Math.max(config.jobs.refreshMs, ...sources.map((s) => refreshIntervalMs(s, sources)));
  };
  const market = createMarket({
    kb,
    store,
    logger,
    timeZone: config.jobs.timeZone,
    collect,
    sourcesId: sourcesId(sources),
    refreshMs,
  });
  const subscriptions = createSubscriptions(store);
  const schedule = createScheduleClock({ cron: config.jobs.schedule, timeZone: config.jobs.timeZone });
  return {
    desk: createJobsDesk({ market, subscriptions, schedule, logger, clock }),
    market,
    subscriptions,
    schedule,
    scheduler(publishers, options = {}) {
      const delivery = createDelivery({
        store,
        logger,
        subscriptions,
        publishers: new Map(publishers.map((p) => [p.platform, p])),
        clock,
        leaseMs: config.jobs.leaseMs,
      });
      return createJobsScheduler({ schedule, market, subscriptions, delivery, logger, clock, ...options });
    },
  };
}
