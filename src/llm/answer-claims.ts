/**
 * Output checks for what an obeying model writes that figures and citations do not catch: pay claims
 * with no number ("effectively unlimited", "sin límite", "上限なし"), links without `http`
 * ("promptjobs.com/apply", "www.x.io", "x[.]com"), and talk about its own instructions in any of the
 * languages users write in ("my instructions", "Mis indicaciones", "Powyższy tekst", "我的设定").
 */

import { unicodeWords } from './unicode-regex.ts';

// "No ceiling" pay claims; an answer may make one only if the entries it was given make it too.
const UNLIMITED = unicodeWords(
  /\b(?:unlimited|limitless|uncapped|boundless|infinite|endless)\b|\bno\s+(?:upper\s+)?(?:cap|ceiling|limit)s?\b|sky'?s the limit|\bilimitad[oa]s?\b|\bsin\s+(?:l[ií]mites?|tope)\b|\billimit[ée]e?s?\b|\bsans\s+(?:limites?|plafond)\b|\bunbegrenzt\w*|\bunbeschränkt\w*|\bohne\s+(?:obergrenze|limit|grenze)\b|nach oben offen|\billimitat[oaie]\b|\bsenza\s+(?:limiti?|tetto)\b|\bsem\s+(?:limites?|teto)\b|\bnieograniczon\w*|\bbez\s+(?:limitu|granic|górnej granicy)\b|\bonbeperkt\w*|\bongelimiteerd\w*|\bzonder\s+(?:limiet|plafond|grens)\b|неограничен\w*|безлимит\w*|без\s+(?:ограничений|потолка|предела)|sınırsız|limitsiz|tavanı?\s+yok|\bobegränsad\w*|\btanpa batas\b|无上限|沒有上限|没有上限|无限|無限|上限なし|上限がない|無制限|青天井/iu,
);

/** True when `answer` claims pay (or anything) has no limit and `grounding` never says so. */
export function unbackedUnlimited(answer: string, grounding: string): boolean {
  return UNLIMITED.test(answer.toLowerCase()) && !UNLIMITED.test(grounding.toLowerCase());
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
  ] as const
).map(unicodeWords);

/** True when the answer talks about its own instructions or the prompt, in any language we read. */
export function talksAboutItsInstructions(text: string): boolean {
  const lower = text.toLowerCase();
  return META_TALK.some((p) => p.test(lower));
}

// V8 compiles a pattern on its first use; doing it at start-up keeps that cost off the first answer.
talksAboutItsInstructions('warm-up');
unbackedUnlimited('warm-up', '');
