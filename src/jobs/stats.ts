/**
 * Weekly market figures from normalised postings: open and new roles per family, companies hiring,
 * remote share, stated pay per currency and period, and the change since the previous week's
 * snapshot. Pure functions over arrays, so the benchmark and the tests can run them without I/O.
 */
import { type EmploymentType, type FamilyId, type Posting, ROLE_FAMILIES, type SourceType } from './posting.ts';

/** Per-source health as the digest reports it. */
export interface SourceHealth {
  id: string;
  ok: boolean;
  count: number;
  error?: string;
}

/** Pay for one currency and kind: annual salaries and hourly contract pay are never mixed. */
export interface SalaryGroup {
  kind: 'annual' | 'hourly';
  currency: string;
  /** Postings with a stated range. */
  n: number;
  /** Median, quartiles and extremes of the ranges' midpoints. */
  median: number;
  p25: number;
  p75: number;
  min: number;
  max: number;
  /** Ranges whose top is more than 2.5 times their bottom: shown, but worth a caveat. */
  wide: number;
}

/** One week-over-week comparison; `pct` is null when last week's base is too small to mean much. */
export interface Change {
  metric: string;
  current: number;
  previous: number;
  delta: number;
  pct: number | null;
}

/** The digest's figures for one ISO week (the `--json` output). */
export interface MarketStats {
  week: string;
  generatedAt: string;
  timeZone: string;
  /** The seven days whose first postings count as new. */
  window: { from: string; to: string };
  total: number;
  new: number;
  byFamily: Record<FamilyId, { open: number; new: number }>;
  companies: { count: number; top: { name: string; open: number }[] };
  remoteShare: {
    share: number | null;
    remote: number;
    hybrid: number;
    onsite: number;
    unknown: number;
    /** Aggregator postings are all remote by construction, so the share is over company boards only. */
    basis: string;
  };
  employment: Record<EmploymentType, number>;
  salaries: SalaryGroup[];
  sources: SourceHealth[];
  previousWeek: string | null;
  changes: Change[];
}

/** Below this, last week's figure is too small a base for a percentage. */
export const MIN_PCT_BASE = 5;
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const ATS_TYPES: ReadonlySet<SourceType> = new Set(['greenhouse', 'lever', 'ashby']);
const ANNUAL_FACTOR = { year: 1, month: 12, week: 52, day: 260 } as const;

/** Inputs to `computeStats`. `firstSeen` maps posting keys to when careerbot first saw them. */
export interface StatsInput {
  postings: readonly Posting[];
  sources: readonly SourceHealth[];
  now: Date;
  week: string;
  timeZone: string;
  firstSeen: ReadonlyMap<string, string>;
  previous?: MarketStats;
}

/** Postings in a family that the digest counts (`adjacent` alone is reported, not counted). */
export function inScope(posting: Posting): boolean {
  return posting.families.some((f) => f !== 'adjacent');
}

/**
 * New = first posted within the seven days before `now`, and not already seen before that window: a
 * re-posted or re-dated old job does not count again.
 */
export function isNew(posting: Posting, now: Date, firstSeen: ReadonlyMap<string, string>): boolean {
  const from = now.getTime() - WEEK_MS;
  const posted = Date.parse(posting.postedAt);
  if (!(posted >= from && posted <= now.getTime())) return false;
  const seen = firstSeen.get(posting.key);
  return seen === undefined || Date.parse(seen) >= from - 24 * 60 * 60 * 1000;
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] ?? 0;
  const b = sorted[hi] ?? a;
  return Math.round(a + (b - a) * (pos - lo));
}

/** Groups stated pay by kind and currency; hourly pay stays hourly, other periods are annualised. */
export function salaryGroups(postings: readonly Posting[]): SalaryGroup[] {
  const groups = new Map<string, { kind: SalaryGroup['kind']; currency: string; mids: number[]; wide: number }>();
  for (const { salary } of postings) {
    if (!salary || !(salary.min > 0) || !(salary.max >= salary.min)) continue;
    const kind = salary.period === 'hour' ? 'hourly' : 'annual';
    const factor = salary.period === 'hour' ? 1 : ANNUAL_FACTOR[salary.period];
    const id = `${kind}:${salary.currency}`;
    const group = groups.get(id) ?? { kind, currency: salary.currency, mids: [], wide: 0 };
    group.mids.push(((salary.min + salary.max) / 2) * factor);
    if (salary.max > salary.min * 2.5) group.wide += 1;
    groups.set(id, group);
  }
  return [...groups.values()]
    .map(({ kind, currency, mids, wide }) => {
      const sorted = mids.sort((a, b) => a - b);
      return {
        kind,
        currency,
        n: sorted.length,
        median: quantile(sorted, 0.5),
        p25: quantile(sorted, 0.25),
        p75: quantile(sorted, 0.75),
        min: Math.round(sorted[0] ?? 0),
        max: Math.round(sorted.at(-1) ?? 0),
        wide,
      };
    })
    .sort((a, b) => a.kind.localeCompare(b.kind) || b.n - a.n || a.currency.localeCompare(b.currency));
}

function change(metric: string, current: number, previous: number): Change {
  const delta = current - previous;
  const pct = previous >= MIN_PCT_BASE ? Math.round((delta / previous) * 100) : null;
  return { metric, current, previous, delta, pct };
}

function changes(stats: Omit<MarketStats, 'changes' | 'previousWeek'>, previous: MarketStats): Change[] {
  const list = [
    change('open', stats.total, previous.total),
    change('new', stats.new, previous.new),
    change('companies', stats.companies.count, previous.companies.count),
  ];
  for (const family of [...ROLE_FAMILIES, 'adjacent'] as const) {
    list.push(change(`${family}.open`, stats.byFamily[family].open, previous.byFamily[family]?.open ?? 0));
  }
  return list;
}

/** Computes the week's figures over deduplicated postings. */
export function computeStats(input: StatsInput): MarketStats {
  const { postings, now, firstSeen } = input;
  const byFamily = Object.fromEntries(
    [...ROLE_FAMILIES, 'adjacent'].map((f) => [f, { open: 0, new: 0 }]),
  ) as MarketStats['byFamily'];
  const employment: MarketStats['employment'] = { full_time: 0, part_time: 0, contract: 0, internship: 0, unknown: 0 };
  const remote = { remote: 0, hybrid: 0, onsite: 0, unknown: 0 };
  const companies = new Map<string, { name: string; open: number }>();
  const counted: Posting[] = [];
  let fresh = 0;
  for (const posting of postings) {
    if (Date.parse(posting.postedAt) > now.getTime()) continue;
    const isFresh = isNew(posting, now, firstSeen);
    for (const family of posting.families) {
      byFamily[family].open += 1;
      if (isFresh) byFamily[family].new += 1;
    }
    if (!inScope(posting)) continue;
    counted.push(posting);
    if (isFresh) fresh += 1;
    employment[posting.employment] += 1;
    if (ATS_TYPES.has(posting.sourceType)) remote[posting.remote] += 1;
    const companyKey = posting.company.trim().toLowerCase();
    const company = companies.get(companyKey) ?? { name: posting.company.trim(), open: 0 };
    company.open += 1;
    companies.set(companyKey, company);
  }
  const known = remote.remote + remote.hybrid + remote.onsite;
  const base = {
    week: input.week,
    generatedAt: now.toISOString(),
    timeZone: input.timeZone,
    window: { from: new Date(now.getTime() - WEEK_MS).toISOString(), to: now.toISOString() },
    total: counted.length,
    new: fresh,
    byFamily,
    companies: {
      count: companies.size,
      top: [...companies.values()].sort((a, b) => b.open - a.open || a.name.localeCompare(b.name)).slice(0, 5),
    },
    remoteShare: {
      share: known > 0 ? Math.round((remote.remote / known) * 1000) / 1000 : null,
      ...remote,
      basis: 'company job boards (Greenhouse, Lever, Ashby) with a stated work mode',
    },
    employment,
    salaries: salaryGroups(counted),
    sources: input.sources.map(({ id, ok, count, error }) => ({ id, ok, count, ...(error ? { error } : {}) })),
  };
  const { previous } = input;
  return {
    ...base,
    previousWeek: previous?.week ?? null,
    changes: previous ? changes(base, previous) : [],
  };
}
