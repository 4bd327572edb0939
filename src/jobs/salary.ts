/**
 * Pay as postings state it. Structured fields (Lever `salaryRange`, Ashby `summaryComponents`, Himalayas
 * `minSalary`) map straight onto `Salary`; free text ("$45-$120/hour", "€75k–110k") goes through a small
 * hand-written parser, because no maintained library parses free-text pay ranges. Nothing here guesses:
 * no currency, no number or an unknowable period means no salary.
 */
import type { PayPeriod, Salary } from './posting.ts';

/** Builds a structured salary; undefined unless a positive amount, a currency and a period are all known. */
export function structuredSalary(
  min: number | null | undefined,
  max: number | null | undefined,
  currency: string | null | undefined,
  period: PayPeriod | undefined,
): Salary | undefined {
  const lo = positive(min) ?? positive(max);
  const hi = positive(max) ?? lo;
  const code = currency?.trim().toUpperCase();
  if (lo === undefined || hi === undefined || !period || !code || !/^[A-Z]{3}$/.test(code)) return undefined;
  return { min: Math.min(lo, hi), max: Math.max(lo, hi), currency: code, period, from: 'structured' };
}

function positive(value: number | null | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Reads a period name from any source's vocabulary: `per-hour-wage`, `1 YEAR`, `hourly`, `annual`, `bi-week-salary`… */
export function periodFrom(value: string | null | undefined): PayPeriod | undefined {
  const v = value?.toLowerCase() ?? '';
  // Lever's bi-weekly interval has no PayPeriod of its own; callers convert its amounts to weekly.
  if (/hour/.test(v)) return 'hour';
  if (/\bday|daily/.test(v)) return 'day';
  if (/week/.test(v)) return 'week';
  if (/month/.test(v)) return 'month';
  if (/year|annual|annum/.test(v)) return 'year';
  return undefined;
}

const SYMBOLS: Readonly<Record<string, string>> = {
  $: 'USD',
  us$: 'USD',
  c$: 'CAD',
  ca$: 'CAD',
  a$: 'AUD',
  au$: 'AUD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
};
const CODES = 'USD|EUR|GBP|CAD|AUD|INR|CHF|SGD|NZD|SEK|NOK|DKK|PLN|JPY|BRL|MXN';
// US grouping ("180,000"), European grouping ("75.000"), or a plain number ("45.50").
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d)|\d+(?:\.\d+)?`;
const SYMBOL = String.raw`(?:us\$|ca?\$|au?\$|[$€£₹])`;
const CURRENCY = String.raw`(?:(?<sym>${SYMBOL})|(?<code>${CODES})\b)`;
// Ranges are read only where a currency mark is: scanning every digit of a long description is what costs.
// Upper-case codes only, so the scan can skip every lower-case letter cheaply.
const MARKER = new RegExp(String.raw`[$€£₹]|\b(?:${CODES})\b`, 'g');
const SYMBOL_PREFIX = /(?:us|ca?|au?)$/i;
// Mark first: "$45-$120", "USD 120,000 - 150,000", "$150 - 210K USD".
const LEADING = new RegExp(
  String.raw`(?<sym1>${SYMBOL})?\s*(?<code1>${CODES})?\s*(?<n1>${NUMBER})\s*(?<k1>k\b)?` +
    String.raw`(?:\s*(?:-|–|—|to)\s*(?<sym2>${SYMBOL})?\s*(?<n2>${NUMBER})\s*(?<k2>k\b)?)?` +
    String.raw`(?:\s*(?<code2>${CODES})\b)?`,
  'iy',
);
// Mark after the numbers: "120,000 - 150,000 EUR", "45 € - 60 €".
const NUMBERS_BEFORE = new RegExp(
  String.raw`(?:${NUMBER})\s*(?:k\b)?\s*(?:(?:-|–|—|to)\s*(?:${NUMBER})\s*(?:k\b)?\s*)?$`,
  'i',
);
const TRAILING = new RegExp(
  String.raw`(?<n1>${NUMBER})\s*(?<k1>k\b)?\s*${CURRENCY.replace('<sym>', '<sym1>').replace('<code>', '<code1>')}?` +
    String.raw`(?:\s*(?:-|–|—|to)\s*(?<n2>${NUMBER})\s*(?<k2>k\b)?\s*${CURRENCY.replace('<sym>', '<sym2>').replace('<code>', '<code2>')}?)?`,
  'iy',
);

interface Found {
  start: number;
  end: number;
  groups: Record<string, string | undefined>;
}

/** The range at a currency mark: numbers after it, or failing that, numbers just before it. */
function rangeAt(text: string, at: number): Found | undefined {
  // "CA$90,000": the letters before the sign belong to it.
  const mark = text[at] === '$' ? at - (SYMBOL_PREFIX.exec(text.slice(Math.max(0, at - 2), at))?.[0].length ?? 0) : at;
  LEADING.lastIndex = mark;
  const lead = LEADING.exec(text);
  if (lead) return { start: mark, end: mark + lead[0].length, groups: lead.groups ?? {} };
  const head = text.slice(Math.max(0, mark - 40), mark);
  const before = NUMBERS_BEFORE.exec(head);
  if (!before) return undefined;
  const start = mark - head.length + before.index;
  TRAILING.lastIndex = start;
  const trail = TRAILING.exec(text);
  return trail ? { start, end: start + trail[0].length, groups: trail.groups ?? {} } : undefined;
}

// Amounts that are not base pay: "$5,000 signing bonus", "OTE $200k", "a $500 stipend".
const NOT_PAY_AFTER =
  /^\s*(?:(?:in|of|one[- ]time|annual|yearly)\s+)?(bonus|equity|commission|stock|rsus?|sign[- ]?on|signing|relocation|stipend|allowance|budget|ote|m|mm|b|bn|million|billion)\b|^\s*\+?\s*(?:in\s+)?(funding|raised|valuation|revenue|arr)\b/i;
const NOT_PAY_BEFORE =
  /\b(bonus|commission|stipend|budget|allowance|ote|on[- ]target earnings|raised|funding|valuation|revenue)\b[^.;\n$€£₹]{0,20}$/i;
const PERIOD_AFTER =
  /^[^.;\n]{0,12}?(?:\/\s*|\bper\s+|\ban?\s+|\beach\s+)(hour|hr|h|day|week|wk|month|mo|year|yr|annum)\b|^[^.;\n]{0,12}?\b(hourly|daily|weekly|monthly|annually|annual|yearly|p\.?a)\b/i;
const PERIOD_BEFORE = /\b(hourly|daily|weekly|monthly|annual|yearly)\b[^.;\n]{0,30}$/i;

/** Parses the first stated pay range in free text; undefined when none is stated plainly enough. */
export function parseSalaryText(text: string | null | undefined): Salary | undefined {
  if (!text) return undefined;
  MARKER.lastIndex = 0;
  for (let mark = MARKER.exec(text); mark; mark = MARKER.exec(text)) {
    const found = rangeAt(text, mark.index);
    if (!found) continue;
    MARKER.lastIndex = Math.max(MARKER.lastIndex, found.end);
    const g = found.groups;
    const currency = currencyOf(g.sym1 ?? g.sym2, g.code1 ?? g.code2);
    if (!currency || !g.n1) continue;
    const before = text.slice(Math.max(0, found.start - 40), found.start);
    const after = text.slice(found.end, found.end + 40);
    if (NOT_PAY_AFTER.test(after) || NOT_PAY_BEFORE.test(before)) continue;
    let lo = toNumber(g.n1);
    let hi = g.n2 ? toNumber(g.n2) : lo;
    // "150 - 210K": a lone k on the upper bound applies to both ends.
    if (g.k1 || (g.k2 && lo < 1000)) lo *= 1000;
    if (g.k2 || (g.k1 && !g.n2)) hi *= 1000;
    if (!(lo > 0 && hi > 0)) continue;
    const period = periodOf(after, before) ?? (Math.max(lo, hi) >= 10_000 ? 'year' : undefined);
    if (!period) continue;
    return { min: Math.min(lo, hi), max: Math.max(lo, hi), currency, period, from: 'text' };
  }
  return undefined;
}

function currencyOf(symbol: string | undefined, code: string | undefined): string | undefined {
  if (code) return code.toUpperCase();
  return symbol ? SYMBOLS[symbol.toLowerCase()] : undefined;
}

function toNumber(raw: string): number {
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(raw)) return Number(raw.replace(/\./g, '').replace(',', '.'));
  return Number(raw.replace(/,/g, ''));
}

function periodOf(after: string, before: string): PayPeriod | undefined {
  const m = PERIOD_AFTER.exec(after) ?? PERIOD_BEFORE.exec(before);
  const word = (m?.[1] ?? m?.[2] ?? '').toLowerCase();
  if (!word) return undefined;
  if (word.startsWith('h')) return 'hour';
  if (word.startsWith('d')) return 'day';
  if (word.startsWith('w')) return 'week';
  if (word.startsWith('mo')) return 'month';
  return 'year';
}
