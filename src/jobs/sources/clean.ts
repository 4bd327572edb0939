/**
 * One sanitiser for every job-board string that reaches a chat channel or a terminal. Boards are untrusted:
 * a title can carry line breaks that forge digest sections, terminal escape codes, bidi overrides that reverse
 * what is shown, invisible characters, or ten thousand characters that push every other opening out of a
 * message. Text leaves here as one short, printable line; each platform still escapes its own markup.
 */
import { clip } from '../../input.ts';

/** Longest text kept per field, in characters (an ellipsis marks a cut). */
export const FIELD_LIMITS = { title: 120, company: 80, location: 120, reason: 160 } as const;
/** Longest link kept; a longer one is not a job link worth showing. */
export const MAX_URL = 2_048;

// ANSI/ECMA-48 sequences are removed whole, so their parameters ("[31m") do not linger as text:
// CSI (ESC [ or 8-bit CSI), OSC/DCS/SOS/PM/APC strings up to their terminator, then any other ESC pair.
const ESCAPE_SEQUENCES =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is this regex's job.
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[\s\S]?/g;
// Line and paragraph breaks of every kind become spaces; other controls, format characters (bidi controls,
// zero-width characters, soft hyphens, BOM) and private-use characters (the digest's literal markers) go.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}]/gu;
// More than two combining marks on one letter only serves to smear text over neighbouring lines.
const MARK_PILES = /(\p{M}{2})\p{M}+/gu;

/** `text` as one printable line of at most `max` characters; empty when nothing printable is left. */
export function cleanText(text: unknown, max: number): string {
  if (typeof text !== 'string') return '';
  const line = text
    .toWellFormed()
    .replace(ESCAPE_SEQUENCES, '')
    .normalize('NFKC')
    .replace(BREAKS, ' ')
    .replace(INVISIBLE, '')
    .replace(MARK_PILES, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return clip(line, max);
}

// Characters that end or disguise a link in chat markup; percent-encoding them keeps the address the same.
const LINK_BREAKERS = /[\s"'()*<>[\\\]`{|}]/g;

/** An http(s) link as a plain absolute URL, or undefined when it is not one (or is too long to be a job link). */
export function cleanUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  if (parsed.username || parsed.password) return undefined;
  const href = parsed.href.replace(
    LINK_BREAKERS,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`,
  );
  return href.length <= MAX_URL ? href : undefined;
}
