/**
 * Word wrapping for the terminal. Lines break at spaces so no word is cut in two. A single word longer
 * than the width (a long URL) gets a line of its own and is left whole: the terminal folds it, and
 * most terminals still recognise a folded URL as one link, which a cut one would not be.
 */

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
