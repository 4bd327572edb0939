/**
 * How old a figure is. An `asOf` of "2023" or "2023-06" is read as its last day, so a figure is only
 * called stale once it is certainly older than the limit.
 */

/** Figures older than this many months are said to be out of date. */
export const STALE_MONTHS = 24;

/** The last day an `asOf` (YYYY, YYYY-MM or YYYY-MM-DD) can mean, in UTC. */
export function asOfEnd(asOf: string): Date {
  const [y = 0, m, d] = asOf.split('-').map(Number);
  if (d !== undefined && m !== undefined) return new Date(Date.UTC(y, m - 1, d));
  if (m !== undefined) return new Date(Date.UTC(y, m, 0));
  return new Date(Date.UTC(y, 11, 31));
}

/** True when the figure dated `asOf` is more than `STALE_MONTHS` months before `now`. */
export function isStale(asOf: string, now: Date): boolean {
  const limit = new Date(now);
  limit.setUTCMonth(limit.getUTCMonth() - STALE_MONTHS);
  return asOfEnd(asOf) < limit;
}

/** "These figures are from 2023; the market has changed since." for a set of stale dates. */
export function staleNotice(asOfs: readonly string[]): string | undefined {
  const years = [...new Set(asOfs.map((a) => a.slice(0, 4)))].sort();
  if (years.length === 0) return undefined;
  const when = years.length === 1 ? years[0] : `${years[0]}–${years.at(-1)}`;
  return `These figures are from ${when}; the market has changed since.`;
}

/** True when an entry's `reviewBy` date has passed at `now`. */
export function reviewDue(reviewBy: string | undefined, now: Date): boolean {
  return reviewBy !== undefined && asOfEnd(reviewBy) < now;
}
