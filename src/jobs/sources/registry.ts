/**
 * The source types careerbot reads, listed explicitly (no discovery), and the pure entry point that turns one
 * fetched payload into in-scope postings. Terms per type (refresh interval, attribution) live with each module.
 */
import type { Posting, SourceType } from '../posting.ts';
import type { JobSource } from '../sources-file.ts';
import { ashby } from './ashby.ts';
import type { Attribution, ParseResult, SourceModule } from './common.ts';
import { greenhouse } from './greenhouse.ts';
import { himalayas } from './himalayas.ts';
import { lever } from './lever.ts';
import { remotive } from './remotive.ts';

export type { Attribution, ParseResult, ParseTally, SourceModule } from './common.ts';
export { ShapeError } from './common.ts';

/** Every supported source type's module. */
export const SOURCE_MODULES: Readonly<Record<SourceType, SourceModule>> = {
  greenhouse,
  lever,
  ashby,
  remotive,
  himalayas,
};

/** Shortest interval between two fetches of one entry, per type; the scheduler enforces it (Remotive: 6 h). */
export const MIN_REFRESH_MS: Readonly<Record<SourceType, number>> = Object.fromEntries(
  Object.values(SOURCE_MODULES).map((m) => [m.type, m.minRefreshMs]),
) as Record<SourceType, number>;

/** Whom a digest item from each type must name and link back to (`required` when the terms demand it). */
export const ATTRIBUTION: Readonly<Record<SourceType, Attribution>> = Object.fromEntries(
  Object.values(SOURCE_MODULES).map((m) => [m.type, m.attribution]),
) as Record<SourceType, Attribution>;

/** Calls a day a source's terms allow in total, across all entries of that type (Remotive: "max. 4 times a day"). */
export const DAILY_CALL_LIMIT: Readonly<Partial<Record<SourceType, number>>> = { remotive: 4 };

/**
 * How long the caller must wait between two fetches of `source`: the type's minimum, stretched so that all
 * entries of a type with a daily budget stay within it (two Remotive entries: every 12 h each).
 */
export function refreshIntervalMs(source: JobSource, all: readonly JobSource[]): number {
  const base = MIN_REFRESH_MS[source.type];
  const budget = DAILY_CALL_LIMIT[source.type];
  if (!budget) return base;
  const entries = Math.max(1, all.filter((s) => s.type === source.type).length);
  return Math.max(base, Math.ceil((24 * 3600 * 1000 * entries) / budget));
}

/** Normalises a parsed payload for one entry, with counts of what was skipped; no I/O. Throws `ShapeError`. */
export function parsePayload(source: JobSource, payload: unknown, now: Date): ParseResult {
  return SOURCE_MODULES[source.type].parse(source, payload, now);
}

/** In-scope postings (non-empty `families`) from one entry's payload, not yet deduped; no I/O. */
export function normalise(source: JobSource, payload: unknown, now: Date): Posting[] {
  return parsePayload(source, payload, now).postings;
}
