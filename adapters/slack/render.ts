/**
 * Renders a core `Reply` as Slack Block Kit. Mirrors `renderText` (the core's plain text) in content, and enforces
 * Slack's hard limits here so no reply, however long its knowledge entry, is ever rejected by the API.
 */
import type { ActionsBlock, Button, ContextBlock, KnownBlock, SectionBlock } from '@slack/types';
import { clip as fitClip, neutraliseMentions, safeCut } from '../../src/input.ts';
import { renderLiterals } from '../../src/literal.ts';
import type { IntentId, Rating, Reply, ReplyFact } from '../../src/ports.ts';
import { renderText } from '../../src/render-text.ts';
import { buttonChoices } from '../shared/buttons.ts';
import { splitText } from '../shared/text-fit.ts';

/** Prefix of the action_id on follow-up buttons; each button appends `_<index>`. */
export const ACTION_ASK = 'careerbot_ask';
/** action_id of the "Share to channel" button on ephemeral replies. */
export const ACTION_SHARE = 'careerbot_share';
/** action_id of the button that opens the viability modal. */
export const ACTION_VIABILITY = 'careerbot_viability_open';

/** Emoji shown beside each factor rating. */
export const RATING_EMOJI: Record<Rating, string> = {
  favourable: ':large_green_circle:',
  mixed: ':large_yellow_circle:',
  risk: ':red_circle:',
};

// Slack's documented limits: beyond them chat.postMessage fails with invalid_blocks.
const MAX_TEXT = 3000;
const MAX_BLOCKS = 50;
const MAX_HEADER = 150;
const MAX_BUTTON_TEXT = 75;
const MAX_VALUE = 2000;
const MAX_BUTTONS = 5;
/** Facts kept before advice is dropped, so an over-long reply still shows its first figures. */
const KEEP_FACTS = 3;

/** Escapes `&`, `<`, `>` for mrkdwn and defuses `@everyone`-style words, so no shown text can ping. */
export function escapeMrkdwn(text: string): string {
  // Escaping `<` already defuses `<!channel>` and `<@U…>`; neutraliseMentions then catches the bare words.
  return neutraliseMentions(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
}

// mrkdwn has no escape character, so outside words get look-alikes for the characters that start formatting.
const MARKUP_LOOKALIKES: Record<string, string> = { '*': '\u2217', _: '\uff3f', '~': '\u223c', '`': '\u02cb' };

/** Outside words (a literal span) for mrkdwn: no bold, italic, strike or code can start inside them. */
export function neutraliseMarkup(text: string): string {
  return text.replace(/[*_~`]/g, (c) => MARKUP_LOOKALIKES[c] ?? c);
}

/** Escapes text for mrkdwn, and shows its literal spans (board titles, company names) as typed. */
function mrkdwn(text: string): string {
  // Escaping first is safe: the span markers are not among `&`, `<`, `>`, and the look-alikes need no escaping.
  return renderLiterals(escapeMrkdwn(text), neutraliseMarkup);
}

/** Shortens text to `max` characters with a trailing ellipsis (the core's rules: `src/input.ts`). */
export const clip = fitClip;

/** Splits text into section-sized pieces (3,000 characters by default). */
export function chunkText(text: string, max = MAX_TEXT): string[] {
  return splitText(text, max);
}

/** A button value: the question to ask, and the intent when known. */
export interface ButtonValue {
  q: string;
  i?: IntentId;
}

/** JSON for a button value, with the question shortened until it fits Slack's 2,000-character cap. */
function buttonValue(value: ButtonValue): string {
  let q = value.q;
  let json = JSON.stringify({ ...value, q });
  while (json.length > MAX_VALUE) {
    q = q.slice(0, safeCut(q, q.length - (json.length - MAX_VALUE)));
    json = JSON.stringify({ ...value, q });
  }
  return json;
}

/** Reads a button value written by `renderReply`; undefined when it is not one of ours. */
export function readButtonValue(value: string | undefined): ButtonValue | undefined {
  try {
    const parsed: unknown = JSON.parse(value ?? '');
    if (typeof parsed !== 'object' || parsed === null || typeof (parsed as ButtonValue).q !== 'string')
      return undefined;
    const { q, i } = parsed as ButtonValue;
    return typeof i === 'string' ? { q, i } : { q };
  } catch {
    return undefined;
  }
}

const section = (text: string): SectionBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const sections = (text: string): SectionBlock[] => chunkText(text).map(section);

function factBlock(fact: ReplyFact): ContextBlock {
  const name = escapeMrkdwn(fact.source);
  // Inside `<url|name>` a `|` or `>` would end the link early, so those are percent-encoded.
  const url = fact.sourceUrl?.replace(/&/g, '&amp;').replace(/[<>|]/g, encodeURIComponent);
  const source = url ? `<${url}|${name}>` : name;
  return {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: clip(
          `*${escapeMrkdwn(fact.figure)}* — ${escapeMrkdwn(fact.text)}${fact.note ? ` _Note: ${escapeMrkdwn(fact.note)}_` : ''}`,
          MAX_TEXT,
        ),
      },
      { type: 'mrkdwn', text: clip(`Source: ${source} · as of ${escapeMrkdwn(fact.asOf)}`, MAX_TEXT) },
    ],
  };
}

function actionsBlock(reply: Reply, options: { share?: boolean; question?: string }): ActionsBlock | undefined {
  // Which choices become buttons is the shared rule (`adapters/shared/buttons.ts`); the drawing is Slack's.
  const buttons: Button[] = buttonChoices(reply, MAX_BUTTONS).map((choice, i) => ({
    type: 'button',
    action_id: `${ACTION_ASK}_${i}`,
    text: { type: 'plain_text', text: clip(choice.label, MAX_BUTTON_TEXT), emoji: true },
    value: buttonValue(choice.intent ? { q: choice.question, i: choice.intent } : { q: choice.question }),
    ...(choice.primary ? { style: 'primary' as const } : {}),
  }));
  // Sharing re-asks the question in the channel, so there is nothing to share without one.
  if (options.share && options.question) {
    buttons.push({
      type: 'button',
      action_id: ACTION_SHARE,
      text: { type: 'plain_text', text: 'Share to channel' },
      // The raw question, not JSON: the share handler re-asks it as typed text.
      value: clip(options.question, MAX_VALUE),
    });
  }
  return buttons.length > 0 ? { type: 'actions', elements: buttons } : undefined;
}

/** The Block Kit message for a reply, plus the plain `text` Slack shows in notifications. */
export function renderReply(
  reply: Reply,
  options: { share?: boolean; question?: string } = {},
): { text: string; blocks: KnownBlock[] } {
  const title = neutraliseMentions(renderLiterals(reply.title, (s) => s).trim()) || 'careerbot';
  const header: KnownBlock = { type: 'header', text: { type: 'plain_text', text: clip(title, MAX_HEADER) } };
  let body = sections(mrkdwn(reply.body));
  const rows = (reply.scorecard ?? []).map((row) => {
    const was = row.previous ? ` (was ${row.previous})` : '';
    const cite = `_(${escapeMrkdwn(row.fact.source)}, ${escapeMrkdwn(row.fact.asOf)})_`;
    return `${RATING_EMOJI[row.rating]} *${escapeMrkdwn(row.title)}* — ${row.rating}${was}\n${escapeMrkdwn(row.reason)} ${cite}`;
  });
  let scorecard = rows.map((line) => section(clip(line, MAX_TEXT)));
  // The scorecard already cites its facts beside each factor, as the console renderer does.
  let facts = reply.scorecard?.length ? [] : reply.facts.map(factBlock);
  const heading = reply.kind === 'viability' ? '*Next steps*' : '*What to do*';
  let advice = reply.advice.length
    ? sections(`${heading}\n${reply.advice.map((a) => `• ${escapeMrkdwn(a)}`).join('\n')}`)
    : [];
  const actions = actionsBlock(reply, options);
  // Caveats (old or foreign figures, answers in English) sit in one small block above the answer.
  const notices: ContextBlock[] = reply.notices?.length
    ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn(reply.notices.join('\n')), MAX_TEXT) }] }]
    : [];
  let footer: ContextBlock | undefined = reply.footer
    ? { type: 'context', elements: [{ type: 'mrkdwn', text: clip(mrkdwn(reply.footer), MAX_TEXT) }] }
    : undefined;

  let packed = false;
  const count = () =>
    1 +
    notices.length +
    body.length +
    scorecard.length +
    facts.length +
    advice.length +
    (actions ? 1 : 0) +
    (footer ? 1 : 0);
  // Least important first: extra facts, advice, remaining facts, footer; then pack the scorecard, then cut the body.
  while (count() > MAX_BLOCKS) {
    if (facts.length > KEEP_FACTS) facts = facts.slice(0, Math.max(KEEP_FACTS, facts.length - (count() - MAX_BLOCKS)));
    else if (advice.length) advice = [];
    else if (facts.length) facts = facts.slice(0, -1);
    else if (footer) footer = undefined;
    else if (!packed && scorecard.length > 1) {
      scorecard = sections(rows.join('\n\n'));
      packed = true;
    } else if (body.length > 1) {
      body = body.slice(0, Math.max(1, body.length - (count() - MAX_BLOCKS)));
      const last = body.at(-1);
      if (last?.text) last.text.text = `${clip(last.text.text, MAX_TEXT - 2)}\n…`;
    } else scorecard = scorecard.slice(0, scorecard.length - (count() - MAX_BLOCKS));
  }

  const blocks: KnownBlock[] = [header, ...notices, ...body, ...scorecard, ...facts, ...advice];
  if (actions) blocks.push(actions);
  if (footer) blocks.push(footer);
  // Slack needs a non-empty text for notifications and screen readers; the header's title always has one.
  const text =
    clip(escapeMrkdwn(renderText(reply, 88, { literal: neutraliseMarkup })), MAX_TEXT).trim() || clip(title, MAX_TEXT);
  return { text, blocks };
}
