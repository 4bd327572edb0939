/**
 * Renders a core `Reply` as plain text for a terminal. Choices are numbered so the console adapter
 * can let the user pick one by typing its number.
 */
import { renderLiterals } from '../../src/literal.ts';
import type { Rating, Reply } from '../../src/types.ts';

const MARK: Record<Rating, string> = { favourable: '[+]', mixed: '[~]', risk: '[!]' };

/**
 * Wraps a paragraph at `width` columns, keeping existing line breaks. A bullet's continuation lines are
 * indented under its text, so a long bullet can never look like a heading of its own.
 */
function wrap(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      const hang = line.startsWith('• ') ? `${indent}  ` : indent;
      let current = '';
      for (const word of line.split(/\s+/)) {
        const lead = out.length === 0 ? indent : hang;
        if (current && (lead + current + word).length + 1 > width) {
          out.push(lead + current);
          current = word;
        } else {
          current = current ? `${current} ${word}` : word;
        }
      }
      out.push((out.length === 0 ? indent : hang) + current);
      return out.join('\n');
    })
    .join('\n');
}

/** Options for `renderText`. */
export interface RenderTextOptions {
  /** Escapes outside words (literal spans) for where the text goes; a terminal shows them as they are. */
  literal?: (span: string) => string;
}

/** The plain-text form of a reply. */
export function renderText(reply: Reply, width = 88, { literal = (s) => s }: RenderTextOptions = {}): string {
  // Bold markers are dropped from our own text only: a company named "*Bold* Co" keeps its asterisks.
  const body = renderLiterals(reply.body, literal, (own) => own.replace(/\*/g, ''));
  const parts: string[] = [renderLiterals(reply.title, literal).toUpperCase(), wrap(body, width)];
  if (reply.scorecard?.length) {
    parts.push(
      reply.scorecard
        .map((row) => {
          const change = row.previous ? ` (was ${row.previous})` : '';
          return `${MARK[row.rating]} ${row.title}: ${row.rating}${change}\n${wrap(`${row.reason} (${row.fact.source}, ${row.fact.asOf})`, width, '    ')}`;
        })
        .join('\n'),
    );
  } else if (reply.facts.length > 0) {
    parts.push(
      `Key facts:\n${reply.facts.map((f) => wrap(`- ${f.figure}: ${f.text} (${f.source}, ${f.asOf})`, width, '  ').replace(/^ {2}/, '')).join('\n')}`,
    );
  }
  if (reply.advice.length > 0) {
    const heading = reply.kind === 'viability' ? 'Next steps:' : 'What to do:';
    parts.push(`${heading}\n${reply.advice.map((a) => wrap(`- ${a}`, width, '  ').replace(/^ {2}/, '')).join('\n')}`);
  }
  if (reply.choices.length > 0) {
    const heading = reply.kind === 'notice' || reply.kind === 'clarify' ? 'Choose:' : 'You could ask:';
    parts.push(`${heading}\n${reply.choices.map((c, i) => `  ${i + 1}. ${c.label}`).join('\n')}`);
  }
  if (reply.footer) parts.push(wrap(renderLiterals(reply.footer, literal), width));
  return parts.join('\n\n');
}
