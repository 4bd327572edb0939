/**
 * The weekly schedule: a cron expression in the install's time zone (croner), a catch-up run at
 * start for an occurrence missed while the bot was down, and a periodic retry for channels whose
 * delivery failed. Each run builds the digest once and hands it to `Delivery` per channel.
 */
import { Cron } from 'croner';
import type { Logger } from '../logger.ts';
import type { Delivery, DeliveryOutcome, Occurrence } from './delivery.ts';
import type { Market } from './market.ts';
import type { Subscriptions } from './subscriptions.ts';
import { isoWeek } from './week.ts';

/** A cron expression with its time zone. */
export interface JobsScheduleConfig {
  cron: string;
  timeZone: string;
}

/** Previous and next occurrences of a schedule, from any instant. */
export interface ScheduleClock {
  readonly cron: string;
  readonly timeZone: string;
  /** The latest scheduled instant at or before `at`. */
  last(at: Date): Date | undefined;
  next(at: Date): Date | undefined;
}

/** Throws when the expression or the zone is invalid (croner's own message names the problem). */
export function createScheduleClock({ cron, timeZone }: JobsScheduleConfig): ScheduleClock {
  const pattern = new Cron(cron, { timezone: timeZone, paused: true });
  return {
    cron,
    timeZone,
    // previousRuns excludes its reference, so look from just after `at` to include an exact hit.
    last: (at) => pattern.previousRuns(1, new Date(at.getTime() + 1))[0],
    next: (at) => pattern.nextRun(at) ?? undefined,
  };
}

/** Options for `createJobsScheduler`. */
export interface JobsSchedulerOptions {
  schedule: ScheduleClock;
  market: Market;
  subscriptions: Subscriptions;
  delivery: Delivery;
  logger: Logger;
  clock: () => Date;
  /** How often to retry channels whose delivery failed (default 15 minutes). */
  retryMs?: number;
}

/** Counts of outcomes for one run, for logs and tests. */
export type RunSummary = Partial<Record<DeliveryOutcome, number>>;

/** Runs the weekly digest on its schedule. */
export function createJobsScheduler(options: JobsSchedulerOptions) {
  const { schedule, market, subscriptions, delivery, logger, clock, retryMs = 15 * 60_000 } = options;
  let cron: Cron | undefined;
  let retry: NodeJS.Timeout | undefined;
  let running: Promise<RunSummary> | undefined;

  /** Delivers the latest occurrence's digest to every channel that still needs it. */
  async function runDue(): Promise<RunSummary> {
    const now = clock();
    const at = schedule.last(now);
    if (!at) return {};
    const occurrence: Occurrence = { week: isoWeek(at, schedule.timeZone).label, at };
    // A channel subscribed after the scheduled time waits for the next one.
    const due = (await subscriptions.list()).filter((s) => !s.paused && Date.parse(s.at) <= at.getTime());
    const summary: RunSummary = {};
    if (due.length === 0) return summary;
    let built: Awaited<ReturnType<Market['build']>> | undefined;
    for (const sub of due) {
      const done = sub.lastPost?.week === occurrence.week && sub.lastPost.at >= at.toISOString();
      if (done) {
        summary.skipped = (summary.skipped ?? 0) + 1;
        continue;
      }
      built ??= await market.build(now);
      if (built.failed) {
        // A digest of zeros would tell whole channels the market vanished; the retry timer tries again later.
        logger.warn({ week: occurrence.week, due: due.length }, 'jobs digest not posted: no job source answered');
        return summary;
      }
      const outcome = await delivery.deliver(sub, occurrence, built.reply);
      summary[outcome] = (summary[outcome] ?? 0) + 1;
    }
    logger.info({ week: occurrence.week, ...summary }, 'jobs digest run');
    return summary;
  }

  /** One run at a time per process; a tick during a run waits for it and then checks again. */
  function run(): Promise<RunSummary> {
    const previous = running ?? Promise.resolve({});
    const next = previous
      .catch(() => ({}))
      .then(runDue)
      .catch((err) => {
        logger.error({ err }, 'jobs digest run failed');
        return {};
      });
    running = next;
    return next;
  }

  return {
    run,
    /** Starts the cron job and the retry timer, and catches up a missed occurrence at once. */
    start(): Promise<RunSummary> {
      cron = new Cron(schedule.cron, { timezone: schedule.timeZone, protect: true }, () => void run());
      retry = setInterval(() => void run(), retryMs);
      retry.unref();
      logger.info({ cron: schedule.cron, tz: schedule.timeZone, next: cron.nextRun()?.toISOString() }, 'jobs schedule');
      return run();
    },
    async stop(): Promise<void> {
      cron?.stop();
      if (retry) clearInterval(retry);
      await running?.catch(() => undefined);
    },
  };
}

/** The scheduler `createJobsScheduler` returns. */
export type JobsScheduler = ReturnType<typeof createJobsScheduler>;
