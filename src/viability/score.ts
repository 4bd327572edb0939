/**
 * Scores viability-check answers against the nine factors using the rules in
 * `knowledge/viability-rubric.yaml`. No scoring rule lives in code: this module only evaluates them.
 */
import { toReplyFact } from '../answers/compose.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Rubric } from '../knowledge/schema.ts';
import { FACTOR_IDS, type Rating, type ReplyFact, type ScorecardRow } from '../types.ts';

/** Answers keyed by question id, each an option value. */
export type Answers = Record<string, string>;

/** A scored questionnaire, as stored per user. */
export interface ViabilityResult {
  answers: Answers;
  rows: ScorecardRow[];
  score: number;
  verdict: { id: string; title: string; text: string };
  nextSteps: { text: string; fact: ReplyFact }[];
  /** ISO timestamp. */
  at: string;
  knowledgeVersion: string;
}

/** A problem with one answer, named by question id. */
export interface AnswerProblem {
  question: string;
  message: string;
}

const POINTS: Record<Rating, number> = { favourable: 1, mixed: 0, risk: -1 };

/** Checks raw answers (e.g. parsed JSON) against the rubric; lists every missing or unknown answer. */
export function validateAnswers(
  rubric: Rubric,
  input: unknown,
): { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [{ question: '(all)', message: 'answers must be an object of question id → option' }],
    };
  }
  const raw = input as Record<string, unknown>;
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  for (const q of rubric.questions) {
    const value = raw[q.id];
    const allowed = q.options.map((o) => o.value);
    if (value === undefined || value === null || value === '') {
      problems.push({ question: q.id, message: `missing; choose one of: ${allowed.join(', ')}` });
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push({
        question: q.id,
        message: `"${String(value).slice(0, 40)}" is not an option; choose one of: ${allowed.join(', ')}`,
      });
    } else {
      answers[q.id] = value;
    }
  }
  for (const key of Object.keys(raw)) {
    if (!rubric.questions.some((q) => q.id === key))
      problems.push({ question: key, message: 'no question has this id' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, answers };
}

function matches(when: Record<string, string | string[]>, answers: Answers): boolean {
  return Object.entries(when).every(([question, value]) => [value].flat().includes(answers[question] ?? ''));
}

function factFor(kb: KnowledgeBase, ref: string): ReplyFact {
  const found = kb.fact(ref);
  // The loader has already checked every rubric reference, so this only guards against a stale kb.
  if (!found) throw new Error(`viability rubric refers to unknown fact ${ref}`);
  return toReplyFact(kb, found.entry, found.fact);
}

/** Scores validated answers; `previous` marks the factors whose rating changed since the last run. */
export function scoreViability(
  kb: KnowledgeBase,
  answers: Answers,
  now: Date,
  previous?: ViabilityResult,
): ViabilityResult {
  const { rubric } = kb;
  const rows: ScorecardRow[] = FACTOR_IDS.map((factor) => {
    const rules = rubric.factors[factor] ?? [];
    const rule = rules.find((r) => matches(r.when, answers)) ?? rules.at(-1);
    if (!rule) throw new Error(`viability rubric has no rule for ${factor}`);
    const before = previous?.rows.find((r) => r.factor === factor)?.rating;
    return {
      factor,
      title: kb.entries.get(factor)?.title ?? factor,
      rating: rule.rating,
      reason: rule.reason,
      fact: factFor(kb, rule.fact),
      ...(before && before !== rule.rating ? { previous: before } : {}),
    };
  });
  const score = rows.reduce((sum, row) => sum + POINTS[row.rating], 0);
  const verdict =
    [...rubric.verdicts].sort((a, b) => b.minScore - a.minScore).find((v) => score >= v.minScore) ?? rubric.verdicts[0];
  if (!verdict) throw new Error('viability rubric has no verdicts');
  const conditional = rubric.nextSteps.filter((s) => Object.keys(s.when).length > 0 && matches(s.when, answers));
  const general = rubric.nextSteps.filter((s) => Object.keys(s.when).length === 0);
  const nextSteps = [...conditional, ...general].slice(0, 3).map((s) => ({ text: s.text, fact: factFor(kb, s.fact) }));
  return {
    answers,
    rows,
    score,
    verdict: { id: verdict.id, title: verdict.title, text: verdict.text },
    nextSteps,
    at: now.toISOString(),
    knowledgeVersion: kb.version,
  };
}
