/**
 * Slack views: the viability modal (built from the bot's questionnaire, so a new question needs no code),
 * reading its submitted state back into answers and the core's problems into field errors, and App Home.
 */
import type { HomeView, InputBlock, KnownBlock, ModalView, PlainTextElement, PlainTextOption } from '@slack/types';
import { neutraliseMentions } from '../../src/input.ts';
import { type AnswerProblem, FACTOR_IDS, type QuestionnaireQuestion, type Rating } from '../../src/ports.ts';
import { ACTION_VIABILITY, chunkText, clip, escapeMrkdwn, RATING_EMOJI } from './render.ts';

/** callback_id of the viability modal, for the view_submission handler. */
export const VIABILITY_CALLBACK = 'careerbot_viability';
/** action_id of every input element in the modal; blocks are told apart by block_id. */
export const ANSWER_ACTION = 'answer';
/** block_id of the optional "send to my DMs" checkbox. */
export const DELIVERY_BLOCK = 'delivery';

// Radio buttons show every option at once, which reads best for short lists; longer lists fold into a menu.
const MAX_RADIO = 3;
const MAX_METADATA = 3000;
const MAX_HOME_BLOCKS = 100;

const plain = (text: string, max: number): PlainTextElement => ({
  type: 'plain_text',
  text: clip(neutraliseMentions(text), max),
});

/** The block_id of a rubric question's input block. */
export function questionBlockId(questionId: string): string {
  return `q_${questionId}`;
}

/** The viability questionnaire as a modal: one required input per rubric question, plus optional DM delivery. */
export function viabilityModal(
  questions: readonly QuestionnaireQuestion[],
  options: { privateMetadata?: string; initial?: Record<string, string> } = {},
): ModalView {
  // Truncated metadata would be corrupt JSON the submit handler cannot use, so an oversize value is a bug to surface.
  if ((options.privateMetadata?.length ?? 0) > MAX_METADATA) {
    throw new RangeError(`private_metadata is ${options.privateMetadata?.length} chars; Slack allows ${MAX_METADATA}`);
  }
  const inputs: InputBlock[] = questions.map((q) => {
    const choices: PlainTextOption[] = q.options.map((o) => ({ text: plain(o.label, 75), value: o.value }));
    const initial = choices.find((c) => c.value === options.initial?.[q.id]);
    const picked = initial ? { initial_option: initial } : {};
    return {
      type: 'input',
      block_id: questionBlockId(q.id),
      label: plain(q.prompt, 2000),
      ...(q.help ? { hint: plain(q.help, 2000) } : {}),
      element:
        choices.length <= MAX_RADIO
          ? { type: 'radio_buttons', action_id: ANSWER_ACTION, options: choices, ...picked }
          : {
              type: 'static_select',
              action_id: ANSWER_ACTION,
              placeholder: plain('Choose one', 150),
              options: choices,
              ...picked,
            },
    };
  });
  const dm: PlainTextOption = { text: plain('Also send the result to my DMs', 75), value: 'dm' };
  const delivery: InputBlock = {
    type: 'input',
    block_id: DELIVERY_BLOCK,
    optional: true,
    label: plain('Delivery', 2000),
    element: {
      type: 'checkboxes',
      action_id: ANSWER_ACTION,
      options: [dm],
      ...(options.initial?.[DELIVERY_BLOCK] === 'dm' ? { initial_options: [dm] } : {}),
    },
  };
  return {
    type: 'modal',
    callback_id: VIABILITY_CALLBACK,
    title: plain('Viability check', 24),
    submit: plain('Score me', 24),
    close: plain('Cancel', 24),
    ...(options.privateMetadata ? { private_metadata: options.privateMetadata } : {}),
    blocks: [
      {
        type: 'context',
        elements: [
          {
            type: 'mrkdwn',
            text: `${questions.length} questions. Your answers are rated against the nine factors of a prompt engineering career.`,
          },
        ],
      },
      ...inputs,
      delivery,
    ],
  };
}

/** One element's state in a `view_submission` payload, as far as this modal uses it. */
export interface ViewStateValue {
  type: string;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
}

/**
 * Answers from a submitted modal, and the core's `problems` with them (from `bot.submitViability`) as
 * field errors by block_id, for `response_action: 'errors'`. Answers with a problem are left out.
 */
export function readViabilityState(
  values: Record<string, Record<string, ViewStateValue>>,
  problems: readonly AnswerProblem[] = [],
): { answers: Record<string, string>; sendDm: boolean; errors: Record<string, string> } {
  const answers: Record<string, string> = {};
  const errors: Record<string, string> = {};
  for (const [blockId, block] of Object.entries(values)) {
    const value = block[ANSWER_ACTION]?.selected_option?.value;
    if (blockId.startsWith('q_') && value) answers[blockId.slice(2)] = value;
  }
  // The core decides what is wrong and says it in a field-sized sentence.
  for (const { question, hint } of problems) {
    errors[questionBlockId(question)] = hint;
    delete answers[question];
  }
  const sendDm = values[DELIVERY_BLOCK]?.[ANSWER_ACTION]?.selected_options?.some((o) => o.value === 'dm') ?? false;
  return { answers, sendDm, errors };
}

/** The last viability result as the Home tab shows it. */
export interface HomeResult {
  title: string;
  verdict: string;
  /** ISO timestamp or date; only the date is shown. */
  at: string;
  rows: { title: string; rating: string }[];
}

const titleCase = (id: string) => id.charAt(0).toUpperCase() + id.slice(1);
const section = (text: string): KnownBlock[] =>
  chunkText(text).map((t) => ({ type: 'section', text: { type: 'mrkdwn', text: t } }));

/** The App Home tab: what the bot does, a button to start the check, and the user's last result. */
export function homeView(input: { commands: string[]; lastResult?: HomeResult; factors?: string[] }): HomeView {
  const factors = (input.factors ?? FACTOR_IDS.map(titleCase)).map(escapeMrkdwn).join(', ');
  const commands = input.commands.map((c) => `\`${escapeMrkdwn(c)}\``).join(', ');
  const last = input.lastResult;
  const result: KnownBlock[] = last
    ? [
        ...section(`*Your last viability check* — ${escapeMrkdwn(last.at.slice(0, 10))}`),
        ...section(`*${escapeMrkdwn(last.title)}*\n${escapeMrkdwn(last.verdict)}`),
        ...section(
          last.rows
            .map((r) => {
              const emoji = RATING_EMOJI[r.rating as Rating] ?? ':white_circle:';
              return `${emoji} *${escapeMrkdwn(r.title)}* — ${escapeMrkdwn(r.rating)}`;
            })
            .join('\n'),
        ),
      ]
    : section("You haven't run the viability check yet. It takes a minute and rates each factor for you.");
  return {
    type: 'home',
    blocks: [
      { type: 'header', text: plain('Is prompt engineering a career for you?', 150) },
      ...section(
        'Ask me anything about a career in prompt engineering: send me a direct message or mention me in a channel.' +
          (commands ? `\nCommands: ${commands}.` : '') +
          `\nI cover the nine factors: ${factors}.`,
      ),
      {
        type: 'actions',
        elements: [
          {
            type: 'button',
            action_id: ACTION_VIABILITY,
            style: 'primary',
            text: plain('Start the viability check', 75),
            value: 'home',
          },
        ],
      },
      { type: 'divider' },
      ...result,
    ].slice(0, MAX_HOME_BLOCKS),
  };
}
