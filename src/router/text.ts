/**
 * Text clean-up shared by the router and the input guard: everything that turns raw user text into
 * comparable tokens lives here, so training examples and live messages are treated identically.
 */

/** Words that carry no topic on their own; kept out of word features but not out of character n-grams. */
const STOPWORDS = new Set(
  'a an the and or but if of to in on at for from by with about as is are was were be been being am do does did doing have has had having i me my we our you your he she it its they them their this that these those there here what which who whom whose when where why how can could would should will shall may might must just so than then too very really im ive id youre its dont doesnt didnt isnt arent wasnt not no yes ok okay hey hi hello please thanks thank lol tbh ngl pls plz u ur'.split(
    ' ',
  ),
);

const UNSPACED_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー]+/gu;

/** Lower-cases, folds accents and width, and replaces everything but letters and digits with spaces. */
export function normalise(text: string): string {
  return (
    text
      .toWellFormed()
      .normalize('NFKD')
      // Only the Latin-style accents go; Devanagari vowel signs and other scripts' marks carry meaning.
      .replace(/[\u0300-\u036f]+/g, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/['’`]/g, '')
      .replace(/[^\p{L}\p{M}\p{N}$]+/gu, ' ')
      .trim()
  );
}

/** Tokens of a normalised text, in order. */
export function tokenise(text: string): string[] {
  const n = normalise(text);
  return n === '' ? [] : n.split(' ');
}

/** Variant token sequences mapped to canonical tokens, built from `knowledge/lexicon.yaml`. */
export interface CompiledLexicon {
  phrases: Map<string, string[]>;
  longest: number;
  /**
   * Single-word variants written `stem*` (any token starting with the stem), filed by their first three
   * characters so a token is compared only with stems it could match; longest stem first in each list.
   */
  prefixIndex: Map<string, [string, string[]][]>;
  /** First words of the multi-word variants: only at these does a longer match need trying. */
  phraseStarts: Set<string>;
  /** Chinese, Japanese, Korean and Arabic variants, matched inside words (longest first), since those scripts join words. */
  infixes: [string, string][];
}

const JOINED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Arabic}]/u;

/** Compiles lexicon terms for `applyLexicon`; variants and terms go through the same normalisation as messages. */
export function compileLexicon(terms: Record<string, string[]>): CompiledLexicon {
  const phrases = new Map<string, string[]>();
  const prefixes: [string, string[]][] = [];
  const infixes: [string, string][] = [];
  let longest = 1;
  for (const [canonical, variants] of Object.entries(terms)) {
    const target = tokenise(canonical);
    for (const variant of variants) {
      if (JOINED_SCRIPT.test(variant)) {
        const joined = normalise(variant);
        if ([...joined].length >= 2) infixes.push([joined, ` ${target.join(' ')} `]);
        continue;
      }
      // Inflected languages (Polish, Russian, Turkish...) need one stem rather than every ending.
      if (variant.endsWith('*') && !/\s/.test(variant.trim())) {
        const stemmed = normalise(variant.slice(0, -1));
        if (stemmed.length >= 3) prefixes.push([stemmed, target]);
        continue;
      }
      const tokens = tokenise(variant);
      if (tokens.length === 0) continue;
      longest = Math.max(longest, tokens.length);
      phrases.set(tokens.join(' '), target);
    }
  }
  prefixes.sort((a, b) => b[0].length - a[0].length);
  infixes.sort((a, b) => b[0].length - a[0].length);
  const prefixIndex = new Map<string, [string, string[]][]>();
  for (const entry of prefixes) {
    const key = entry[0].slice(0, 3);
    prefixIndex.set(key, [...(prefixIndex.get(key) ?? []), entry]);
  }
  const phraseStarts = new Set([...phrases.keys()].filter((k) => k.includes(' ')).map((k) => k.split(' ')[0] ?? ''));
  return { phrases, longest, prefixIndex, phraseStarts, infixes };
}

function prefixTarget(token: string, lexicon: CompiledLexicon): string[] | undefined {
  const candidates = lexicon.prefixIndex.get(token.slice(0, 3));
  for (const [stemmed, target] of candidates ?? []) if (token.startsWith(stemmed)) return target;
  return undefined;
}

/** Replaces lexicon variants in a token list with their canonical tokens, longest match first. */
export function applyLexicon(tokens: readonly string[], lexicon: CompiledLexicon | undefined): string[] {
  if (!lexicon || (lexicon.phrases.size === 0 && lexicon.prefixIndex.size === 0)) return [...tokens];
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    const longest = lexicon.phraseStarts.has(tokens[i] ?? '') ? Math.min(lexicon.longest, tokens.length - i) : 1;
    for (let n = longest; n >= 1 && matched === 0; n--) {
      const target = lexicon.phrases.get(n === 1 ? (tokens[i] ?? '') : tokens.slice(i, i + n).join(' '));
      if (target) {
        out.push(...target);
        matched = n;
      }
    }
    if (matched === 0) {
      const token = tokens[i] ?? '';
      out.push(...(prefixTarget(token, lexicon) ?? [token]));
      matched = 1;
    }
    i += matched;
  }
  return out;
}

/** Replaces joined-script lexicon variants inside a normalised text with their canonical words. */
export function replaceInfixes(normalised: string, lexicon: CompiledLexicon | undefined): string {
  if (!lexicon || lexicon.infixes.length === 0 || !JOINED_SCRIPT.test(normalised)) return normalised;
  let out = normalised;
  for (const [variant, target] of lexicon.infixes) if (out.includes(variant)) out = out.split(variant).join(target);
  return out;
}

/** Strips common English inflections so "salaries", "salary" and "salaried" meet. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, replacement] of [
    ['ies', 'y'],
    ['ing', ''],
    ['ers', 'er'],
    ['ed', ''],
    ['es', ''],
    ['s', ''],
    ['ly', ''],
  ] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      return word.slice(0, -suffix.length) + replacement;
    }
  }
  return word;
}

/** True for words the router should not treat as a topic. */
export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** The text's words after the lexicon, without stopwords: what word vectors are averaged over. */
export function contentWords(text: string, lexicon?: CompiledLexicon): string[] {
  return applyLexicon(tokenise(replaceInfixes(normalise(text), lexicon)), lexicon).filter(
    (w) => !isStopword(w) && !/^\d+$/.test(w),
  );
}

// Words recur from message to message; their n-gram strings are built once (and V8 keeps their hashes,
// which makes the model's lookups cheaper too). Bounded: cleared when full rather than growing forever.
const GRAM_CACHE_SIZE = 50_000;
const gramCache = new Map<string, string[]>();

function charGrams(word: string): string[] {
  let grams = gramCache.get(word);
  if (!grams) {
    const padded = `<${word}>`;
    grams = [];
    for (let n = 3; n <= 4; n++) {
      for (let j = 0; j + n <= padded.length; j++) grams.push(`c:${padded.slice(j, j + n)}`);
    }
    if (gramCache.size >= GRAM_CACHE_SIZE) gramCache.clear();
    gramCache.set(word, grams);
  }
  return grams;
}

/**
 * Sparse features of a text: stemmed content words, word bigrams, and character 3-4-grams of each word
 * (the n-grams are what make "salery" and "certifcate" land near their correct spelling).
 */
export function features(text: string, lexicon?: CompiledLexicon, stemmer: (word: string) => string = stem): string[] {
  const words = applyLexicon(tokenise(replaceInfixes(normalise(text), lexicon)), lexicon);
  const out = new Set<string>();
  const stems = words.map(stemmer);
  words.forEach((word, i) => {
    out.add(`w:${stems[i]}`);
    if (isStopword(word) || word.length < 3 || /^\d+$/.test(word)) return;
    for (const gram of charGrams(word)) out.add(gram);
  });
  for (let i = 0; i + 1 < stems.length; i++) out.add(`b:${stems[i]}_${stems[i + 1]}`);
  // Chinese, Japanese and Korean runs have no spaces between words: their characters and character pairs
  // stand in for words.
  for (const run of words.join(' ').match(UNSPACED_RUN) ?? []) {
    const chars = [...run];
    chars.forEach((c, i) => {
      out.add(`h:${c}`);
      if (i + 1 < chars.length) out.add(`h:${c}${chars[i + 1]}`);
    });
  }
  return [...out];
}
