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
  // Words with digits ("300k", a pasted user id) and two-letter ones ("pe", "hr") name nothing a fact could.
  return [...terms(question, lexicon)].filter(
    (t) => !GENERIC.has(t) && !ignore.has(t) && t.length > 2 && !/\d/.test(t),
  );
}

/**
 * True when `words` holds `term`, or a word sharing its first five letters or more as a whole prefix: the
 * light stemmer leaves "promot(ed)" and "promotion" apart, and a question should still meet its fact.
 */
export function holds(words: ReadonlySet<string>, term: string): boolean {
  if (words.has(term)) return true;
  if (term.length < 5) return false;
  for (const w of words) if (w.length >= 5 && (w.startsWith(term) || term.startsWith(w))) return true;
  return false;
}

/** Edits (insert, delete, substitute, swap two neighbours) between two words, or `max + 1` once past `max`. */
function edits(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 0; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = d[i] as number[];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((d[i - 1]?.[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (d[i - 1]?.[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j] ?? 0, (d[i - 2]?.[j - 2] ?? 0) + 1);
      }
    }
  }
  return d[a.length]?.[b.length] ?? max + 1;
}

/** Like `holds`, but a misspelling ("salery", "weekneds") still counts: one edit, two for long words. */
export function holdsLoosely(words: ReadonlySet<string>, term: string): boolean {
  if (holds(words, term)) return true;
  if (term.length < 5) return false;
  const max = term.length >= 8 ? 2 : 1;
  for (const w of words) if (edits(w, term, max) <= max) return true;
  return false;
}

/** Every word the knowledge base has met: all entries' prose, facts, follow-ups and examples. */
export function knownWords(entries: Iterable<Entry>, lexicon: CompiledLexicon | undefined): Set<string> {
  const known = new Set<string>();
  for (const e of entries) {
    const text = [e.title, e.summary, ...e.advice, ...e.examples, ...e.followUps.map((f) => f.question)];
    for (const f of e.facts) text.push(f.text, f.figure, f.note ?? '');
    for (const t of terms(text.join(' '), lexicon)) known.add(t);
  }
  return known;
}

/** Scores items by the question's terms, weighting rare terms higher (a term in every item ranks nothing). */
export function scoreItems(items: readonly Set<string>[], asked: readonly string[]): number[] {
  const df = new Map(asked.map((t) => [t, items.filter((i) => holds(i, t)).length]));
  return items.map((item) =>
    asked.reduce((sum, t) => (holds(item, t) ? sum + Math.log(1 + items.length / (df.get(t) ?? 1)) : sum), 0),
  );
}

/**
 * Whether the entry has nothing on what was asked: none of the question's terms occurs in its facts,
 * advice, title or summary, and at least one is a word the knowledge base has never met (`known`: every
 * entry's text and examples), so a synonym or a chatty word the facts happen not to use is not a gap.
 */
export function nothingOnIt(
  entry: Entry,
  asked: readonly string[],
  lexicon: CompiledLexicon | undefined,
  known: ReadonlySet<string>,
): boolean {
  if (asked.length === 0) return false;
  const content = terms(
    [entry.title, entry.summary, ...entry.advice, ...entry.facts.flatMap((f) => [f.text, f.figure, f.note ?? ''])].join(
      ' ',
    ),
    lexicon,
  );
  if (asked.some((t) => holdsLoosely(content, t))) return false;
  return asked.some((t) => !holdsLoosely(known, t));
}
