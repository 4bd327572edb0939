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
import { clip, neutraliseMentions } from '../../src/input.ts';
import { renderLiterals } from '../../src/literal.ts';
import type { Rating, Reply, ReplyFact, ReplyKind } from '../../src/ports.ts';
import { buttonChoices } from '../shared/buttons.ts';
import { splitText } from '../shared/text-fit.ts';
import { encodeAsk, encodeShare } from './custom-ids.ts';
import { escapeMarkdown } from './markdown.ts';

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
const MAX_PER_ROW = 5;
const MAX_ROWS = 5;

const plain = (span: string): string => span;

/** User-visible text: mentions defused (neutraliseMentions covers `@everyone`, `@here`, `<@id>`, `<@&id>`). */
const safe = (text: string): string => neutraliseMentions(text.toWellFormed());

/** Splits plain content into messages of at most `max` characters, at paragraph, line or word boundaries. */
export function chunkForDiscord(text: string, max = 2000): string[] {
  return splitText(text, max);
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
  // Which choices become buttons is the shared rule; on top of it, two questions cut to the same prefix
  // would give equal custom_ids, which Discord rejects in one message.
  const seen = new Set<string>();
  for (const choice of buttonChoices(reply, MAX_PER_ROW * MAX_ROWS - (share ? 1 : 0))) {
    const custom_id = encodeAsk(choice);
    if (seen.has(custom_id)) continue;
    seen.add(custom_id);
    buttons.push({
      type: ComponentType.Button,
      custom_id,
      label: clip(choice.label.toWellFormed(), MAX_LABEL),
      style: choice.primary ? ButtonStyle.Primary : ButtonStyle.Secondary,
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
