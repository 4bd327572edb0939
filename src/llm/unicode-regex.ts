/** Word boundaries that know letters outside ASCII, for patterns written in many languages. */

// Latin (with accents), Greek and Cyrillic: the scripts whose words have boundaries. A small class,
// because \p{L} in a lookbehind makes each pattern take a tenth of a second to compile.
const WORD = '[a-z0-9_\\u00c0-\\u024f\\u0370-\\u03ff\\u0400-\\u04ff]';
const BOUNDARY = `(?:(?<!${WORD})(?=${WORD})|(?<=${WORD})(?!${WORD}))`;

/**
 * The pattern, which must be written in lower case, with every `\b` made Unicode-aware: JavaScript's `\b` sees "é" or "ż" as a non-letter,
 * so `\billimité\b` would never match before a space.
 */
export function unicodeWords(pattern: RegExp): RegExp {
  // Case-insensitive Unicode classes take V8 about half a second to compile, so the pattern is made
  // case-sensitive: write it in lower case and test lower-cased text.
  const flags = `${pattern.flags.replace(/[iu]/g, '')}u`;
  return new RegExp(pattern.source.replaceAll('\\b', BOUNDARY), flags);
}
