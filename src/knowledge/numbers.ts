/**
 * The rule that keeps answers honest: every number a reply shows must come from a cited fact.
 * The loader applies it to each entry's prose, and the answer builder relies on it.
 */
import type { Entry } from './schema.ts';

/** Digit groups in a text, normalised ("$175,000" -> "175000", "3-6" -> "3", "6"). */
export function extractNumbers(value: string): string[] {
  return [...value.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => m[0].replace(/,/g, '').replace(/\.0+$/, ''));
}

/** Lists numbers in an entry's summary or advice that none of its facts state. */
export function checkNumbersCited(entry: Entry): string[] {
  const cited = new Set(entry.facts.flatMap((f) => extractNumbers(`${f.figure} ${f.text}`)));
  const problems: string[] = [];
  const prose: [string, string][] = [
    ['summary', entry.summary],
    ...entry.advice.map((a, i): [string, string] => [`advice[${i}]`, a]),
    ...entry.followUps.flatMap((f, i): [string, string][] => [
      [`followUps[${i}].label`, f.label],
      [`followUps[${i}].question`, f.question],
    ]),
  ];
  for (const [field, value] of prose) {
    for (const n of extractNumbers(value)) {
      if (!cited.has(n)) problems.push(`${field}: the figure "${n}" is not stated by any fact of this entry`);
    }
  }
  return problems;
}

/** Numbers in `text` that the cited fact (figure and text) does not state. */
export function uncitedNumbers(text: string, fact: { figure: string; text: string }): string[] {
  const cited = new Set(extractNumbers(`${fact.figure} ${fact.text}`));
  return extractNumbers(text).filter((n) => !cited.has(n));
}
