/**
 * The viability questionnaire as an ephemeral Discord message: one string select per question of the
 * bot's questionnaire, spread over pages, because a message holds at most five action rows and modals cannot
 * show selects in every client. Pure functions only; `viability.ts` keeps the answers between clicks and
 * submits them to the core, which checks them.
 */
import { createHash } from 'node:crypto';
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIComponentInMessageActionRow,
  type APIStringSelectComponent,
  ButtonStyle,
  ComponentType,
} from 'discord.js';
import { clip, neutraliseMentions } from '../../src/input.ts';
import type { AnswerProblem, Answers, QuestionnaireQuestion } from '../../src/ports.ts';

/** Prefix of every questionnaire component id (`cb:via:q:<questionId>`, `cb:via:next`, ...). */
export const CUSTOM_VIABILITY = 'cb:via';
/** custom_id of the button that shows the next page. */
export const CUSTOM_VIABILITY_NEXT = `${CUSTOM_VIABILITY}:next`;
/** custom_id of the button that shows the previous page. */
export const CUSTOM_VIABILITY_BACK = `${CUSTOM_VIABILITY}:back`;
/** custom_id of the button that scores the answers. */
export const CUSTOM_VIABILITY_SUBMIT = `${CUSTOM_VIABILITY}:submit`;

/** Four selects plus one button row is Discord's five-row maximum per message. */
export const QUESTIONS_PER_PAGE = 4;

// Discord's limits for a string select (placeholder 150, option label/value/description 100, 25 options).
const MAX_PLACEHOLDER = 150;
const MAX_OPTION_TEXT = 100;
const MAX_OPTIONS = 25;
const MAX_CONTENT = 2000;
const MAX_CUSTOM_ID = 100;

/** A questionnaire message row: selects or buttons. */
export type ViabilityRow = APIActionRowComponent<APIComponentInMessageActionRow>;

/** What a questionnaire component id asks for; undefined when the id is not part of the questionnaire. */
export type ViabilityAction = { type: 'select'; questionId: string } | { type: 'next' | 'back' | 'submit' };

/**
 * A knowledge slug as Discord can carry it: itself when it fits in `room`, else a prefix plus a hash of the whole,
 * because the rubric's slugs have no length cap but custom_ids and option values stop at 100 characters.
 */
function fitSlug(slug: string, room: number): string {
  if (slug.length <= room) return slug;
  const hash = createHash('sha256').update(slug).digest('hex').slice(0, 12);
  return `${slug.slice(0, room - hash.length - 1)}-${hash}`;
}

/** The custom_id of a question's select menu. */
export function selectId(questionId: string): string {
  const head = `${CUSTOM_VIABILITY}:q:`;
  return head + fitSlug(questionId, MAX_CUSTOM_ID - head.length);
}

/** The select option value that stands for a rubric option value. */
const optionValue = (value: string): string => fitSlug(value, MAX_OPTION_TEXT);

/** The questions a form shows. */
type Questions = readonly QuestionnaireQuestion[];

/** The question whose select has this custom_id. */
const questionOf = (questions: Questions, customId: string) => questions.find((q) => selectId(q.id) === customId);

/**
 * Reads a questionnaire component id (`questionId` as it appears in the id: hashed when long). Note `cb:viability`
 * (the start button) is not one: ids here use `cb:via:`.
 */
export function parseViabilityId(customId: string): ViabilityAction | undefined {
  const match = /^cb:via:(?:q:([a-z0-9_-]+)|(next|back|submit))$/.exec(customId);
  if (match?.[1]) return { type: 'select', questionId: match[1] };
  const type = match?.[2];
  return type === 'next' || type === 'back' || type === 'submit' ? { type } : undefined;
}

/** How many pages the questionnaire needs (the knowledge schema allows four to eight questions, so one or two). */
export function pageCount(questions: Questions): number {
  return Math.max(1, Math.ceil(questions.length / QUESTIONS_PER_PAGE));
}

const button = (custom_id: string, label: string, style: APIButtonComponentWithCustomId['style']) =>
  ({ type: ComponentType.Button, custom_id, label, style }) satisfies APIButtonComponentWithCustomId;

/** One page of the questionnaire; each select shows the saved answer, and the prompts are listed in `content`. */
export function viabilityPage(
  all: Questions,
  page: 0 | 1,
  answers: Answers,
): { content: string; components: ViabilityRow[] } {
  const last = pageCount(all) - 1;
  const index = Math.min(page, last);
  const first = index * QUESTIONS_PER_PAGE;
  // Two questions sharing an id would share a custom_id, which Discord rejects; they share an answer anyway.
  const questions = all
    .slice(first, first + QUESTIONS_PER_PAGE)
    .filter((q, i, page) => page.findIndex((other) => other.id === q.id) === i);
  const total = all.length;
  const selects: ViabilityRow[] = questions.map((q, i) => {
    const menu: APIStringSelectComponent = {
      type: ComponentType.StringSelect,
      custom_id: selectId(q.id),
      // Once an answer is picked the select shows it instead of the placeholder, so `content` keeps the prompts.
      placeholder: clip(neutraliseMentions(`${first + i + 1}. ${q.prompt}`), MAX_PLACEHOLDER),
      min_values: 1,
      max_values: 1,
      // Discord rejects two options with one value; the first of equal values is the one a pick maps back to.
      options: q.options
        .filter((o, i) => q.options.findIndex((other) => other.value === o.value) === i)
        .slice(0, MAX_OPTIONS)
        .map((o) => ({
          label: clip(neutraliseMentions(o.label), MAX_OPTION_TEXT),
          value: optionValue(o.value),
          ...(answers[q.id] === o.value ? { default: true } : {}),
        })),
    };
    return { type: ComponentType.ActionRow, components: [menu] };
  });
  const buttons: APIButtonComponentWithCustomId[] = [];
  if (index > 0) buttons.push(button(CUSTOM_VIABILITY_BACK, 'Back', ButtonStyle.Secondary));
  buttons.push(
    index < last
      ? button(CUSTOM_VIABILITY_NEXT, 'Next', ButtonStyle.Primary)
      : button(CUSTOM_VIABILITY_SUBMIT, 'Score me', ButtonStyle.Success),
  );
  const range = questions.length > 1 ? `${first + 1}–${first + questions.length}` : `${first + 1}`;
  const prompts = questions.map((q, i) => {
    const help = q.help ? `\n   ${q.help}` : '';
    return `${first + i + 1}. ${q.prompt}${help}`;
  });
  const action = index < last ? 'then press **Next**' : 'then press **Score me**';
  const content = [
    `**Viability check** — question ${range} of ${total}`,
    ...prompts,
    `Pick an answer in each menu, ${action}.`,
  ].join('\n');
  return {
    content: clip(neutraliseMentions(content), MAX_CONTENT),
    components: [...selects, { type: ComponentType.ActionRow, components: buttons }],
  };
}

/** Answers with the selection applied, or the same object when the id or value is not a known question/option. */
export function applySelection(
  questions: Questions,
  answers: Answers,
  customId: string,
  values: readonly string[],
): Answers {
  const question = questionOf(questions, customId);
  const [value] = values;
  if (!question || value === undefined || values.length !== 1) return answers;
  const option = question.options.find((o) => optionValue(o.value) === value);
  return option ? { ...answers, [question.id]: option.value } : answers;
}

/** The prompts of the questions the core found a problem with (missing or invalid), in questionnaire order. */
export function openPrompts(questions: Questions, problems: readonly AnswerProblem[]): string[] {
  return questions.filter((q) => problems.some((p) => p.question === q.id)).map((q) => q.prompt);
}

/** The page that holds the select of `customId`'s question (page 0 for anything unknown). */
export function pageOfQuestion(questions: Questions, customId: string): 0 | 1 {
  const question = questionOf(questions, customId);
  return pageOfIndex(question ? questions.indexOf(question) : 0);
}

/** The page that shows the first question named in `problems` (page 0 when none is known). */
export function pageOfProblems(questions: Questions, problems: readonly AnswerProblem[]): 0 | 1 {
  const index = questions.findIndex((q) => problems.some((p) => p.question === q.id));
  return pageOfIndex(Math.max(0, index));
}

const pageOfIndex = (index: number): 0 | 1 => (index >= QUESTIONS_PER_PAGE ? 1 : 0);
