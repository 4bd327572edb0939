/**
 * The viability check as a chat conversation: one question at a time, answered by number, option
 * value or label. Platforms with forms (Slack modals, Discord menus) use the rubric directly instead.
 */
import type { Rubric } from '../knowledge/schema.ts';
import { normalise } from '../router/text.ts';
import type { Reply } from '../types.ts';

/** Progress through the questionnaire, kept in the store between messages. */
export interface QuestionnaireState {
  step: number;
  answers: Record<string, string>;
  startedAt: string;
}

/** How long an unfinished questionnaire is kept. */
export const QUESTIONNAIRE_TTL_MS = 30 * 60 * 1000;

/** The reply that asks question number `step` (0-based). */
export function questionReply(rubric: Rubric, step: number): Reply {
  const q = rubric.questions[step];
  if (!q) throw new Error(`no question ${step}`);
  return {
    kind: 'notice',
    title: `Viability check · question ${step + 1} of ${rubric.questions.length}`,
    body: q.help ? `${q.prompt}\n${q.help}` : q.prompt,
    facts: [],
    advice: [],
    choices: q.options.map((o) => ({ label: o.label, question: o.value })),
    entryIds: [],
    footer: 'Answer with a number or an option. Send /cancel to stop.',
  };
}

/** Reads an answer to question `step`: its number, its value or (the start of) its label. */
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
  return byLabel.length === 1 ? byLabel[0]?.value : undefined;
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
