/**
 * Chooses which of an entry's facts and advice an answer shows, and the caveats it states first: the
 * items that best match the question's words lead (ties keep newer figures first, then file order), a
 * question naming a country puts that country's figures first and says when there are none, and figures
 * that are all old are said to be old. Nothing is hidden for good: "all figures" shows every item.
 */
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Entry, Fact } from '../knowledge/schema.ts';
import { compiledLexicon } from '../router/router.ts';
import type { CompiledLexicon } from '../router/text.ts';
import { findRegion, regionMatch, regionNotice, regionOf } from './region.ts';
import { knownWords, nothingOnIt, questionTerms, scoreItems, terms } from './relevance.ts';
import { isStale, staleNotice } from './staleness.ts';

/** Facts shown on a first answer; the rest come with "all figures". */
export const MAX_FACTS = 4;
/** Advice items shown on a first answer; the rest come with "all figures". */
export const MAX_ADVICE = 3;

/** What the answer builder may know about the message it answers. */
export interface Ask {
  /** The user's words; without them, items keep file order (a clicked topic button). */
  question?: string;
  /** The context clock's time, for stale figures. */
  now?: Date;
  /** False when the message is in another language: its words cannot be matched against English facts. */
  english?: boolean;
}

/** The items an answer shows, the caveats it states first, and whether some items were left for later. */
export interface Picked {
  /** The fact that best answers the question's own words, when one does: the answer opens with it. */
  lead?: Fact;
  facts: Fact[];
  advice: string[];
  notices: string[];
  more: boolean;
}

/** Said when the entry has nothing on what was asked, before the closest answer. */
export const NOTHING_ON_IT = 'I have nothing on that exactly; this is the closest answer I have.';

// The lexicon and the known words take milliseconds to build; a loaded knowledge base never changes, so one each.
const prepared = new WeakMap<KnowledgeBase, { lexicon: CompiledLexicon; known: Set<string> }>();
function prepare(kb: KnowledgeBase): { lexicon: CompiledLexicon; known: Set<string> } {
  let found = prepared.get(kb);
  if (!found) {
    const lexicon = compiledLexicon(kb);
    // Words met only in off-topic examples ("bitcoin", "recipe") are not something the knowledge covers.
    const topics = [...kb.entries.values()].filter((e) => e.intent !== 'out_of_scope');
    found = { lexicon, known: knownWords(topics, lexicon) };
    prepared.set(kb, found);
  }
  return found;
}

const TRAINING_ROLES =
  /\b(?:ai (?:trainer|tutor)s?|trainers?|tutors?|annotat\w*|label+ers?|label+ing|raters?|rating work|rlhf|evaluators?|taskers?|contributors?|outlier|dataannotation|data annotation|remotasks|scale ai|mercor|appen|telus|alignerr|turing|invisible|toloka|prolific|surge|globallogic)\b/i;
const PROMPT_TITLE = /\bprompt[- ]?(?:engineer|engineering|designer|writer)s?\b/i;

/** Which kind of role a text is about: AI-training work or the prompt engineer title (undefined: neither or both). */
function roleOf(text: string): 'training' | 'title' | undefined {
  const training = TRAINING_ROLES.test(text);
  const title = PROMPT_TITLE.test(text);
  return training === title ? undefined : training ? 'training' : 'title';
}

/** True when the question asks for everything on the topic ("all figures", "more facts", "the rest"). */
export function wantsAll(question: string): boolean {
  return /\b(all|more|every|other|rest|full|remaining)\b(\s+\S+){0,3}\s+(figures?|facts?|numbers?|sources?|advice)\b/i.test(
    question,
  );
}

/** Orders indices by score (highest first), then stale last, then file order. */
function rank(scores: number[], stale: boolean[] = []): number[] {
  return scores
    .map((_, i) => i)
    .sort((a, b) => (scores[b] ?? 0) - (scores[a] ?? 0) || Number(stale[a] ?? 0) - Number(stale[b] ?? 0) || a - b);
}

/** Picks an entry's facts and advice for a question, with the caveats to state first. */
export function pickContent(kb: KnowledgeBase, entry: Entry, ask: Ask = {}): Picked {
  const { lexicon, known } = prepare(kb);
  const question = ask.question?.trim() ?? '';
  const all = question !== '' && wantsAll(question);
  const region = question ? findRegion(question) : undefined;
  const ignore = region ? terms(region.words.join(' '), lexicon) : new Set<string>();
  const asked = question ? questionTerms(question, lexicon, ignore) : [];

  const factTerms = entry.facts.map((f) => terms(`${f.text} ${f.figure} ${f.note ?? ''}`, lexicon));
  const regions = entry.facts.map((f) => regionOf(kb, f));
  const stale = entry.facts.map((f) => (ask.now ? isStale(f.asOf, ask.now) : false));
  // A figure for the asked country outranks any word match: it is what the question is about.
  // The router's lexicon reads every role as "prompt engineer", so which role was asked is told apart here:
  // a question about AI trainers' pay wants the platform rates, one about prompt engineers the title's.
  const role = roleOf(question);
  const wordScores = scoreItems(factTerms, asked);
  const factScores = wordScores.map(
    (s, i) =>
      s +
      (region ? 100 * regionMatch(region, regions[i]) : 0) +
      (role && roleOf(`${entry.facts[i]?.text} ${entry.facts[i]?.figure}`) === role ? 3 : 0),
  );
  const factOrder = rank(factScores, stale);
  const shownFacts = all ? factOrder : factOrder.slice(0, MAX_FACTS);

  const adviceOrder = rank(
    scoreItems(
      entry.advice.map((a) => terms(a, lexicon)),
      asked,
    ).map((score, i) => score + (role && roleOf(entry.advice[i] ?? '') === role ? 3 : 0)),
  );
  const shownAdvice = all ? adviceOrder : adviceOrder.slice(0, MAX_ADVICE);

  const notices: string[] = [];
  if (!all && ask.english !== false && nothingOnIt(entry, asked, lexicon, known)) notices.push(NOTHING_ON_IT);
  if (region) {
    const note = regionNotice(
      region,
      shownFacts.map((i) => regions[i]),
    );
    if (note) notices.push(note);
  }
  if (shownFacts.length > 0 && shownFacts.every((i) => stale[i])) {
    const note = staleNotice(shownFacts.map((i) => entry.facts[i]?.asOf ?? ''));
    if (note) notices.push(note);
  }
  const best = factOrder[0];
  // Only a real word match leads (not a country bonus alone), and not the first fact: the summary already opens with that.
  const lead = best !== undefined && best > 0 && (wordScores[best] ?? 0) > 0 ? entry.facts[best] : undefined;
  return {
    ...(lead && !all ? { lead } : {}),
    facts: shownFacts.map((i) => entry.facts[i]).filter((f): f is Fact => f !== undefined),
    advice: shownAdvice.map((i) => entry.advice[i]).filter((a): a is string => a !== undefined),
    notices,
    more: shownFacts.length < entry.facts.length || shownAdvice.length < entry.advice.length,
  };
}
