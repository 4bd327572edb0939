/**
 * Turns a week's market figures into a platform-neutral `Reply`: the numbers, a short "what this
 * means" block that sets them beside the knowledge base's cited facts, and a few notable openings
 * with links and their source named (aggregators' terms ask for both).
 */
import { toReplyFact } from '../answers/compose.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import { literal } from '../literal.ts';
import type { Reply, ReplyFact } from '../types.ts';
import { AGGREGATOR_NAMES, footerLine } from './digest-footer.ts';
import { FAMILY_LABELS } from './families.ts';
import type { Posting, Salary } from './posting.ts';
import { type Change, isNew, type MarketStats, type SalaryGroup } from './stats.ts';
import { formatLocal } from './week.ts';

const NOTABLE = 5;

/** A short opening for the digest, picked by `notablePostings`. */
export type Notable = Pick<Posting, 'company' | 'title' | 'url' | 'remote' | 'employment' | 'salary' | 'sourceType'>;

/** Up to five openings: new ones first, stated pay preferred, one per company. */
export function notablePostings(postings: readonly Posting[], now: Date, firstSeen: ReadonlyMap<string, string>) {
  const ranked = postings
    .filter((p) => p.families.some((f) => f !== 'adjacent') && Date.parse(p.postedAt) <= now.getTime())
    .map((p) => ({ p, score: (isNew(p, now, firstSeen) ? 2 : 0) + (p.salary ? 1 : 0) }))
    .sort((a, b) => b.score - a.score || b.p.postedAt.localeCompare(a.p.postedAt));
  const companies = new Set<string>();
  const picked: Notable[] = [];
  for (const { p } of ranked) {
    const company = p.company.toLowerCase();
    if (companies.has(company)) continue;
    companies.add(company);
    const { title, url, remote, employment, salary, sourceType } = p;
    picked.push({ company: p.company, title, url, remote, employment, salary, sourceType });
    if (picked.length === NOTABLE) break;
  }
  return picked;
}

function money(value: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
  } catch {
    return `${Math.round(value).toLocaleString('en-US')} ${currency}`;
  }
}

function payText(salary: Salary): string {
  const unit = { hour: '/h', day: ' a day', week: ' a week', month: ' a month', year: ' a year' }[salary.period];
  const range =
    salary.min === salary.max
      ? money(salary.min, salary.currency)
      : `${money(salary.min, salary.currency)}–${money(salary.max, salary.currency)}`;
  return `${range}${unit}`;
}

function groupLine(group: SalaryGroup): string {
  const unit = group.kind === 'hourly' ? '/h' : ' a year';
  const kind = group.kind === 'hourly' ? 'Hourly' : 'Annual';
  const spread =
    group.min === group.max
      ? `all at ${money(group.min, group.currency)}`
      : group.n >= 4
        ? `middle half ${money(group.p25, group.currency)}–${money(group.p75, group.currency)}`
        : `range ${money(group.min, group.currency)}–${money(group.max, group.currency)}`;
  const wide = group.wide > 0 ? `; ${group.wide} with a very wide range` : '';
  return `• ${kind}, ${group.currency}: median ${money(group.median, group.currency)}${unit} (${spread}; ${group.n} posting${group.n === 1 ? '' : 's'}${wide})`;
}

function signed(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '±0';
}

function changeText(c: Change | undefined, label: string): string {
  if (!c) return '';
  const pct = c.pct === null ? (c.delta === 0 ? '' : ', small base') : `, ${signed(c.pct)}%`;
  return `${label} ${c.current} (${signed(c.delta)}${pct})`;
}

function notableLine(n: Notable): string {
  const mode = { remote: 'remote', hybrid: 'hybrid', onsite: 'on-site', unknown: '' }[n.remote];
  const kind = n.employment === 'contract' ? 'contract' : n.employment === 'part_time' ? 'part-time' : '';
  const details = [mode, kind, n.salary ? payText(n.salary) : ''].filter(Boolean).join(', ');
  const via = AGGREGATOR_NAMES[n.sourceType] ? ` · via ${AGGREGATOR_NAMES[n.sourceType]}` : '';
  // Company and title come from the boards: literal spans, so each platform shows them as typed, not as markup.
  return `• ${literal(n.company)}: ${literal(n.title)}${details ? ` (${details})` : ''}${via}\n  ${n.url}`;
}

/** Parses a figure like `$70,000–$200,000 a year` into its bounds. */
function figureRange(figure: string): [number, number] | undefined {
  const values = [...figure.matchAll(/\$([\d,]+)/g)].map((m) => Number((m[1] ?? '').replace(/,/g, '')));
  return values.length >= 2 ? [values[0] ?? 0, values[1] ?? 0] : undefined;
}

function meaning(kb: KnowledgeBase, stats: MarketStats): { lines: string[]; facts: ReplyFact[] } {
  const lines: string[] = [];
  const facts: ReplyFact[] = [];
  const cite = (ref: string) => {
    const found = kb.fact(ref);
    if (!found) return undefined;
    facts.push(toReplyFact(kb, found.entry, found.fact));
    return found.fact;
  };
  const annualUsd = stats.salaries.find((g) => g.kind === 'annual' && g.currency === 'USD');
  const listings = cite('compensation/listings-range');
  const range = listings ? figureRange(listings.figure) : undefined;
  if (annualUsd && listings && range) {
    const where = annualUsd.median < range[0] ? 'below' : annualUsd.median > range[1] ? 'above' : 'inside';
    lines.push(
      `The median stated salary this week, ${money(annualUsd.median, 'USD')} a year, sits ${where} the ${listings.figure} range the article found in job listings.`,
    );
  }
  const contracts = stats.employment.contract;
  const length = cite('employment/contract-length');
  if (length && stats.total > 0) {
    lines.push(
      `${contracts} of ${stats.total} open roles ${contracts === 1 ? 'is a contract' : 'are contracts'}; the article saw prompt-engineering contracts running ${length.figure}, so check the length before you plan around one.`,
    );
  }
  const hourly = stats.salaries.find((g) => g.kind === 'hourly' && g.currency === 'USD');
  const gigs = cite('compensation/fiverr-low');
  if (hourly && gigs) {
    lines.push(
      `Hourly AI-training and evaluation work pays a median ${money(hourly.median, 'USD')}/h in these postings; freelance prompt gigs start ${gigs.figure}.`,
    );
  }
  return { lines, facts };
}

/**
 * The weekly digest as a reply. `notable` comes from `notablePostings`; `collectedAt` is when the postings
 * were fetched, so a reused collection says its age.
 */
export function digestReply(
  kb: KnowledgeBase,
  stats: MarketStats,
  notable: readonly Notable[],
  { collectedAt }: { collectedAt?: string } = {},
): Reply {
  const families = (
    ['prompt_engineering', 'ai_training', 'llm_evaluation', 'conversation_design', 'ai_content'] as const
  )
    .map((f) => `${FAMILY_LABELS[f]} ${stats.byFamily[f].open} (${stats.byFamily[f].new} new)`)
    .join(' · ');
  const { share, hybrid, onsite, remote } = stats.remoteShare;
  const body: string[] = [
    `*At a glance*, seven days to ${formatLocal(new Date(stats.window.to), stats.timeZone)}`,
    `• ${stats.total} open roles at ${stats.companies.count} companies; ${stats.new} new this week`,
    `• ${families}`,
    `• Adjacent roles (${FAMILY_LABELS.adjacent}): ${stats.byFamily.adjacent.open} open, not counted above`,
  ];
  if (share !== null) {
    body.push(
      `• Remote: ${Math.round(share * 100)}% of ${remote + hybrid + onsite} company-board roles that state a work mode (hybrid ${hybrid}, on-site ${onsite})`,
    );
  }
  if (stats.companies.top.length > 0) {
    body.push(`• Hiring most: ${stats.companies.top.map((c) => `${literal(c.name)} (${c.open})`).join(', ')}`);
  }
  body.push('', '*Pay stated in postings* (nothing is estimated where a posting names no pay)');
  const stated = stats.salaries.reduce((sum, g) => sum + g.n, 0);
  body.push(...stats.salaries.map(groupLine), `• No pay stated: ${stats.total - stated} roles`);
  if (stats.previousWeek) {
    const by = (metric: string) => stats.changes.find((c) => c.metric === metric);
    const parts = [
      changeText(by('open'), 'Open'),
      changeText(by('new'), 'New'),
      changeText(by('companies'), 'Companies'),
    ];
    body.push('', `*Since last week* (${stats.previousWeek})`, `• ${parts.filter(Boolean).join(' · ')}`);
  } else {
    body.push('', '*Since last week*: no snapshot of last week yet, so no comparison this time.');
  }
  const { lines, facts } = meaning(kb, stats);
  if (lines.length > 0) body.push('', '*What this means*', ...lines.map((line) => `• ${line}`));
  if (notable.length > 0) body.push('', '*Notable openings*', ...notable.map(notableLine));
  return {
    kind: 'answer',
    title: `AI-interaction jobs, week ${stats.week}`,
    body: body.join('\n'),
    facts,
    advice: [],
    choices: [],
    entryIds: ['jobs', ...new Set(facts.map((f) => f.ref.split('/')[0] ?? ''))],
    footer: footerLine(stats, notable, collectedAt),
  };
}
