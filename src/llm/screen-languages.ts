/**
 * Attack phrases beyond English, for the input screen: "forget what you were told", "what were you
 * told before this conversation", "summarise/translate the text above", "let's play a game",
 * "developer mode", notes addressed to AI assistants inside pasted text, and requests to write figures
 * in words or links without `http` (ways round the output check). Patterns are lower case and meant
 * for lower-cased text; `unicodeWords` gives them word boundaries that know accented letters.
 */
import { unicodeWords } from './unicode-regex.ts';

const PHRASES: readonly [string, RegExp][] = [
  [
    'en',
    /\b(?:forget|ignore|disregard)\s+(?:everything|all|whatever|what)\s+(?:you\s+(?:were|have been|'ve been)\s+)?(?:told|given|said)\b|\b(?:what|everything)\s+(?:were you|you were|have you been)\s+told\b|\bbefore\s+(?:this|our|the)\s+(?:conversation|chat)\s+(?:started|began)\b|\b(?:repeat|list|recite)\s+(?:back\s+)?the\s+rules\s+you\b|\bin\s+character\b|\bnote\s+to\s+(?:ai|llm|gpt|chatbot|language model)s?\b|\b(?:ai|llm)\s+assistants?\s*:|\b(?:say|write|spell|put)\s+(?:it|them|the\s+\w+)\s+(?:out\s+)?in\s+words\b|\b(?:in\s+words\s+only|words\s+only|without\s+(?:using\s+)?digits|no\s+digits)\b|\bwithout\s+the\s+https?\b|\bnot\s+(?:be\s+)?clickable\b|\bunfurl\b/,
  ],
  [
    'es',
    /\b(?:olvida|ignora)\s+(?:todo|lo que|las|tus)\b|\bqu[ée]\s+te\s+(?:dijeron|han dicho|indicaron)\b|\btus\s+(?:instrucciones|indicaciones|reglas|directrices)\b|\b(?:resume|traduce|repite)\s+(?:el|todo el)\s+texto\s+(?:de arriba|anterior)\b|\bjuguemos\b|\bmodo\s+(?:desarrollador|dios|sin filtros)\b|\bnota\s+para\s+(?:los\s+)?asistentes\b|\bsolo\s+(?:con|en)\s+palabras\b|\bsin\s+(?:cifras|d[ií]gitos|n[úu]meros)\b/,
  ],
  [
    'fr',
    /\b(?:oublie|oubliez|ignore|ignorez)\s+(?:tout|ce qu|les|tes|vos)\b|\bce\s+qu'on\s+t'a\s+dit\b|\b(?:tes|vos)\s+(?:consignes|instructions|règles)\b|\b(?:résume|résumez|traduis|traduisez|répète|répétez)\s+le\s+texte\s+ci-dessus\b|\bjouons\s+à\b|\bmode\s+(?:développeur|dieu)\b|\bnote\s+aux\s+assistants\b|\ben\s+toutes\s+lettres\b|\bsans\s+chiffres\b/,
  ],
  [
    'de',
    /\b(?:vergiss|ignoriere)\s+(?:alles|was|die|deine)\b|\bwas\s+(?:wurde|hat man)\s+dir\b|\bdeine\s+(?:vorgaben|anweisungen|regeln|richtlinien|instruktionen)\b|\b(?:fasse|übersetze|wiederhole)\s+den\s+(?:text|inhalt)\s+(?:oben|von oben)\b|\blass\s+uns\s+ein\s+spiel\b|\bentwicklermodus\b|\bhinweis\s+an\s+(?:ki|ai)\b|\bnur\s+in\s+worten\b|\bohne\s+ziffern\b/,
  ],
  [
    'it',
    /\b(?:dimentica|ignora)\s+(?:tutto|quello|le|tue)\b|\bcosa\s+ti\s+hanno\s+detto\b|\ble\s+tue\s+(?:direttive|istruzioni|regole)\b|\b(?:riassumi|traduci|ripeti)\s+il\s+testo\s+(?:qui\s+)?sopra\b|\bfacciamo\s+un\s+gioco\b|\bmodalità\s+sviluppatore\b|\bnota\s+per\s+gli\s+assistenti\b|\bsolo\s+a\s+parole\b|\bsenza\s+cifre\b/,
  ],
  [
    'pt',
    /\b(?:esqueça|esqueca|ignore)\s+(?:tudo|o que|as|suas)\b|\bo\s+que\s+te\s+disseram\b|\bsuas\s+(?:diretrizes|instruções|regras)\b|\b(?:resuma|traduza|repita)\s+o\s+texto\s+acima\b|\bvamos\s+jogar\b|\bmodo\s+desenvolvedor\b|\bnota\s+para\s+(?:os\s+)?assistentes\b|\bpor\s+extenso\b|\bsem\s+algarismos\b/,
  ],
  [
    'pl',
    /\bzapomnij\b|\b(?:zignoruj|ignoruj)\b|\bco\s+ci\s+powiedziano\b|\b(?:swoje|twoje)\s+(?:wytyczne|instrukcje|zasady|polecenia)\b|\b(?:streść|przetłumacz|powtórz)\s+powyższy\b|\bzagrajmy\b|\btryb\s+dewelopera\b|\buwaga\s+dla\s+asystentów\b|\bsłownie\b|\bbez\s+cyfr\b/,
  ],
  [
    'nl',
    /\b(?:vergeet|negeer)\s+(?:alles|wat|de|je)\b|\bwat\s+is\s+je\s+verteld\b|\b(?:je|jouw)\s+(?:richtlijnen|instructies|regels)\b|\btekst\s+hierboven\b|\blaten\s+we\s+een\s+spel\b|\bontwikkelaarsmodus\b|\bnotitie\s+voor\s+ai\b|\balleen\s+in\s+woorden\b|\bzonder\s+cijfers\b/,
  ],
  [
    'ru',
    /\b(?:забудь|игнорируй)\b|\bчто\s+тебе\s+(?:сказали|говорили)\b|\b(?:свои|твои)\s+(?:установки|инструкции|правила)\b|\bтекст\s+выше\b|\bдавай\s+сыграем\b|\bрежим\s+разработчика\b|\bпримечание\s+для\s+ии\b|\bии-ассистент\w*|\bтолько\s+словами\b|\bбез\s+цифр\b/,
  ],
  [
    'tr',
    /\bsöylenen\s+her\s+şeyi\s+unut\b|\bher\s+şeyi\s+unut\b|\bsana\s+ne\s+söylendi\b|\b(?:yönergelerini|talimatlarını|kurallarını)\b|\byukarıdaki\s+metni\b|\bbir\s+oyun\s+oynayalım\b|\bgeliştirici\s+modu\b|\basistanlarına\s+not\b|\brakam\s+kullanmadan\b|\byalnızca\s+yazıyla\b/,
  ],
  [
    'zh',
    /忘掉|忘记之前|无视|忽略(?:之前|以上)|告诉了你什么|你的(?:设定|指令|规则)|上面的文字|以上内容|玩个游戏|开发者模式|给ai助手|不要用数字|只用汉字/,
  ],
  [
    'ja',
    /忘れて|無視して|何を言われ|あなたの(?:設定|指示|ルール)|上の文章|上記の文章|ゲームをしましょう|開発者モード|aiアシスタントへ|数字を使わずに|漢字だけで/,
  ],
].map(([lang, pattern]) => [lang as string, unicodeWords(pattern as RegExp)]);

/** The language whose attack phrase `text` uses, or undefined. */
export function foreignAttackPhrase(text: string): string | undefined {
  // Turkish lower-cases "İ" and "I" its own way ("ASİSTANLARINA" → "asistanlarına").
  const lowers = [text.toLowerCase(), text.toLocaleLowerCase('tr')];
  return PHRASES.find(([, pattern]) => lowers.some((lower) => pattern.test(lower)))?.[0];
}

// V8 compiles a pattern on its first use; doing it at start-up keeps that cost off the first question.
foreignAttackPhrase('warm-up');
