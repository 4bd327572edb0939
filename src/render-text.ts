/**
 * A reply's own plain text: the console shows it, the CLI prints it, and Slack sends it as the
 * notification fallback. Wrapped at word boundaries to the given width; choices are numbered so the
 * console can let the user pick one by typing its number.
 *
 * Word wrapping: lines break at spaces so no word is cut in two. A single word longer than the width (a
 * long URL) gets a line of its own and is left whole: the terminal folds it, and most terminals still
 * recognise a folded URL as one link, which a cut one would not be.
 */
import { renderLiterals } from './literal.ts';
import type { Rating, Reply, ReplyFact } from './types.ts';

/** Columns used when the output is not a terminal (a pipe, a file, a test stream). */
export const DEFAULT_COLUMNS = 80;

/** Length in code points, so an emoji or a non-BMP letter counts once. */
function columns(text: string): number {
  return [...text].length;
}

/** A bullet or number that opens a line ("• ", "- ", "2. "), with the spaces before it. */
const BULLET = /^\s*(?:[•*-]|\d{1,2}\.)\s+/;

/**
 * Wraps one line to `width` columns. Continuation lines start with `indent`, or, when none is given and
 * the line opens with a bullet, with spaces as wide as the bullet so the text lines up under its first word.
 */
function wrapLine(line: string, width: number, given: string): string[] {
  const indent = given || ' '.repeat(columns(BULLET.exec(line)?.[0] ?? ''));
  // Each word with the spaces before it, so padding inside a line (aligned columns) survives.
  const words = [...line.trimEnd().matchAll(/(\s*)(\S+)/g)].map((m) => ({ space: m[1] ?? '', word: m[2] ?? '' }));
  const [first, ...rest] = words;
  if (!first) return [''];
  const out: string[] = [];
  let current = `${first.space}${first.word}`;
  for (const { space, word } of rest) {
    const candidate = `${current}${space}${word}`;
    if (columns(candidate) > width) {
      out.push(current);
      current = `${indent}${word}`;
    } else {
      current = candidate;
    }
  }
  out.push(current);
  return out;
}

/** Wraps text to `width` columns at word boundaries, keeping its line breaks; continuation lines get `indent`. */
export function wrapText(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .flatMap((line) => wrapLine(line, width, indent))
    .join('\n');
}

/** The width to wrap to: the terminal's, when the stream is one, else `DEFAULT_COLUMNS`. */
export function columnsOf(stream: unknown): number {
  const cols = (stream as { columns?: unknown }).columns;
  return typeof cols === 'number' && cols > 0 ? cols : DEFAULT_COLUMNS;
}

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
