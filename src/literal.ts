/**
 * Literal spans in reply text: words from outside (a job board's titles and company names) that a renderer
 * must show as typed, never as markup. The core wraps them with `literal()`; each platform's renderer escapes
 * the inside of every span for its own markup with `renderLiterals()`. The markers are private-use characters,
 * which the job-board sanitiser strips, so outside text can neither open nor close a span.
 */

/** Opens a literal span. */
export const LITERAL_OPEN = '\uE000';
/** Closes a literal span. */
export const LITERAL_CLOSE = '\uE001';

const MARKERS = /[\uE000\uE001]/g;
const SPAN = /\uE000([^\uE000\uE001]*)\uE001?/g;

/** `text` marked as literal: renderers escape it for their markup. */
export function literal(text: string): string {
  return `${LITERAL_OPEN}${text.replace(MARKERS, '')}${LITERAL_CLOSE}`;
}

/**
 * `text` with each literal span replaced by `escapeSpan(span)`, the text between spans by `outside(text)` (e.g.
 * dropping markup a plain-text renderer cannot show), and the markers removed.
 */
export function renderLiterals(
  text: string,
  escapeSpan: (span: string) => string,
  outside: (text: string) => string = (t) => t,
): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(SPAN)) {
    out += outside(text.slice(last, match.index).replace(MARKERS, '')) + escapeSpan(match[1] ?? '');
    last = match.index + match[0].length;
  }
  return out + outside(text.slice(last).replace(MARKERS, ''));
}

/** `text` with the markers removed and nothing escaped, for plain-text output. */
export function plainLiterals(text: string): string {
  return text.replace(MARKERS, '');
}
