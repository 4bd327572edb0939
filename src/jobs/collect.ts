/**
 * One collection run over the curated sources: fetch each (a few at a time), normalise, dedupe, and say per
 * source what happened. A source that is down, slow, rate-limited or returns something odd is reported with a
 * short reason and never stops the others.
 */
import PQueue from 'p-queue';
import type { Logger } from '../logger.ts';
import { dedupePostings } from './dedupe.ts';
import { createHttp, FetchError, type Http, type RetryPolicy } from './fetch.ts';
import type { Posting, SourceType } from './posting.ts';
import { cleanText, FIELD_LIMITS } from './sources/clean.ts';
import { type ParseTally, ShapeError, SOURCE_MODULES } from './sources/registry.ts';
import type { JobSource } from './sources-file.ts';

/** Options for a collection run. */
export interface CollectOptions {
  /** The run's clock: postings dated after it are held back, and reports are stamped with it. */
  now: Date;
  logger: Logger;
  /** Per-request timeout (default 15 s). */
  timeoutMs?: number;
  /** Sources fetched at once (default 4). */
  concurrency?: number;
  retry?: RetryPolicy;
  /** Sources to leave out of this run, e.g. fetched too recently for their terms (`MIN_REFRESH_MS`). */
  skip?: (source: JobSource) => boolean;
  /** Lever page size (default 100); tests use a small one to exercise paging. */
  pageSize?: number;
  /** A ready client; by default one is built from the options above. Entries with `timeoutSeconds` get their own. */
  http?: Http;
}

/** What happened to one source in a run. */
export interface SourceReport {
  id: string;
  type: SourceType;
  company?: string;
  ok: boolean;
  /** In-scope postings it returned, before cross-source dedupe. */
  count: number;
  /** Jobs in its payload, in scope or not. */
  total?: number;
  /** In-scope jobs skipped as malformed, or held back as dated in the future. */
  malformed?: number;
  future?: number;
  /** Short reason when `ok` is false: "HTTP 404", "timed out after 15 s", "not JSON (text/html)"… */
  error?: string;
  /** Name the digest must credit (with a link back) for items from this source, when its terms require it. */
  attribution?: string;
  /** Left out by `skip`; nothing was fetched. */
  skipped?: boolean;
  fetchedAt: string;
}

/** In-scope, deduped postings and one report per source, in the order the sources were given. */
export interface Collection {
  postings: Posting[];
  sources: SourceReport[];
}

/** Fetches and normalises one source; never throws (failures come back in the report). */
export async function fetchSource(
  source: JobSource,
  options: CollectOptions,
): Promise<{ postings: Posting[]; report: SourceReport }> {
  const module = SOURCE_MODULES[source.type];
  const http =
    source.timeoutSeconds !== undefined
      ? createHttp({ timeoutMs: source.timeoutSeconds * 1000, retry: options.retry })
      : (options.http ?? createHttp({ timeoutMs: options.timeoutMs, retry: options.retry }));
  const report: SourceReport = {
    id: source.id,
    type: source.type,
    ...(source.company && { company: source.company }),
    ok: false,
    count: 0,
    ...(module.attribution.required && { attribution: module.attribution.name }),
    fetchedAt: options.now.toISOString(),
  };
  try {
    const payload = await module.fetch(source, (url) => http.getJson(url), { pageSize: options.pageSize });
    const { postings, tally } = module.parse(source, payload, options.now);
    options.logger.info({ source: source.id, count: postings.length, ...tally }, 'job source read');
    return { postings, report: { ...report, ok: true, count: postings.length, ...counts(tally) } };
  } catch (error) {
    const reason = describeFailure(error);
    // One warning per collection (below) is enough; each source's reason is in its report and here at info.
    options.logger.info({ source: source.id, reason }, 'job source failed');
    return { postings: [], report: { ...report, error: reason } };
  }
}

function counts(tally: ParseTally): Pick<SourceReport, 'total' | 'malformed' | 'future'> {
  return {
    total: tally.total,
    ...(tally.malformed > 0 && { malformed: tally.malformed }),
    ...(tally.future > 0 && { future: tally.future }),
  };
}

/** A short reason for the digest's footer; it can quote the board's own words, so it is cleaned like them. */
function describeFailure(error: unknown): string {
  if (error instanceof FetchError || error instanceof ShapeError) return cleanText(error.reason, FIELD_LIMITS.reason);
  // A parser bug on one odd payload must not take the run down; the message still says what broke.
  const detail = error instanceof Error ? error.message : String(error);
  return cleanText(`could not read the payload (${detail})`, FIELD_LIMITS.reason);
}

/** Collects every source (skipping those `skip` names), isolating failures, and dedupes across sources. */
export async function collectPostings(sources: readonly JobSource[], options: CollectOptions): Promise<Collection> {
  const http = options.http ?? createHttp({ timeoutMs: options.timeoutMs, retry: options.retry });
  const queue = new PQueue({ concurrency: options.concurrency ?? 4 });
  const results = await Promise.all(
    sources.map((source) => {
      if (options.skip?.(source)) {
        const report: SourceReport = {
          id: source.id,
          type: source.type,
          ...(source.company && { company: source.company }),
          ok: true,
          count: 0,
          skipped: true,
          fetchedAt: options.now.toISOString(),
        };
        return { postings: [] as Posting[], report };
      }
      return queue.add(() => fetchSource(source, { ...options, http }));
    }),
  );
  const postings = dedupePostings(results.flatMap((r) => r.postings));
  const reports = results.map((r) => r.report);
  const failed = reports.filter((r) => !r.ok).length;
  const summary = { sources: reports.length, failed, postings: postings.length };
  if (failed > 0) {
    const reasons = reports.filter((r) => !r.ok).map((r) => `${r.id}: ${r.error}`);
    options.logger.warn({ ...summary, reasons }, 'job collection done with failed sources');
  } else {
    options.logger.info(summary, 'job collection done');
  }
  return { postings, sources: reports };
}
