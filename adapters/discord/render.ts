/**
 * Renders a core `Reply` as one Discord embed plus button rows. Mirrors the Slack renderer in content and
 * enforces Discord's hard limits here, so no reply is ever rejected by the API (50035 Invalid Form Body).
 */
import {
  type APIActionRowComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  type APIEmbedField,
  ButtonStyle,
  ComponentType,
  type MessageMentionOptions,
} from 'discord.js';
import { neutraliseMentions } from '../../src/input.ts';
import { renderLiterals } from '../../src/literal.ts';
import { clip as fitClip, splitText } from '../../src/text-fit.ts';
import { INTENT_IDS, type IntentId, type Rating, type Reply, type ReplyFact, type ReplyKind } from '../../src/ports.ts';
import { escapeMarkdown } from './markdown.ts';

/** Prefix of follow-up button ids: `cb:ask:<intent|->:<base64url question>`. */
export const CUSTOM_ASK = 'cb:ask';
/** Prefix of the "Share to channel" button id: `cb:share:<base64url question>`. */
export const CUSTOM_SHARE = 'cb:share';
/** custom_id of a button that starts the viability questionnaire. */
export const CUSTOM_VIABILITY_START = 'cb:viability';

/** Sent with every message: a reply that repeats `@everyone` or `<@id>` must still ping nobody. */
export const ALLOWED_MENTIONS_NONE = Object.freeze({
  parse: Object.freeze([] as const),
  repliedUser: false,
}) satisfies MessageMentionOptions;

/** Emoji shown beside each factor rating. */
export const RATING_EMOJI: Record<Rating, string> = { favourable: '🟢', mixed: '🟡', risk: '🔴' };

/** Embed colour per reply kind, so a refusal or error reads differently at a glance. */
const COLOR: Record<ReplyKind, number> = {
  answer: 0x5865f2,
  clarify: 0xfee75c,
  refusal: 0x99aab5,
  help: 0x5865f2,
  viability: 0x57f287,
  notice: 0x99aab5,
  error: 0xed4245,
};

// Discord's documented limits (https://discord.com/developers/docs/resources/message#embed-object-embed-limits).
const EMBED = { title: 256, description: 4096, fields: 25, name: 256, value: 1024, footer: 2048, total: 6000 };
const MAX_LABEL = 80;
const MAX_CUSTOM_ID = 100;
const MAX_PER_ROW = 5;
const MAX_ROWS = 5;

/** Shortens text to `max` characters with a trailing ellipsis (shared rules: `src/text-fit.ts`). */
export const clip = fitClip;

const plain = (span: string): string => span;

/** User-visible text: mentions defused (neutraliseMentions covers `@everyone`, `@here`, `<@id>`, `<@&id>`). */
const safe = (text: string): string => neutraliseMentions(text.toWellFormed());

/** Splits plain content into messages of at most `max` characters, at paragraph, line or word boundaries. */
export function chunkForDiscord(text: string, max = 2000): string[] {
  return splitText(text, max);
}

/** base64url of the longest word-aligned prefix of `question` whose encoding fits in `room` characters. */
function encodeQuestion(question: string, room: number): string {
  const bytes = Math.floor((room * 3) / 4);
  // Every character takes at least one byte, so longer input can be cut before the exact (quadratic) trim.
  let chars = Array.from(question.toWellFormed().trim()).slice(0, bytes + 1);
  if (Buffer.byteLength(chars.join('')) > bytes) {
    while (Buffer.byteLength(chars.join('')) > bytes) chars.pop();
    // Prefer ending on a whole word, since the router reads words, unless that loses too much.
    const space = chars.lastIndexOf(' ');
    if (space > chars.length * 0.6) chars = chars.slice(0, space);
  }
  return Buffer.from(chars.join('').trimEnd()).toString('base64url');
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeQuestion(encoded: string): string | undefined {
  try {
    const question = STRICT_UTF8.decode(Buffer.from(encoded, 'base64url')).trim();
    return question || undefined;
  } catch {
    return undefined;
  }
}

/** The custom_id of a follow-up button; the question is truncated (to a prefix) so the id fits in 100 chars. */
export function encodeAsk(choice: { question: string; intent?: IntentId }): string {
  const head = `${CUSTOM_ASK}:${choice.intent ?? '-'}:`;
  return head + encodeQuestion(choice.question, MAX_CUSTOM_ID - head.length);
}

/** Reads a follow-up button id; undefined when it is not one of ours or its intent is unknown. */
export function decodeAsk(customId: string): { question: string; intent?: IntentId } | undefined {
  const match = /^cb:ask:([a-z_]+|-):([A-Za-z0-9_-]+)$/.exec(customId);
  if (!match?.[1] || !match[2]) return undefined;
  const intent = match[1] === '-' ? undefined : INTENT_IDS.find((i) => i === match[1]);
  if (match[1] !== '-' && !intent) return undefined;
  const question = decodeQuestion(match[2]);
  if (!question) return undefined;
  return intent ? { question, intent } : { question };
}

/** The custom_id of the "Share to channel" button, carrying the question to re-ask in the channel. */
export function encodeShare(question: string): string {
  const head = `${CUSTOM_SHARE}:`;
  return head + encodeQuestion(question, MAX_CUSTOM_ID - head.length);
}

/** Reads a share button id back into its question; undefined when it is not one of ours. */
export function decodeShare(customId: string): string | undefined {
  const match = /^cb:share:([A-Za-z0-9_-]+)$/.exec(customId);
  return match?.[1] ? decodeQuestion(match[1]) : undefined;
}

/** `[name](url)` for http(s) links, with the characters that would end the link early escaped. */
function cite(fact: ReplyFact): string {
  const name = safe(fact.source).replace(/[[\]]/g, '\\$&');
  const url = /^https?:\/\//i.test(fact.sourceUrl ?? '') ? fact.sourceUrl?.replace(/[()<> ]/g, encodeURIComponent) : '';
  const source = url && url.length < 512 ? `[${name}](${url})` : name;
  return `${source}, as of ${safe(fact.asOf)}`;
}

/** A field whose free text is clipped before the citation is appended, so a link is never cut in half. */
function field(name: string, text: string, citation: string, sep: string): APIEmbedField {
  const tail = clip(citation, EMBED.value / 2);
  const head = clip(safe(text).trim(), EMBED.value - tail.length - sep.length);
  // Discord rejects an empty field name or value, so a blank one becomes a zero-width space.
  return { name: clip(safe(name).trim(), EMBED.name) || '\u200b', value: head ? `${head}${sep}${tail}` : tail };
}

/** Characters Discord counts toward an embed's 6,000 total. */
const embedLength = (e: APIEmbed): number =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

function buttonRows(reply: Reply, options: { share?: boolean; question?: string }) {
  const share = Boolean(options.share && options.question?.trim());
  const buttons: APIButtonComponentWithCustomId[] = [];
  // Discord rejects a message with two equal custom_ids; an equal id would ask the same question anyway.
  const seen = new Set<string>();
  for (const choice of reply.choices) {
    const custom_id = encodeAsk(choice);
    if (seen.has(custom_id) || buttons.length >= MAX_PER_ROW * MAX_ROWS - (share ? 1 : 0)) continue;
    seen.add(custom_id);
    buttons.push({
      type: ComponentType.Button,
      custom_id,
      label: clip(safe(choice.label).trim(), MAX_LABEL) || 'Ask',
      style: reply.kind === 'clarify' && buttons.length === 0 ? ButtonStyle.Primary : ButtonStyle.Secondary,
    });
  }
  if (share && options.question) {
    const custom_id = encodeShare(options.question);
    buttons.push({ type: ComponentType.Button, custom_id, label: 'Share to channel', style: ButtonStyle.Success });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let i = 0; i < buttons.length; i += MAX_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + MAX_PER_ROW) });
  }
  return rows;
}

/** The Discord message for a reply: one embed, button rows, and no mentions. `content` is emptied on purpose. */
export function renderReply(
  reply: Reply,
  options: { share?: boolean; question?: string } = {},
): {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponentWithCustomId>[];
  allowedMentions: MessageMentionOptions;
} {
  const heading = reply.kind === 'viability' ? '**Next steps**' : '**What to do**';
  const advice = reply.advice.length ? `\n\n${heading}\n${reply.advice.map((a) => `• ${safe(a)}`).join('\n')}` : '';
  const body = renderLiterals(reply.body, escapeMarkdown);
  // Caveats (old or foreign figures, answers in English) open the description, in italics.
  const notices = reply.notices?.length ? `${reply.notices.map((n) => `*${safe(n)}*`).join('\n')}\n\n` : '';
  const description = clip(`${notices}${safe(body).trim()}${advice}`.trim(), EMBED.description);
  const scorecard = (reply.scorecard ?? []).map((row) => {
    const was = row.previous ? ` (was ${row.previous})` : '';
    return field(`${RATING_EMOJI[row.rating]} ${row.title} — ${row.rating}${was}`, row.reason, cite(row.fact), ' — ');
  });
  // The scorecard cites its facts beside each factor, as the Slack and console renderers do.
  const facts = scorecard.length
    ? []
    : reply.facts.map((f) => field(f.figure, f.note ? `${f.text} (Note: ${f.note})` : f.text, cite(f), '\n— '));
  const embed: APIEmbed = {
    // Embed titles and footers show no markdown, so their literal spans need no escaping.
    title: clip(safe(renderLiterals(reply.title, plain)).trim(), EMBED.title) || 'careerbot',
    color: COLOR[reply.kind],
    fields: [...scorecard, ...facts].slice(0, EMBED.fields),
    ...(description ? { description } : {}),
    ...(reply.footer?.trim()
      ? { footer: { text: clip(safe(renderLiterals(reply.footer, plain).trim()), EMBED.footer) } }
      : {}),
  };
  // Least important first: fact fields, then the description's tail, then the footer, then scorecard rows.
  for (let excess = embedLength(embed) - EMBED.total; excess > 0; excess = embedLength(embed) - EMBED.total) {
    if ((embed.fields?.length ?? 0) > scorecard.length) embed.fields = embed.fields?.slice(0, -1);
    else if ((embed.description?.length ?? 0) > excess + 1)
      embed.description = clip(embed.description ?? '', (embed.description?.length ?? 0) - excess);
    else if (embed.description) delete embed.description;
    else if (embed.footer) delete embed.footer;
    else embed.fields = embed.fields?.slice(0, -1);
  }
  return {
    content: '',
    embeds: [embed],
    components: buttonRows(reply, options),
    allowedMentions: ALLOWED_MENTIONS_NONE,
  };
}
