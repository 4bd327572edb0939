/**
 * Fitting text into platform limits: shortening with an ellipsis and splitting into pieces, without
 * breaking a surrogate pair or an HTML entity, and at word, line or paragraph boundaries when possible.
 * Shared by the Slack and Discord renderers, whose limits differ but whose rules are the same.
 */

/** Index at most `at` that splits neither a surrogate pair nor an `&amp;`-style entity. */
export function safeCut(text: string, at: number): number {
  let cut = at;
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  const amp = text.lastIndexOf('&', cut - 1);
  const entity = amp >= 0 ? /^&(?:amp|lt|gt);/.exec(text.slice(amp)) : null;
  if (entity && amp + entity[0].length > cut) cut = amp;
  return cut;
}

/** Shortens text to `max` characters with a trailing ellipsis, at a word boundary when one is close. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = safeCut(text, Math.max(0, max - 1));
  const space = text.lastIndexOf(' ', cut);
  if (space > max * 0.6) cut = space;
  return `${text.slice(0, cut).trimEnd()}…`;
}

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
