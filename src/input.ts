/**
 * Makes any user text safe to classify and to show: bounded length, no control characters, no broken
 * UTF-16, and no markup that could ping a channel when a reply repeats it.
 */

/** Longest text the router reads; longer messages keep their head and their tail (where the question usually is). */
export const MAX_ROUTED_CHARS = 2_000;
const HEAD_CHARS = 600;

/** What `cleanInput` found, so the reply can say so. */
export interface CleanInput {
  text: string;
  /** True when the original was longer than `MAX_ROUTED_CHARS`. */
  truncated: boolean;
  /** True when nothing but whitespace (or invisible characters) was sent. */
  empty: boolean;
  /** True when the text has no letters or digits at all (emoji-only, punctuation-only). */
  noWords: boolean;
}

/** Cleans raw user text for routing. Never throws, whatever the input. */
export function cleanInput(raw: unknown): CleanInput {
  const original = typeof raw === 'string' ? raw : '';
  let text = original
    .toWellFormed()
    // Control and format characters (except tab and newline) and bidi overrides carry no meaning here.
    .replace(/[\p{Cc}\p{Cf}]/gu, (c) => (c === '\n' || c === '\t' ? c : ' '))
    // Mentions and channel links say who is addressed, not what is asked.
    .replace(/<[@#!][^>\s]{0,80}>/g, ' ')
    .replace(/(^|\s)@[\p{L}\p{N}_.-]{1,40}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const truncated = text.length > MAX_ROUTED_CHARS;
  if (truncated) {
    text = `${text.slice(0, HEAD_CHARS)} … ${text.slice(text.length - (MAX_ROUTED_CHARS - HEAD_CHARS))}`;
  }
  return {
    text,
    truncated,
    empty: text.length === 0,
    noWords: text.length > 0 && !/[\p{L}\p{N}]/u.test(text),
  };
}

/**
 * Neutralises mentions before any user-supplied text is shown: Slack's `<!channel>`, `<@U123>`,
 * `<#C1>` and `<!subteam^…>`, and Discord's `@everyone`, `@here`, `<@123>`, `<@&123>`. A zero-width
 * space after the sigil keeps the text readable while no platform parses it as a mention.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/<([!@#])/g, '<\u200b$1').replace(/@(everyone|here|channel)\b/gi, '@\u200b$1');
}

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
