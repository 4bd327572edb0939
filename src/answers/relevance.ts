/**
 * How well a fact or advice item answers the words of a question. Both sides go through the router's
 * normalisation, lexicon and stemming, so "salaries", "salario" and "salary" meet; words that say
 * nothing about what was asked (stopwords, question fillers, the field's own name) carry no weight.
 */
import type { Entry } from '../knowledge/schema.ts';
import {
  applyLexicon,
  type CompiledLexicon,
  isStopword,
  normalise,
  replaceInfixes,
  stem,
  tokenise,
} from '../router/text.ts';

// Words in almost every question and every fact of this field: matching them says nothing about which fact fits.
const GENERIC = new Set(
  'much many make makes made making get gets getting got tell know want need like good best way thing things also actually one someone somebody people anyone go going think say said see look right now still even ever lot lots kind sort well any some every more most other really honestly currently basically just year years day days usually typically normal typical average realistic realistically prompt prompts engineer engineering ai llm llms career careers job jobs role roles work working field chatgpt gpt'.split(
    ' ',
  ),
);

/** The stemmed words of a text, with and without the lexicon: "hourly rate" keeps "hour" beside "salary". */
export function terms(text: string, lexicon: CompiledLexicon | undefined): Set<string> {
  const raw = tokenise(replaceInfixes(normalise(text), lexicon));
  const words = [...raw, ...applyLexicon(raw, lexicon)];
  return new Set(words.filter((w) => !isStopword(w) && !/^[\d$]+$/.test(w)).map(stem));
}

/** The words of a question that say what was asked: its terms without fillers and the field's own name. */
export function questionTerms(question: string, lexicon: CompiledLexicon | undefined, ignore: Set<string>): string[] {
  return [...terms(question, lexicon)].filter((t) => !GENERIC.has(t) && !ignore.has(t) && t.length > 1);
}

/** Scores items by the question's terms, weighting rare terms higher (a term in every item ranks nothing). */
export function scoreItems(items: readonly Set<string>[], asked: readonly string[]): number[] {
  const df = new Map(asked.map((t) => [t, items.filter((i) => i.has(t)).length]));
  return items.map((item) =>
    asked.reduce((sum, t) => (item.has(t) ? sum + Math.log(1 + items.length / (df.get(t) ?? 1)) : sum), 0),
  );
}

/**
 * Whether the entry has nothing on what was asked: none of the question's terms occurs in its facts,
 * advice, title or summary, and at least one is a word the topic has never met (not even in its examples),
 * so a synonym the facts happen not to use ("salary" beside "earn") does not count as a gap.
 */
export function nothingOnIt(entry: Entry, asked: readonly string[], lexicon: CompiledLexicon | undefined): boolean {
  if (asked.length === 0) return false;
  const content = terms(
    [entry.title, entry.summary, ...entry.advice, ...entry.facts.flatMap((f) => [f.text, f.figure, f.note ?? ''])].join(
      ' ',
    ),
    lexicon,
  );
  if (asked.some((t) => content.has(t))) return false;
  const known = terms([...entry.examples, ...entry.followUps.map((f) => f.question)].join(' '), lexicon);
  return asked.some((t) => !known.has(t));
}
