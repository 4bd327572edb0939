/**
 * Renders a core `Reply` as plain text for a terminal, wrapped at word boundaries to the given width.
 * Choices are numbered so the console adapter can let the user pick one by typing its number.
 */
import { renderLiterals } from '../../src/literal.ts';
import type { Rating, Reply, ReplyFact } from '../../src/types.ts';
import { DEFAULT_COLUMNS, wrapText } from './wrap.ts';

const MARK: Record<Rating, string> = { favourable: '[+]', mixed: '[~]', risk: '[!]' };

/** "label: text", without doubling the colon when the label already ends in punctuation ("…now?"). */
function labelled(label: string, text: string): string {
  return /[:?!.]$/.test(label.trim()) ? `${label.trim()} ${text}` : `${label}: ${text}`;
}

function factLine(f: ReplyFact): string {
  const note = f.note ? ` Note: ${f.note}` : '';
  return `- ${labelled(f.figure, `${f.text} (${f.source}, ${f.asOf})${note}`)}`;
}

/**
 * The footer without the knowledge-base version: it is the same on every reply, so in a chat it is
 * noise (it is still logged at start-up). Footers are " · "-separated parts built by the core.
 */
function footerText(footer: string): string {
  return footer
    .split(' · ')
    .filter((part) => !/^knowledge base \S+$/.test(part.trim()))
    .join(' · ');
}

/** Options for `renderText`. */
export interface RenderTextOptions {
  /** Escapes outside words (literal spans) for where the text goes; a terminal shows them as they are. */
  literal?: (span: string) => string;
}

/** The plain-text form of a reply, wrapped to `width` columns. */
export function renderText(
  reply: Reply,
  width = DEFAULT_COLUMNS,
  { literal = (s) => s }: RenderTextOptions = {},
): string {
  const bullets = (items: string[]) => items.map((item) => wrapText(item, width, '  ')).join('\n');
  // Bold markers are dropped from our own text only: a company named "*Bold* Co" keeps its asterisks.
  const body = renderLiterals(reply.body, literal, (own) => own.replace(/\*/g, ''));
  const parts: string[] = [wrapText(renderLiterals(reply.title, literal).toUpperCase(), width)];
  // Caveats (old or foreign figures, answers in English) come before the answer they qualify.
  if (reply.notices?.length) parts.push(reply.notices.map((n) => wrapText(`Note: ${n}`, width, '      ')).join('\n'));
  parts.push(wrapText(body, width));
  if (reply.scorecard?.length) {
    parts.push(
      reply.scorecard
        .map((row) => {
          const change = row.previous ? ` (was ${row.previous})` : '';
          const heading = wrapText(`${MARK[row.rating]} ${row.title} — ${row.rating}${change}`, width, '    ');
          return `${heading}\n${wrapText(`    ${row.reason} (${row.fact.source}, ${row.fact.asOf})`, width, '    ')}`;
        })
        .join('\n'),
    );
  } else if (reply.facts.length > 0) {
    parts.push(`Key facts:\n${bullets(reply.facts.map(factLine))}`);
  }
  if (reply.advice.length > 0) {
    const heading = reply.kind === 'viability' ? 'Next steps:' : 'What to do:';
    parts.push(`${heading}\n${bullets(reply.advice.map((a) => `- ${a}`))}`);
  }
  if (reply.choices.length > 0) {
    const heading = reply.kind === 'notice' || reply.kind === 'clarify' ? 'Choose:' : 'You could ask:';
    const lines = reply.choices.map((c, i) => wrapText(`  ${i + 1}. ${c.label}`, width, '     '));
    parts.push(`${heading}\n${lines.join('\n')}`);
  }
  const footer = reply.footer ? footerText(renderLiterals(reply.footer, literal)) : '';
  if (footer) parts.push(wrapText(footer, width));
  return parts.join('\n\n');
}
