/**
 * Which language a message is in, so a reply can say, in that language, that answers are in English.
 * Scripts that name their language (Hangul, kana, Devanagari...) decide at once; Latin-script text with
 * plain English function words is English; anything else goes to tinyld's light model, loaded on first
 * use so English-only sessions never pay its ~26 MB.
 */

type Detect = (text: string, options?: { only?: string[] }) => string;

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Devanagari}/gu, 'hi'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
];

const ENGLISH = new Set(
  'the a an is are was were do does did how what which who why when where can could should would will i you my your it its this that to of in on for with and or not be have has get me we they there any about still much many worth'.split(
    ' ',
  ),
);
// Romanised Hindi that English never uses; two of them make a message Hinglish.
const HINGLISH = new Set(
  'hai hain kya kaise kitna kitni kitne nahi nahin mein bhai yaar kar karna karte milta milti milega chahiye aur ki ka ke hota hoti sakta sakte'.split(
    ' ',
  ),
);
const LATIN_LANGUAGES = ['en', 'es', 'de', 'fr', 'pt', 'it', 'nl', 'pl', 'tr'];
// Function words, which short messages always have and a trigram model misreads: the clear winner decides.
const FUNCTION_WORDS: Record<string, Set<string>> = Object.fromEntries(
  Object.entries({
    es: 'el la los las que y en un una es por para con cómo cuánto cuanto qué pero muy hay sin puedo gana ganan',
    de: 'der die das und ist nicht ich wie viel was ein eine als mit für auf man kann sich wird noch',
    fr: 'le les des est et je un une pour qui pas avec comment combien ce sur du au peut ça faut dans mon mes quel quelle ou',
    pt: 'o os as é um uma para com não como quanto isso muito tem eu você vale ganha',
    it: 'il lo gli di che è un una per con non come quanto sono ho mi questo vale',
    nl: 'het een en is van ik niet hoe hoeveel veel wat voor met als je dat zijn kan mijn ook nog maar bij',
    pl: 'w nie jak ile się jest czy na do to że co jako można',
    tr: 've bir bu ne için mi mı nasıl kadar çok var yok ile',
  }).map(([lang, words]) => [lang, new Set(words.split(' '))]),
);

function byFunctionWords(words: readonly string[]): string | undefined {
  const scores = Object.entries(FUNCTION_WORDS)
    .map(([lang, set]) => [lang, words.filter((w) => set.has(w)).length] as const)
    .sort((a, b) => b[1] - a[1]);
  const [first, second] = scores;
  return first && first[1] >= 2 && first[1] > (second?.[1] ?? 0) ? first[0] : undefined;
}

let detector: Promise<Detect> | undefined;

/** The message's language as an ISO 639-1 code ('hi-latn' for Hinglish), or undefined when unsure. */
export async function detectLanguage(text: string): Promise<string | undefined> {
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.length < 6) return undefined;
  for (const [script, lang] of SCRIPTS) {
    const share = (text.match(script)?.length ?? 0) / letters.length;
    if (share >= 0.3) return lang;
  }
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.filter((w) => HINGLISH.has(w)).length >= 2) return 'hi-latn';
  const english = words.filter((w) => ENGLISH.has(w)).length;
  if (english >= 2 && english / words.length >= 0.2) return 'en';
  const clear = byFunctionWords(words);
  if (clear) return clear;
  // Unaccented text with no clear function words is most often short English ("will AI replace prompt
  // engineers?"), which a trigram model misreads as Dutch: better no note than a wrong one.
  if (words.length < 3 || /^\p{ASCII}*$/u.test(text)) return undefined;
  detector ??= import('tinyld/light').then((m) => m.detect as Detect);
  const lang = (await detector)(text, { only: LATIN_LANGUAGES });
  return lang || undefined;
}

const NOTES: Record<string, string> = {
  es: 'Respondo en inglés.',
  de: 'Ich antworte auf Englisch.',
  fr: 'Je réponds en anglais.',
  pt: 'Respondo em inglês.',
  it: 'Rispondo in inglese.',
  nl: 'Ik antwoord in het Engels.',
  pl: 'Odpowiadam po angielsku.',
  tr: 'Yanıtlarım İngilizce.',
  ru: 'Я отвечаю на английском.',
  hi: 'मैं अंग्रेज़ी में जवाब देता हूँ।',
  'hi-latn': 'Main English mein jawab deta hoon.',
  zh: '我用英文回答。',
  ja: '回答は英語です。',
  ko: '답변은 영어로 드립니다.',
  ar: 'أجيب باللغة الإنجليزية.',
};

/** The one-line note for a non-English message: in its language where known, always with the English. */
export function englishOnlyNote(lang: string | undefined): string | undefined {
  if (!lang || lang === 'en') return undefined;
  const native = NOTES[lang];
  return native ? `${native} (I answer in English.)` : 'I answer in English.';
}
