/**
 * Readers for the fields every source words differently: dates (epoch seconds or ms, ISO with or without a
 * zone), work mode, employment type, plus small helpers for raw JSON and URLs.
 */
import type { EmploymentType, RemoteMode } from '../posting.ts';

/** Clock skew tolerated before a future date counts as scheduled publishing. */
export const FUTURE_SKEW_MS = 10 * 60 * 1000;

/**
 * A posting dated after `now` is held back (undefined) rather than clamped: clamping would report a scheduled
 * posting as new in this run's week. Within `FUTURE_SKEW_MS` it is taken as clock skew and clamped to `now`.
 */
export function placeInTime(iso: string, nowMs: number): string | undefined {
  const t = Date.parse(iso);
  if (t <= nowMs) return iso;
  return t - nowMs <= FUTURE_SKEW_MS ? new Date(nowMs).toISOString() : undefined;
}

/**
 * Any source date as a UTC ISO string: epoch seconds or milliseconds, ISO with an offset, or a naive ISO
 * time (Remotive), which is read as UTC.
 */
export function toUtcIso(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value > 0) {
    // 1e12 ms is September 2001; no epoch-seconds value gets there before the year 33000.
    return new Date(value < 1e12 ? value * 1000 : value).toISOString();
  }
  if (typeof value !== 'string' || !value.trim()) return undefined;
  if (/^\d+$/.test(value.trim())) return toUtcIso(Number(value));
  let s = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2');
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) s += 'T00:00:00Z';
  else if (!/(z|[+-]\d{2}:?\d{2})$/i.test(s)) s += 'Z';
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** A source's own workplace field (`Remote`, `on-site`, `OnSite`…); undefined when unstated. */
export function modeFrom(value: unknown): RemoteMode | undefined {
  const v = typeof value === 'string' ? value.toLowerCase().replace(/[^a-z]/g, '') : '';
  if (v === 'remote') return 'remote';
  if (v === 'hybrid') return 'hybrid';
  if (v === 'onsite' || v === 'inoffice' || v === 'office') return 'onsite';
  return undefined;
}

/** Work mode inferred from location text: a named place with no remote or hybrid word reads as on-site. */
export function remoteFromText(text: string): RemoteMode {
  const t = text.toLowerCase();
  if (!t.trim()) return 'unknown';
  if (/\bhybrid\b/.test(t)) return 'hybrid';
  if (/\bremote\b|\banywhere\b|\bworldwide\b|work from home|\bwfh\b/.test(t)) return 'remote';
  return 'onsite';
}

/** Folds any source's employment wording (`FullTime`, `Contractor`, `part_time`, `Intern`) into a few types. */
export function employmentFrom(value: unknown): EmploymentType {
  const v = typeof value === 'string' ? value.toLowerCase() : '';
  if (/intern/.test(v)) return 'internship';
  if (/contract|freelanc|temporary|\btemp\b|gig/.test(v)) return 'contract';
  if (/part/.test(v)) return 'part_time';
  if (/full|permanent/.test(v)) return 'full_time';
  return 'unknown';
}

/** The first non-empty string among the candidates. */
export function firstText(...values: unknown[]): string | undefined {
  for (const v of values) if (typeof v === 'string' && v.trim()) return v.trim();
  return undefined;
}

/** The strings in a raw array field (tags, categories), ignoring anything else. */
export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Sets (or replaces) query parameters on a URL. */
export function withParams(url: string, params: Record<string, string | undefined>): string {
  const u = new URL(url);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) u.searchParams.set(key, value);
  return u.toString();
}
