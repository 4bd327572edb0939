/**
 * Scores viability-check answers against the nine factors using the rules in
 * `knowledge/viability-rubric.yaml`. No scoring rule lives in code: this module only evaluates them.
 */
import { toReplyFact } from '../answers/compose.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Rubric } from '../knowledge/schema.ts';
import {
  type AnswerProblem,
  type Answers,
  FACTOR_IDS,
  type Rating,
  type ReplyFact,
  type ScorecardRow,
  type ViabilityResult,
} from '../types.ts';

const POINTS: Record<Rating, number> = { favourable: 1, mixed: 0, risk: -1 };

/** Checks raw answers (e.g. parsed JSON) against the rubric; lists every missing or unknown answer. */
export function validateAnswers(
  rubric: Rubric,
  input: unknown,
): { ok: true; answers: Answers } | { ok: false; problems: AnswerProblem[] } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return {
      ok: false,
      problems: [
        {
          question: '(all)',
          message: 'answers must be an object of question id → option',
          kind: 'missing',
          hint: 'Please answer every question.',
        },
      ],
    };
  }
  const raw = input as Record<string, unknown>;
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  for (const q of rubric.questions) {
    const value = raw[q.id];
    const allowed = q.options.map((o) => o.value);
    if (value === undefined || value === null || value === '') {
      problems.push({
        question: q.id,
        message: `missing; choose one of: ${allowed.join(', ')}`,
        kind: 'missing',
        hint: 'Please choose an answer.',
      });
    } else if (typeof value !== 'string' || !allowed.includes(value)) {
      problems.push({
        question: q.id,
        message: `"${String(value).slice(0, 40)}" is not an option; choose one of: ${allowed.join(', ')}`,
        kind: 'not_an_option',
        hint: 'Please choose one of the listed answers.',
      });
    } else {
      answers[q.id] = value;
    }
  }
  for (const key of Object.keys(raw)) {
    if (!rubric.questions.some((q) => q.id === key))
      problems.push({
        question: key,
        message: 'no question has this id',
        kind: 'unknown_question',
        hint: 'This answer belongs to no question; please submit the form again.',
      });
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

/**
 * Three steps that apply to these answers, for the weakest factors first: a risk before a mixed factor before a
 * favourable one. Within a rating, each factor's first step comes before any factor's second (so three risks get
 * three different steps), and a step written for these answers (with a `when`) before a general one, then file order.
 */
function pickNextSteps(rubric: Rubric, rows: ScorecardRow[], answers: Answers): Rubric['nextSteps'] {
  const points = (factor: string) => POINTS[rows.find((r) => r.factor === factor)?.rating ?? 'favourable'];
  const general = (step: Rubric['nextSteps'][number]) => (Object.keys(step.when).length === 0 ? 1 : 0);
  const ranked = rubric.nextSteps
    .filter((step) => matches(step.when, answers))
    .sort((a, b) => points(a.factor) - points(b.factor) || general(a) - general(b));
  // How many steps for the same factor rank above this one: 0 for a factor's first step.
  const perFactor = new Map<string, number>();
  const repeat = new Map<Rubric['nextSteps'][number], number>();
  for (const step of ranked) {
    const n = perFactor.get(step.factor) ?? 0;
    repeat.set(step, n);
    perFactor.set(step.factor, n + 1);
  }
  return ranked
    .sort((a, b) => points(a.factor) - points(b.factor) || (repeat.get(a) ?? 0) - (repeat.get(b) ?? 0))
    .slice(0, 3);
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
  const nextSteps = pickNextSteps(rubric, rows, answers).map((s) => ({
    id: s.id,
    factor: s.factor,
    text: s.text,
    fact: factFor(kb, s.fact),
  }));
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
