/**
 * Builds the week's market digest: collects postings (reusing a recent collection so aggregators
 * such as Remotive are called a few times a day at most), remembers when each posting was first
 * seen, compares with the previous week's stored snapshot, and stores this week's.
 */
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Logger } from '../logger.ts';
import { withLock } from '../store/lock.ts';
import type { Store } from '../store/store.ts';
import type { Reply } from '../types.ts';
import { digestReply, type Notable, notablePostings } from './digest.ts';
import type { Posting } from './posting.ts';
import { computeStats, type MarketStats, type SourceHealth } from './stats.ts';
import { isoWeek, previousWeek } from './week.ts';

/** One fetch of every source: in-scope, deduplicated postings and each source's health. */
export interface Collection {
  at: string;
  postings: Posting[];
  sources: SourceHealth[];
}

/** Fetches every configured source once. */
export type Collect = (now: Date) => Promise<Omit<Collection, 'at'>>;

/** What `build` returns: the figures, the reply, and the openings it names. */
export interface MarketBuild {
  stats: MarketStats;
  reply: Reply;
  notable: Notable[];
  /** When the postings were fetched (earlier than `now` when a recent collection was reused). */
  collectedAt: string;
  /** No source answered: the figures are empty, and nothing was cached or saved as the week's snapshot. */
  failed: boolean;
}

/** Options for one `build`. */
export interface BuildOptions {
  /** Fetch the sources even when a recent collection exists. */
  fresh?: boolean;
  /** Called once when the sources are about to be fetched (not when a recent collection is reused). */
  onCollect?: () => void;
}

/** Options for `createMarket`. `sourcesId` names the source list, so two lists never share a cache. */
export interface MarketOptions {
  kb: KnowledgeBase;
  store: Store;
  logger: Logger;
  timeZone: string;
  collect: Collect;
  sourcesId: string;
  /** A collection younger than this is reused; a function when the sources' terms load lazily. */
  refreshMs: number | (() => Promise<number>);
}

/** The market digest builder. */
export interface Market {
  /** Builds the digest as of `now`. */
  build(now: Date, options?: BuildOptions): Promise<MarketBuild>;
}

const DAY_MS = 24 * 60 * 60 * 1000;
/** Snapshots and first-seen dates older than this are dropped. */
const KEEP_MS = 180 * DAY_MS;

/** Store key of a week's snapshot. */
export const weekKey = (week: string) => `jobs:week:${week}`;

/** True when the run reached no source at all: sources were configured and every one failed. */
export function collectionFailed(collection: Pick<Collection, 'sources'>): boolean {
  return collection.sources.length > 0 && collection.sources.every((s) => !s.ok);
}

/** A market digest builder over `options`. */
export function createMarket(options: MarketOptions): Market {
  const { kb, store, logger, timeZone, collect, sourcesId, refreshMs } = options;
  const collectionKey = `jobs:collection:${sourcesId}`;
  const seenKey = `jobs:seen:${sourcesId}`;
  let inFlight: Promise<Collection> | undefined;

  async function collection(now: Date, fresh: boolean, onCollect?: () => void): Promise<Collection> {
    if (!fresh) {
      const cached = await store.get<Collection>(collectionKey);
      const age = cached ? now.getTime() - Date.parse(cached.at) : Number.NaN;
      const fresh = typeof refreshMs === 'number' ? refreshMs : await refreshMs();
      if (cached && age >= 0 && age < fresh) return cached;
    }
    onCollect?.();
    // One fetch at a time per process: `/jobs` asked by many people at once must not hit every board each.
    inFlight ??= (async () => {
      const started = performance.now();
      const result = { at: now.toISOString(), ...(await collect(now)) };
      logger.info(
        {
          postings: result.postings.length,
          failed: result.sources.filter((s) => !s.ok).map((s) => s.id),
          ms: Math.round(performance.now() - started),
        },
        'job sources collected',
      );
      // A run that reached nothing is not this week's market: caching it would answer "no source answered"
      // for hours after the network is back. The next build simply tries again.
      if (!collectionFailed(result)) await store.set(collectionKey, result, 7 * DAY_MS);
      return result;
    })().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  /** Adds this collection's postings to the first-seen record and returns the merged map. */
  async function firstSeen(postings: readonly Posting[], now: Date): Promise<Map<string, string>> {
    return withLock(store, seenKey, async () => {
      const stored = (await store.get<Record<string, string>>(seenKey)) ?? {};
      const nowIso = now.toISOString();
      for (const p of postings) {
        const seen = stored[p.key];
        if (seen === undefined || seen > nowIso) stored[p.key] = nowIso;
      }
      for (const [key, at] of Object.entries(stored)) {
        if (now.getTime() - Date.parse(at) > KEEP_MS) delete stored[key];
      }
      await store.set(seenKey, stored);
      return new Map(Object.entries(stored));
    });
  }

  return {
    async build(now, { fresh = false, onCollect } = {}) {
      const got = await collection(now, fresh, onCollect);
      const { postings, sources } = got;
      const failed = collectionFailed(got);
      const seen = failed ? new Map<string, string>() : await firstSeen(postings, now);
      const week = isoWeek(now, timeZone).label;
      const previous = await store.get<MarketStats>(weekKey(previousWeek(now, timeZone).label));
      const stats = computeStats({ postings, sources, now, week, timeZone, firstSeen: seen, previous });
      // An empty week saved as the snapshot would make next week's comparison "+11, small base".
      if (!failed) await store.set(weekKey(week), stats, KEEP_MS);
      const notable = notablePostings(postings, now, seen);
      const reply = digestReply(kb, stats, notable, { collectedAt: got.at });
      return { stats, reply, notable, collectedAt: got.at, failed };
    },
  };
}
