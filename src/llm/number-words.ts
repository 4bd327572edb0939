/**
 * Figures written as words in the languages users write in, so "sto tysięcy", "cien mil",
 * "hunderttausend", "yüz bin" and "十万" are checked like digits. English single words are read by
 * figures.ts; English runs ("three hundred thousand", "two hundred grand") are combined here, as are
 * Spanish, French, German, Italian, Portuguese, Polish, Dutch, Russian, Turkish, Swedish, Indonesian and
 * Chinese/Japanese numerals. A run of number words becomes one value ("sto tysięcy" → 100000).
 */

// "word=value"; a trailing * matches any ending (Polish and Russian inflect their numbers).
const TABLE = `
dos=2 tres=3 cuatro=4 cinco=5 seis=6 siete=7 ocho=8 nueve=9 diez=10 veinte=20 treinta=30 cuarenta=40 cincuenta=50
sesenta=60 setenta=70 ochenta=80 noventa=90 cien=100 ciento=100 doscientos=200 trescientos=300 quinientos=500 mil=1000
millón=1e6 millones=1e6 deux=2 trois=3 quatre=4 cinq=5 sept=7 huit=8 dix=10 vingt=20 trente=30 quarante=40
cinquante=50 soixante=60 cent=100 cents=100 mille=1000 millions=1e6 milliard*=1e9 zwei=2 drei=3 vier=4 fünf=5
sechs=6 sieben=7 zehn=10 zwölf=12 zwanzig=20 dreißig=30 vierzig=40 fünfzig=50 hundert=100 tausend=1000 million=1e6
millionen=1e6 milliarde*=1e9 due=2 tre=3 quattro=4 sette=7 otto=8 nove=9 dieci=10 venti=20 trenta=30 cinquanta=50
cento=100 mila=1000 milione=1e6 milioni=1e6 três=3 quatro=4 seis=6 sete=7 oito=8 dez=10 vinte=20 cem=100
duzentos=200 trezentos=300 milhão=1e6 milhões=1e6 dwa=2 dwie=2 dwóch=2 trzy=3 trzech=3 cztery=4 czterech=4 pięć=5
pięciu=5 sześć=6 sześciu=6 siedem=7 osiem=8 dziewięć=9 dziesięć=10 dwadzieścia=20 trzydzieści=30 pięćdziesiąt=50
sto=100 dwieście=200 trzysta=300 pięćset=500 tysiąc=1000 tysiące=1000 tysięcy=1000 milion*=1e6 miliard*=1e9 twee=2
drie=3 vijf=5 zes=6 zeven=7 negen=9 tien=10 twintig=20 dertig=30 veertig=40 vijftig=50 honderd=100 duizend=1000
miljoen*=1e6 miljard*=1e9 два=2 две=2 три=3 трёх=3 трех=3 четыре=4 пять=5 шесть=6 шести=6 семь=7 восемь=8 девять=9
десять=10 двадцать=20 тридцать=30 сорок=40 пятьдесят=50 сто=100 двести=200 триста=300 пятьсот=500 тысяч*=1000
миллион*=1e6 миллиард*=1e9 iki=2 üç=3 dört=4 beş=5 altı=6 yedi=7 sekiz=8 dokuz=9 yirmi=20 otuz=30 kırk=40 elli=50
yüz=100 bin=1000 milyon=1e6 milyar=1e9 två=2 fyra=4 fem=5 sex=6 sju=7 åtta=8 nio=9 tio=10 tjugo=20 hundra=100
tusen=1000 miljon*=1e6 dua=2 tiga=3 empat=4 lima=5 enam=6 tujuh=7 delapan=8 sembilan=9
sepuluh=10 seratus=100 ratus=100 seribu=1000 ribu=1000 juta=1e6 miliar=1e9 two=2 three=3 four=4 five=5 six=6
seven=7 eight=8 nine=9 ten=10 eleven=11 twelve=12 fifteen=15 twenty=20 thirty=30 forty=40 fifty=50 sixty=60
seventy=70 eighty=80 ninety=90 hundred=100 thousand=1000 grand=1000 billion=1e9`;

// Words that are also ordinary words somewhere ("on", "bin", "sto", "sex", "cent"): figures only beside another number word.
const AMBIGUOUS = new Set([
  'grand',
  'on',
  'bin',
  'sto',
  'sex',
  'cent',
  'cents',
  'due',
  'tre',
  'otto',
  'mil',
  'fem',
  'yüz',
  'sept',
  'dos',
]);

const EXACT = new Map<string, number>();
const STEMS: [string, number][] = [];
for (const pair of TABLE.trim().split(/\s+/)) {
  const [word = '', value = ''] = pair.split('=');
  if (word.endsWith('*')) STEMS.push([word.slice(0, -1), Number(value)]);
  else EXACT.set(word, Number(value));
}
// Longest first, so compounds split "hunderttausend" into hundert + tausend, not shorter pieces.
const MORPHEMES = [...EXACT.keys()].filter((w) => w.length >= 3).sort((a, b) => b.length - a.length);
const JOINERS = ['und', 'en', 'e', 'y'];

function stemValue(word: string): number | undefined {
  return STEMS.find(([stem]) => word.startsWith(stem))?.[1];
}

/** Splits a compound ("zweihunderttausend", "centomila", "fünfundzwanzig") into values, or undefined. */
function compound(word: string): number[] | undefined {
  if (word === '') return [];
  for (const m of MORPHEMES) {
    if (!word.startsWith(m)) continue;
    const rest = compound(word.slice(m.length));
    if (rest) return [EXACT.get(m) ?? 0, ...rest];
  }
  for (const j of JOINERS) {
    if (word.startsWith(j) && word.length > j.length) {
      const rest = compound(word.slice(j.length));
      if (rest && rest.length > 0) return rest;
    }
  }
  return undefined;
}

function wordValues(word: string): number[] | undefined {
  const exact = EXACT.get(word) ?? stemValue(word);
  if (exact !== undefined) return [exact];
  return word.length >= 6 ? compound(word) : undefined;
}

/** The value of number words in order: hundreds multiply what precedes, thousands and above close a group. */
function combine(values: readonly number[]): number {
  let total = 0;
  let current = 0;
  for (const v of values) {
    if (v === 100) current = (current || 1) * 100;
    else if (v >= 1000) {
      total += (current || 1) * v;
      current = 0;
    } else current += v;
  }
  return total + current;
}

const CJK_DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  兩: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CJK_UNITS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 };
const CJK_GROUPS: Readonly<Record<string, number>> = { 万: 1e4, 萬: 1e4, 亿: 1e8, 億: 1e8 };
const CJK_RUN = /[〇零一二两兩三四五六七八九十百千万萬亿億]+/g;

function cjkValue(run: string): number {
  let total = 0;
  let section = 0;
  let digit = 0;
  for (const c of run) {
    if (c in CJK_DIGITS) digit = CJK_DIGITS[c] ?? 0;
    else if (c in CJK_UNITS) {
      section += (digit || 1) * (CJK_UNITS[c] ?? 1);
      digit = 0;
    } else {
      total += (section + digit || 1) * (CJK_GROUPS[c] ?? 1);
      section = 0;
      digit = 0;
    }
  }
  return total + section + digit;
}

/** True when `word` is a number word (or the start of a compound) that a following word may still scale. */
export function isNumberWord(word: string): boolean {
  return wordValues(word.toLowerCase()) !== undefined || AMBIGUOUS.has(word.toLowerCase());
}

/** Values of the number words in `text`: one per run of adjacent number words. */
export function numberWordValues(text: string): number[] {
  const out: number[] = [];
  let run: { values: number[]; words: string[] } = { values: [], words: [] };
  const close = () => {
    const single = run.words.length === 1 ? run.words[0] : undefined;
    if (run.words.length > 0 && !(single && AMBIGUOUS.has(single))) out.push(combine(run.values));
    run = { values: [], words: [] };
  };
  let end = 0;
  for (const m of text.toLowerCase().matchAll(/[\p{L}]+/gu)) {
    // Only spaces and hyphens join number words ("vingt-deux"); a comma or a full stop ends the figure.
    if (!/^[\s-]*$/.test(text.slice(end, m.index))) close();
    end = m.index + m[0].length;
    const values = /[\p{Script=Han}]/u.test(m[0]) ? undefined : wordValues(m[0]);
    if (values) {
      run.values.push(...values);
      run.words.push(m[0]);
    } else if (!JOINERS.includes(m[0]) && m[0] !== 'et') close();
  }
  close();
  for (const m of text.matchAll(CJK_RUN)) {
    // A lone 一 is "a"/"one" inside words (一般, 一些); a run or a unit character is a figure.
    if (m[0].length >= 2 || /[十百千万萬亿億]/.test(m[0])) out.push(cjkValue(m[0]));
  }
  return out;
}
