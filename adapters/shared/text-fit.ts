/**
 * Fitting text into platform limits: splitting into pieces without breaking a surrogate pair or an HTML
 * entity, at paragraph, line or word boundaries when possible. Shared by the Slack and Discord renderers,
 * whose limits differ but whose rules are the same. Shortening (`clip`) is in the core's `input.ts`: the
 * core bounds untrusted board text with it too.
 */
import { safeCut } from '../../src/input.ts';

/** Splits text into pieces of at most `max` characters, at paragraph, line or word boundaries when possible. */
export function splitText(text: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    // A boundary in the first half would waste a piece on a tiny chunk, so look for the next kind instead.
    let cut = -1;
    for (const sep of ['\n\n', '\n', ' ']) {
      const at = rest.lastIndexOf(sep, max);
      if (at >= max / 2) {
        cut = at;
        break;
      }
    }
    if (cut <= 0) cut = rest.lastIndexOf(' ', max);
    if (cut <= 0) cut = safeCut(rest, max);
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}
