/**
 * The number rule for model-written text: every figure an answer states must be one the provided
 * knowledge entries state. Builds on `extractNumbers` and adds what models write but curators do not:
 * "$175k", "1.5 million" and number words ("three to six months").
 */
import { extractNumbers } from '../knowledge/numbers.ts';
import { isNumberWord, numberWordValues } from './number-words.ts';

// "one" is left out on purpose: "one of the few", "no one" are not figures.
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  dozen: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1_000,
  million: 1_000_000,
  billion: 1_000_000_000,
  twice: 2,
  triple: 3,
  half: 0.5,
};
const WORD_PATTERN = new RegExp(`\\b(${Object.keys(NUMBER_WORDS).join('|')})\\b`, 'gi');

// "k" after any number; "m"/"bn" only after a currency sign, where they cannot mean minutes or metres.
const SCALED =
  /([$€£]\s?)?(\d[\d,]*(?:\.\d+)?)\s?(k\b|thousand\b|million\b|billion\b|(?<=[$€£]\s?[\d.,]+\s?)(?:m|bn)\b)/gi;
const SCALE: Readonly<Record<string, number>> = { k: 1e3, thousand: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

// Citation markers, links (checked on their own) and list numbering carry digits that are not figures.
const URL = /\bhttps?:\/\/\S+/gi;
const CITATION_MARKER = /\[[a-z0-9_/,\s-]+\]/gi;
const LIST_NUMBER = /^\s*\d{1,2}[.)]\s+/gm;

/** One canonical spelling per value, so "06", "6" and "6.0" compare equal. */
function canonical(value: number): string {
  return String(Number(value.toPrecision(12)));
}

function scaledValues(text: string): { values: string[]; rest: string } {
  const values: string[] = [];
  const rest = text.replace(SCALED, (_match, _currency: string | undefined, digits: string, unit: string) => {
    values.push(canonical(Number(digits.replace(/,/g, '')) * (SCALE[unit.toLowerCase()] ?? 1)));
    return ' ';
  });
  return { values, rest };
}

/** Every figure in `text`, as canonical numbers ("$175k" → "175000", "three" → "3"). */
export function figuresIn(text: string): string[] {
  const cleaned = text
    .replace(URL, ' ')
    .replace(CITATION_MARKER, ' ')
    .replace(LIST_NUMBER, ' ')
    // "70 000 $" (French), "70.000" (German), "70'000" (Swiss): one figure, as "70,000" is.
    .replace(/(?<![\d.,])(\d{1,3})(?:[\s\u00a0\u202f.'’](\d{3}))+(?![\d]|[.,]\d)/g, (m) => m.replace(/[^\d]/g, ''));
  const { values, rest } = scaledValues(cleaned);
  const digits = extractNumbers(rest).map((n) => canonical(Number(n)));
  const words = [...rest.matchAll(WORD_PATTERN)].map((m) => canonical(NUMBER_WORDS[(m[1] ?? '').toLowerCase()] ?? 0));
  return [...new Set([...values, ...digits, ...words, ...numberWordValues(rest).map(canonical)])];
}

/**
 * The figures the model may use: everything the provided entries state, read both literally and
 * scaled, so an entry's "$1.5 million" supports "1.5 million" as well as "$1,500,000".
 */
export function allowedFigures(corpus: readonly string[]): Set<string> {
  const allowed = new Set<string>();
  for (const text of corpus) {
    for (const n of figuresIn(text)) allowed.add(n);
    for (const n of extractNumbers(text)) allowed.add(canonical(Number(n)));
  }
  return allowed;
}

/** Figures in `answer` that no provided entry states, without repeats (scaled ones like "$250k" first). */
export function inventedFigures(answer: string, allowed: ReadonlySet<string>): string[] {
  return [...new Set(figuresIn(answer).filter((n) => !allowed.has(n)))];
}

/**
 * The part of a partly streamed answer whose figures are complete: drops a trailing token that may
 * still grow ("$17" before "5,000", "thr" before "ee").
 */
export function settledText(partial: string): string {
  let text = partial
    // Not Han or kana: those scripts do not put spaces between words, so the whole sentence would wait.
    .replace(/[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{N}_$€£.,%/[-]*$/u, '')
    // A figure grouped by spaces or dots may still grow ("70 " before "000"), as may a CJK numeral run (十 before 万).
    .replace(/(?<![\d.,])\d{1,3}(?:[\s\u00a0\u202f.'’]\d{3})*[\s\u00a0\u202f]+$/u, '')
    .replace(/[〇零一二两兩三四五六七八九十百千万萬亿億]+$/u, '');
  // So may a run of number words ("doscientos" before "mil"): hold it back until a word follows.
  for (let m = /(\p{L}+)[^\p{L}\p{N}]*$/u.exec(text); m && isNumberWord(m[1] ?? ''); ) {
    text = text.slice(0, m.index);
    m = /(\p{L}+)[^\p{L}\p{N}]*$/u.exec(text);
  }
  return text;
}
