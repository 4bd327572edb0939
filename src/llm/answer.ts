/**
 * Turns model text into something a user may see, or says why it may not be shown: the checks on a
 * finished answer, the gate on streamed text, and the reply built from an accepted answer.
 */
import { neutraliseMentions } from '../input.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Entry } from '../knowledge/schema.ts';
import type { Reply } from '../types.ts';
import { unbackedClaim } from './answer-claims.ts';
import { renderCitations, resolveCitations } from './citations.ts';
import { allowedFigures, inventedFigures, settledText } from './figures.ts';
import { checkOutput, type OutputCheckContext } from './output-check.ts';
import { entriesText, OUT_OF_SCOPE_TOKEN } from './prompt.ts';
import type { FallbackReason } from './types.ts';

/** What the model was given to write from, and so what its answer is checked against. */
export interface Grounding {
  kb: KnowledgeBase;
  entries: Entry[];
  figures: Set<string>;
  output: OutputCheckContext;
  /** The entries as the model read them: a claim with no number must be made there too. */
  text: string;
}

// Streamed text is shown this many words behind the model, so a leak is caught before any of it shows:
// the prompt-leak check needs eight words in a row, and key-shaped tokens are one word.
const HOLD_BACK_WORDS = 8;

/** The grounding for a set of entries; `secrets` are values no answer may contain. */
export function groundIn(kb: KnowledgeBase, entries: Entry[], secrets: readonly string[]): Grounding {
  const urls = entries.flatMap((e) => e.facts.map((f) => kb.sources.get(f.source)?.url));
  const text = entriesText(kb, entries);
  return {
    kb,
    entries,
    text,
    figures: allowedFigures([text]),
    output: { secrets, allowedUrls: new Set(urls.filter((u) => u !== undefined)) },
  };
}

/** The first reason a finished answer may not be shown, with a detail for logs. */
export function judgeAnswer(text: string, g: Grounding): [FallbackReason, string] | undefined {
  if (text.trim() === '') return ['empty', 'no text'];
  const leak = checkOutput(text, g.output);
  if (leak) return ['injection', leak];
  if (text.includes(OUT_OF_SCOPE_TOKEN)) return ['off_topic', 'model declined'];
  const invented = inventedFigures(text, g.figures);
  if (invented.length > 0) return ['invented_figure', invented.slice(0, 5).join(', ')];
  const claim = unbackedClaim(text, g.text);
  if (claim) return ['invented_figure', claim];
  const cited = resolveCitations(g.kb, g.entries, text);
  if (cited.unknown.length > 0) return ['off_topic', `cites what it was not given: ${cited.unknown.join(', ')}`];
  if (cited.entries.length === 0) return ['off_topic', 'cites nothing'];
  return undefined;
}

/** Model text as users read it: citations as labels, mentions made inert. */
export function renderAnswer(text: string, g: Grounding): string {
  return neutraliseMentions(renderCitations(g.kb, g.entries, text));
}

/** Where the last `words` words of `text` start (0 when it has fewer): found from the end, so cheap on long text. */
function holdBackPoint(text: string, words: number): number {
  let seen = 0;
  for (let i = text.length - 1; i > 0; i -= 1) {
    if (/\s/.test(text[i - 1] ?? '') && !/\s/.test(text[i] ?? '')) {
      seen += 1;
      if (seen === words) return i;
    }
  }
  return 0;
}

// A sentence is shown only once it is complete and checked whole: a paraphrased prompt gives itself
// away late in its sentence ("Policy I operate under: ... cite the entries"). A run-on sentence is
// shown anyway after this many characters, so a long answer still streams.
const RUN_ON_CHARS = 300;

/** `text` up to its last sentence end (or whole, when the unfinished sentence runs on). */
function wholeSentences(text: string): string {
  for (let i = text.length - 1; i >= 0; i -= 1) {
    const c = text[i] ?? '';
    if (text.length - i > RUN_ON_CHARS) return text;
    if ('。！？\n'.includes(c) || ('.!?'.includes(c) && /\s/.test(text[i + 1] ?? ''))) return text.slice(0, i + 1);
  }
  return text.length > RUN_ON_CHARS ? text : '';
}

// Each check reads the new text plus this much before it, cut at a space: enough for eight words, a
// key-shaped token, a link or a run of number words that began in the text already checked.
const RECHECK_CHARS = 400;

/**
 * Wraps `onDelta` for streaming: passes on rendered text a few words behind the model and returns
 * false (stop the stream) as soon as the text so far fails a check. Only text not yet checked is read
 * (with a little before it), so a long stream costs linear time. `onDelta` errors are reported, not
 * thrown: a failing message edit must not cost the answer.
 */
export function streamGate(onDelta: (text: string) => void, g: Grounding, onError: (err: unknown) => void) {
  let shown = '';
  let visibleBefore = '';
  let checkedTo = 0;
  return (raw: string): boolean => {
    const settled = settledText(raw);
    const from = Math.max(0, checkedTo - RECHECK_CHARS);
    const start = from === 0 ? 0 : Math.max(settled.lastIndexOf(' ', from), settled.lastIndexOf('\n', from), 0);
    const fresh = settled.slice(start);
    if (raw.includes(OUT_OF_SCOPE_TOKEN, Math.max(0, start - OUT_OF_SCOPE_TOKEN.length))) return false;
    if (checkOutput(fresh, g.output)) return false;
    if (inventedFigures(fresh, g.figures).length > 0 || unbackedClaim(fresh, g.text)) return false;
    checkedTo = settled.length;
    const visible = wholeSentences(settled.slice(0, holdBackPoint(settled, HOLD_BACK_WORDS))).replace(/\[[^\]]*$/, '');
    if (visible.trim() === '' || visible === visibleBefore) return true;
    visibleBefore = visible;
    const next = renderAnswer(visible, g);
    if (next !== shown) {
      shown = next;
      try {
        onDelta(next);
      } catch (err) {
        onError(err);
      }
    }
    return true;
  };
}

/** The reply for an accepted answer: cited entries and facts, and a footer saying a model wrote it. */
export function buildAnswerReply(text: string, g: Grounding): Reply {
  const cited = resolveCitations(g.kb, g.entries, text);
  const main = cited.entries[0] ?? g.entries[0];
  const ids = cited.entries.map((e) => e.id);
  return {
    kind: 'answer',
    title: `${main?.title ?? 'Your question'} (follow-up)`,
    body: renderAnswer(text, g),
    facts: cited.facts,
    advice: [],
    choices: (main?.followUps ?? []).map((f) => ({ label: f.label, question: f.question })),
    entryIds: ids,
    footer: `Written by a language model from knowledge-base entries ${ids.join(', ')}; the facts listed are the curated sources · knowledge base ${g.kb.version}`,
  };
}
