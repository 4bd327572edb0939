/**
 * Output checks for what an obeying model writes that figures and citations do not catch: pay claims
 * with no number ("effectively unlimited", "sin límite", "上限なし"), links without `http`
 * ("promptjobs.com/apply", "www.x.io", "x[.]com"), and talk about its own instructions in any of the
 * languages users write in ("my instructions", "Mis indicaciones", "Powyższy tekst", "我的设定").
 */

import { figuresIn } from './figures.ts';
import { unicodeWords } from './unicode-regex.ts';

// "No ceiling" pay claims; an answer may make one only if the entries it was given make it too.
const UNLIMITED = unicodeWords(
  /\b(?:unlimited|limitless|uncapped|boundless)\b|\b(?:infinite|endless)\s+(?:pay|money|income|earnings)\b|\bno\s+(?:upper\s+)?(?:cap|ceiling)s?\b|\bno\s+upper\s+limit\b|\bno\s+limit\s+(?:on|to)\s+(?:pay|salary|earnings|income|what you (?:can )?earn)\b|sky'?s the limit|\bilimitad[oa]s?\b|\bsin\s+(?:l[ií]mites?|tope)\b|\billimit[ée]e?s?\b|\bsans\s+(?:limites?|plafond)\b|\b(?:aucun|pas\s+de)\s+(?:plafond|limite)\b|\bkeine?\s+(?:obergrenze|limit|grenze|deckel)\b|\bnessun\s+(?:limite|tetto)\b|\bnenhum\s+(?:limite|teto)\b|\bżadnego\s+(?:limitu|pułapu)\b|\bgeen\s+(?:plafond|limiet|grens)\b|\bнет\s+(?:потолка|предела|ограничений)\b|\bhiçbir\s+sınır\b|\bingen\s+(?:gräns|övre gräns)\b|\bunbegrenzt\w*|\bunbeschränkt\w*|\bohne\s+(?:obergrenze|limit|grenze)\b|nach oben offen|\billimitat[oaie]\b|\bsenza\s+(?:limiti?|tetto)\b|\bsem\s+(?:limites?|teto)\b|\bnieograniczon\w*|\bbez\s+(?:limitu|granic|górnej granicy)\b|\bonbeperkt\w*|\bongelimiteerd\w*|\bzonder\s+(?:limiet|plafond|grens)\b|неограничен\w*|безлимит\w*|без\s+(?:ограничений|потолка|предела)|sınırsız|limitsiz|tavanı?\s+yok|\bobegränsad\w*|\btanpa batas\b|\bgrenzenlos\w*|\bgrenzeloos\w*|\bgränslös\w*|\bsınır\s+yok|\btak\s+terbatas\b|无上限|沒有上限|没有上限|无限|無限|上限なし|上限がない|無制限|青天井/iu,
);

// Pay per period: entries give yearly figures, so "$200,000 a month" repeats a backed number with an
// unbacked meaning. Counted only just after a figure or a currency, so "each day you write prompts" is not.
const PER_PERIOD = unicodeWords(
  /\b(?:a|per|an|each|every)\s+(?:month|week|day|hour)\b|\b(?:monthly|weekly|daily|hourly)\b|\/\s?(?:mo|month|hr|hour|wk|week|day)\b|\b(?:al|por)\s+(?:mes|día|hora|semana)\b|\bla\s+hora\b|\bmensual\w*|\bpar\s+(?:mois|semaine|jour|heure)\b|\bmensuel\w*|\b(?:im|pro)\s+(?:monat|woche|tag|stunde)\b|\bmonatlich\w*|\bstündlich\w*|\bal\s+(?:mese|giorno)\b|\ba\s+settimana\b|\ball'ora\b|\bmensil\w*|\b(?:por|ao)\s+(?:mês|semana|dia|hora)\b|\bmensa(?:l|is)\b|\bmiesięcznie\b|\bna\s+(?:miesiąc|tydzień|dzień|godzinę)\b|\btygodniowo\b|\bdziennie\b|\bper\s+(?:maand|week|dag|uur|månad|timme|bulan|minggu|hari|jam)\b|\bmaandelijks\b|\bв\s+(?:месяц|неделю|день|час)\b|\bежемесячно\b|\b(?:ayda|aylık|haftada|haftalık|günde|günlük|saatte|saatlik)\b|\bi\s+(?:månaden|veckan|timmen)\b|\bsebulan\b|每月|月薪|每周|每天|每小时|时薪|月に|月額|月給|週に|日給|時給/,
);
const FIGURE_BEFORE =
  /\d|[$€£¥₽₺]|dollar|euro|pound|złot|reais|real|kron|lir|рубл|доллар|евро|dolar|美元|元|ドル|円|rupiah|grand|tysi|тысяч|mil|bin|ribu|万/;

// Currencies other than the dollar the entries quote: "$200,000" restated as euros or złoty is a new claim.
const CURRENCIES: readonly [string, RegExp][] = [
  ['eur', /€|\beur(?:o|os|ó)?\b|евро|ユーロ|欧元/u],
  ['gbp', /£|\bpounds?\b|\bsterling\b/u],
  ['pln', /\bzł\b|\bzłot\w*|\bpln\b/u],
  ['brl', /r\$|\breais\b|\bbrl\b/u],
  ['try', /₺|\blira\w*|\btl\b/u],
  ['rub', /₽|рубл\w*|\brub\b/u],
  ['jpy', /¥|円|\byen\b|\bjpy\b/u],
  ['cny', /元|人民币|\byuan\b|\bcny\b|\brmb\b/u],
  ['sek', /\bkron(?:or|a|er)\b|\bsek\b/u],
  ['idr', /\brupiah\b|\bidr\b|\brp\b/u],
  ['inr', /₹|\brupees?\b|\binr\b/u],
].map(([code, pattern]) => [code as string, unicodeWords(pattern as RegExp)]);

/** Why `answer` makes a claim about pay that the entries (`grounding`) do not: no limit, pay per period, another currency. */
export function unbackedClaim(answer: string, grounding: string): string | undefined {
  const text = answer.toLowerCase();
  const source = grounding.toLowerCase();
  if (UNLIMITED.test(text) && !UNLIMITED.test(source)) return 'claims no limit';
  for (const [code, pattern] of CURRENCIES) if (pattern.test(text) && !pattern.test(source)) return `currency ${code}`;
  // A figure per period is backed only by the same figure per the same period in the entries: now that
  // they quote hourly platform rates, "$200,000 a month" must not pass on the strength of "$25 an hour".
  const backed = periodFigures(source);
  for (const { figures, period, near } of periodMentions(text)) {
    if (!FIGURE_BEFORE.test(near)) continue;
    if (figures.length === 0 || figures.some((f) => !backed.has(`${f}@${period}`))) return 'pay per period';
  }
  return undefined;
}

const PERIOD_KINDS: readonly [string, RegExp][] = [
  ['hour', /hour|hora|heure|stunde|ora\b|uur|godzin|saat|час|小时|時給|时薪|\bjam\b|timme|\/\s?hr/u],
  ['week', /week|semana|semaine|woche|settimana|tydzie|hafta|недел|每周|週|minggu|veck|\/\s?wk/u],
  ['day', /day|día|dia\b|jour|\btag\b|giorno|dzie|gün|день|每天|日給|hari|\bdag\b/u],
];

function periodOf(match: string): string {
  return PERIOD_KINDS.find(([, pattern]) => pattern.test(match))?.[0] ?? 'month';
}

/** Each "figure per period" in a text: the figures just around the period words, and which period. */
function periodMentions(text: string): { figures: string[]; period: string; near: string }[] {
  return [...text.matchAll(new RegExp(PER_PERIOD.source, 'gu'))].map((m) => {
    // Before the period in most languages ("$5 a month"), after it in Japanese and Chinese (月に二十万ドル).
    const near = text.slice(Math.max(0, m.index - 28), m.index + m[0].length + 12);
    return { figures: figuresIn(near), period: periodOf(m[0]), near };
  });
}

/** "figure@period" for every figure the grounding states per period. */
function periodFigures(text: string): Set<string> {
  return new Set(periodMentions(text).flatMap(({ figures, period }) => figures.map((f) => `${f}@${period}`)));
}

// Domain endings that read as links; two-letter words such as "js" in "Node.js" are not among them.
const TLDS =
  'com|org|net|io|ai|co|dev|app|xyz|info|biz|me|ly|gl|gg|to|tv|jobs|work|careers|site|online|link|click|top|uk|us|eu|de|fr|es|it|pt|br|pl|nl|ru|tr|cn|jp|kr|in|se|ch|at|be|ca|au|mx|ar|ua|cz|id|vn|tk|ml|ga|cf|sh|so|cc|ws';
// Starts only where a label starts, and labels cannot overlap, so long runs of letters cost linear time.
const LINK = new RegExp(
  `(?:https?:\\/\\/)?(?<![a-z0-9-])(?:[a-z0-9-]+\\.)+(?:${TLDS})(?![a-z0-9-])(?:[/?#][^\\s)\\]>"'<]*)?`,
  'gi',
);

/** Undoes the disguises that keep a link from being clickable: "x[.]com", "x (dot) com", "x dot com". */
function unmask(text: string): string {
  return text
    .replace(/\s*[[({]\s*(?:\.|dot|punkt|punto|point|kropka|точка)\s*[\])}]\s*/giu, '.')
    .replace(/(\w)\s+(?:dot|punkt|kropka)\s+(?=[a-z]{2,}\b)/giu, '$1.');
}

/** Every link in `text`, with or without a scheme, scheme and `www.` removed, trailing punctuation dropped. */
export function linksIn(text: string): string[] {
  return [...unmask(text).matchAll(LINK)].map((m) => bareLink(m[0]));
}

/** A URL as `linksIn` reports it, so source URLs and links in answers compare equal. */
export function bareLink(url: string): string {
  return url
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[.,;:!?]+$/, '')
    .replace(/\/$/, '');
}

/** True when `link` is a source the entries cite, or that source's bare site ("upwork.com"). */
export function linkAllowed(link: string, sources: ReadonlySet<string>): boolean {
  for (const source of sources) {
    const bare = bareLink(source);
    if (link === bare || link === bare.split('/')[0]) return true;
  }
  return false;
}

// An answer that talks about what it was told, its own rules, or "the text above" is reciting its
// prompt, in paraphrase or translation, whatever words it uses for the rest.
const META_TALK: readonly RegExp[] = (
  [
    /\bmy\s+(?:(?:system|initial|original|hidden|internal)\s+)?(?:instructions|prompt|rules|guidelines|directives|setup|configuration|programming|settings|brief)\b/i,
    /\bi\s+(?:was|am|have been|'ve been|'m)\s+(?:told|instructed|asked|programmed|configured|set up|not allowed|required|supposed)\s+to\b/i,
    /\b(?:the\s+)?rules\s+i\s+(?:follow|was given|obey|must)\b|\bsystem\s+prompt\s+(?:says|tells|asks|reads)\b/i,
    /\b(?:text|message|instructions?|content)\s+above\s+(?:tells|says|asks|instructs|requires|wants)\b|\btells the assistant\b/i,
    /\bknowledge entries\b|\bentry ids?\b/i,
    /\bmis\s+(?:instrucciones|indicaciones|reglas|directrices|directivas)\b|\bme\s+(?:dijeron|indicaron|instruyeron)\b|\bel texto (?:anterior|de arriba)\b|\bentradas de conocimiento\b/iu,
    /\bmes\s+(?:consignes|instructions|règles|directives)\b|\bon m'a (?:dit|demandé)\b|\ble texte ci-dessus\b|\bentrées de connaissances\b/iu,
    /\bmeine\s+(?:vorgaben|anweisungen|regeln|richtlinien|instruktionen)\b|\bmir wurde\s+(?:gesagt|aufgetragen)\b|\bder text oben\b|\bwissenseinträge\w*/iu,
    /\ble mie\s+(?:direttive|istruzioni|regole)\b|\bmi è stato detto\b|\bil testo (?:qui )?sopra\b|\bvoci di conoscenza\b/iu,
    /\bminhas\s+(?:diretrizes|instruções|regras)\b|\bme disseram\b|\bo texto acima\b|\bentradas de conhecimento\b/iu,
    /\bmoje\s+(?:wytyczne|instrukcje|zasady|reguły|polecenia)\b|\bpowiedziano mi\b|\bpowyższy tekst\b|\bwpis\w* z bazy wiedzy\b/iu,
    /\bmijn\s+(?:richtlijnen|instructies|regels)\b|\bmij is verteld\b|\bde tekst hierboven\b|\bkennisitems\b/iu,
    /мои\s+(?:установки|инструкции|правила)|мне\s+(?:сказали|велели)|текст выше|записи базы знаний/iu,
    /yönergelerim|talimatlarım|kurallarım|bana söylendi|yukarıdaki metin|bilgi kayıtları/iu,
    /我的(?:设定|設定|指令|规则|規則|指示|提示词)|上面的文字|以上内容|知识条目|系统提示/u,
    /私の(?:設定|指示|ルール)|上の文章|上記の文章|知識エントリ|システムプロンプト/u,
    /\bmina\s+(?:instruktioner|regler)\b|\binstruksi saya\b|\baturan saya\b/iu,
    // "My configuration/settings" and "what I was given", for the same languages.
    /\b(?:mi|mis)\s+(?:configuraci[oó]n|ajustes)\b|\bma\s+configuration\b|\bmes\s+paramètres\b|\bmeine\s+(?:konfiguration|einstellungen)\b|\bla\s+mia\s+configurazione\b|\bmi\s+è\s+stato\s+(?:detto|chiesto|richiesto)\b|\bminha\s+configuração\b|\bmoja\s+konfiguracja\b|\bmoje\s+ustawienia\b|\bmijn\s+(?:configuratie|instellingen)\b|\bмоя\s+конфигурация\b|\bмои\s+настройки\b|\bbana\s+verilen\b|\b(?:ayarlarım|yapılandırmam)\b|我的配置|我被(?:配置|设定|要求)|私の構成|\bmin\s+konfiguration\b|\bkonfigurasi\s+saya\b/iu,
  ] as const
).map(unicodeWords);

/** True when the answer talks about its own instructions or the prompt, in any language we read. */
export function talksAboutItsInstructions(text: string): boolean {
  const lower = text.toLowerCase();
  return META_TALK.some((p) => p.test(lower));
}

// V8 compiles a pattern on its first use; doing it at start-up keeps that cost off the first answer.
talksAboutItsInstructions('warm-up');
unbackedClaim('warm-up', '');
