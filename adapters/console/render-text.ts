/**
 * Renders a core `Reply` as plain text for a terminal. Choices are numbered so the console adapter
 * can let the user pick one by typing its number.
 */
import type { Rating, Reply } from '../../src/types.ts';

const MARK: Record<Rating, string> = { favourable: '[+]', mixed: '[~]', risk: '[!]' };

/** Wraps a paragraph at `width` columns, keeping existing line breaks. */
function wrap(text: string, width: number, indent = ''): string {
  return text
    .split('\n')
    .map((line) => {
      const out: string[] = [];
      let current = '';
      for (const word of line.split(/\s+/)) {
        if (current && (indent + current + word).length + 1 > width) {
          out.push(indent + current);
          current = word;
        } else {
          current = current ? `${current} ${word}` : word;
        }
      }
      out.push(indent + current);
      return out.join('\n');
    })
    .join('\n');
}

/** The plain-text form of a reply. */
export function renderText(reply: Reply, width = 88): string {
  const parts: string[] = [reply.title.toUpperCase(), wrap(reply.body.replace(/\*/g, ''), width)];
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
  if (reply.footer) parts.push(wrap(reply.footer, width));
  return parts.join('\n\n');
}
