/**
 * The viability check as a chat conversation: one question at a time, answered by number, option
 * value, label or in plain words (`natural-answers.ts`). Platforms with forms (Slack modals, Discord
 * menus) use the rubric directly instead.
 */
import type { Rubric } from '../knowledge/schema.ts';
import { normalise } from '../router/text.ts';
import type { Reply } from '../types.ts';
import { naturalAnswer } from './natural-answers.ts';

/** Progress through the questionnaire, kept in the store between messages. */
export interface QuestionnaireState {
  step: number;
  answers: Record<string, string>;
  startedAt: string;
}

/** How long an unfinished questionnaire is kept. */
export const QUESTIONNAIRE_TTL_MS = 30 * 60 * 1000;

/**
 * The reply that asks question number `step` (0-based). `previous`, the answer just taken for the question
 * before, is repeated as its option label, so an answer read from plain words can be checked at a glance.
 */
export function questionReply(rubric: Rubric, step: number, previous?: string): Reply {
  const q = rubric.questions[step];
  if (!q) throw new Error(`no question ${step}`);
  const label = rubric.questions[step - 1]?.options.find((o) => o.value === previous)?.label;
  const prompt = q.help ? `${q.prompt}\n${q.help}` : q.prompt;
  return {
    kind: 'notice',
    title: `Viability check · question ${step + 1} of ${rubric.questions.length}`,
    body: label ? `Noted: ${label}.\n\n${prompt}` : prompt,
    facts: [],
    advice: [],
    choices: q.options.map((o) => ({ label: o.label, question: o.value })),
    entryIds: [],
    footer: 'Answer with a number or in your own words. Send /cancel to stop.',
  };
}

/** Reads an answer to question `step`: its number, its value, (the start of) its label, or plain words. */
export function parseAnswer(rubric: Rubric, step: number, text: string): string | undefined {
  const q = rubric.questions[step];
  if (!q) return undefined;
  const t = normalise(text);
  if (t === '') return undefined;
  const n = Number(t);
  if (Number.isInteger(n) && n >= 1 && n <= q.options.length) return q.options[n - 1]?.value;
  const byValue = q.options.find((o) => normalise(o.value) === t);
  if (byValue) return byValue.value;
  const byLabel = q.options.filter((o) => normalise(o.label).startsWith(t));
  if (byLabel.length === 1) return byLabel[0]?.value;
  return naturalAnswer(q, text);
}

/** Footer note on a scorecard whose result the store refused: it is shown but not kept. */
export const RESULT_NOT_SAVED = "I couldn't save this result, so your next check will not show what changed.";

/** The same question again, after the store refused to save its answer: the user is told to resend it. */
export function answerNotSaved(rubric: Rubric, step: number): Reply {
  const again = questionReply(rubric, step);
  again.body = `I couldn't save that answer, please try again (send it once more).\n${again.body}`;
  return again;
}

/** The reply when the store refused to save the start of a check, so no question is pending. */
export function viabilityNotStarted(): Reply {
  return {
    kind: 'notice',
    title: "I couldn't start the viability check",
    body: "I couldn't start the viability check because my storage did not answer. Please try /viability again in a moment.",
    facts: [],
    advice: [],
    choices: [{ label: 'Start the viability check', question: '/viability' }],
    entryIds: [],
  };
}
