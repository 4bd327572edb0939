/**
 * Merges one job listed by several sources (an ATS board and the aggregators that re-list it) and the several
 * Greenhouse posts of one job. Matching runs in the order the job-sources note gives: the ATS-native key, then a
 * canonical URL, then company and title within 14 days. Every step is a map lookup, so a run is linear.
 */
import type { Posting, Salary, SourceType } from './posting.ts';

const ATS: ReadonlySet<SourceType> = new Set(['greenhouse', 'lever', 'ashby']);
const FUZZY_WINDOW_MS = 14 * 24 * 3600 * 1000;
const TRACKING = /^(utm_.*|gh_src|lever-source)$/i;

/** True for sources that are an employer's own board (their record wins a merge). */
export function isAtsSource(type: SourceType): boolean {
  return ATS.has(type);
}

/** A URL reduced to what identifies the posting: no scheme, fragment, tracking parameters or `/apply` suffix. */
export function canonicalUrl(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  // Greenhouse serves the same post on its old and new board hosts.
  const host = u.hostname.replace(/^www\./, '').replace(/^boards\.greenhouse\.io$/, 'job-boards.greenhouse.io');
  const path = u.pathname.replace(/\/(apply|application)\/?$/i, '').replace(/\/+$/, '');
  return `${host}${path}${u.search}`;
}

// Boards and aggregators name one employer differently ("SpaceXAI" on xAI's own board).
const COMPANY_ALIASES: Readonly<Record<string, string>> = { spacexai: 'xai' };
const COMPANY_SUFFIX = /\s+(inc|llc|ltd|limited|corp|corporation|co|gmbh|sa|plc|technologies|technology|labs|ai|hq)$/;
const TITLE_NOISE =
  /\b(senior|sr|junior|jr|lead|staff|principal|i|ii|iii|remote|hybrid|contract|contractor|freelance|part time|full time|temporary)\b/g;

/** Company and title reduced for fuzzy matching: legal suffixes, seniority, bracketed notes and work modes dropped. */
export function fuzzyName(company: string, title: string): string {
  let c = company
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  for (let prev = ''; prev !== c; ) {
    prev = c;
    c = c.replace(COMPANY_SUFFIX, '');
  }
  c = c.replace(/ /g, '');
  c = COMPANY_ALIASES[c] ?? c;
  const t = title
    .toLowerCase()
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(TITLE_NOISE, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return `${c}|${t}`;
}

interface Group {
  best: Posting;
  time: number;
  seenIn: string[];
  salary?: Salary;
}

/**
 * One record per job, in first-seen order with ATS records first. A merged record is the ATS version (the earliest
 * post among an ATS job's posts), lists every source in `seenIn`, and borrows a stated salary only if it has none.
 */
export function dedupePostings(postings: readonly Posting[]): Posting[] {
  const byKey = new Map<string, Group>();
  const byUrl = new Map<string, Group>();
  const byName = new Map<string, Group[]>();
  const groups: Group[] = [];
  const add = (p: Posting) => {
    const urls = [p.url, ...(p.alsoAt ?? [])].map(canonicalUrl).filter((u): u is string => u !== undefined);
    const name = fuzzyName(p.company, p.title);
    const time = Date.parse(p.postedAt);
    let group = byKey.get(p.key);
    for (const url of urls) group ??= byUrl.get(url);
    group ??= byName.get(name)?.find((g) => Math.abs(g.time - time) <= FUZZY_WINDOW_MS);
    if (group) merge(group, p, time);
    else {
      group = { best: p, time, seenIn: [...p.seenIn], salary: p.salary };
      groups.push(group);
    }
    if (!byKey.has(p.key)) byKey.set(p.key, group);
    for (const url of urls) if (!byUrl.has(url)) byUrl.set(url, group);
    const named = byName.get(name);
    if (!named) byName.set(name, [group]);
    else if (!named.includes(group)) named.push(group);
  };
  for (const p of postings) if (ATS.has(p.sourceType)) add(p);
  for (const p of postings) if (!ATS.has(p.sourceType)) add(p);
  return groups.map(({ best, seenIn, salary }) => {
    const merged: Posting = { ...best, seenIn: [best.source, ...seenIn.filter((s) => s !== best.source)] };
    if (!merged.salary && salary) merged.salary = salary;
    return merged;
  });
}

function merge(group: Group, p: Posting, time: number): void {
  for (const source of p.seenIn.length > 0 ? p.seenIn : [p.source]) {
    if (!group.seenIn.includes(source)) group.seenIn.push(source);
  }
  group.salary ??= p.salary;
  const sameTier = ATS.has(p.sourceType) === ATS.has(group.best.sourceType);
  if (sameTier && time < group.time) {
    group.best = p;
    group.time = time;
  }
}
