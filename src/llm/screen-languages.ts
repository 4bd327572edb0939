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
  // New orders, "from now on", "imagine you are", "which rules apply to you", "the domain without http":
  // the shapes the held-out sets used, in each language.
  [
    'en',
    /\bnew\s+(?:task|order|instruction|assignment|directive)\b|\b(?:system|policy)\s+update\b|\b(?:imagine|pretend)\s+(?:that\s+)?you(?:'re|\s+are|\s+were)\b|\bhow\s+you\s+(?:were|are)\s+(?:configured|set\s+up|instructed)\b|\b(?:paste|show|quote)\s+the\s+(?:policy|rules|guidelines)\b|\b(?:what|which)\s+(?:rules|guidelines|policies)\s+(?:do\s+)?you\s+(?:follow|operate|obey)\b|\b(?:domain|address)\s+(?:only|without)\b/,
  ],
  [
    'es+pt',
    /\bnueva\s+(?:tarea|orden|instrucción)\b|\ba\s+partir\s+de\s+ahora,?\s+(?:tú\s+)?(?:eres|respondes|responderás|debes|vas\s+a|di|dirás)\b|\bimagina\s+que\s+eres\b|\bnova\s+(?:tarefa|ordem|instrução)\b|\ba\s+partir\s+de\s+agora,?\s+(?:você\s+)?(?:é|responde|deve|vai|diga)\b|\bimagine\s+que\s+(?:você|voce)\s+é\b|\bque\s+regras\s+(?:você|voce)\s+segue\b|\binstrução\s+do\s+administrador\b|\bsin\s+el\s+https?\b|\bantes\s+de\s+mi\s+pregunta\b/,
  ],
  [
    'fr+it',
    /\bnouvelle\s+(?:consigne|tâche|instruction)\b|\bà\s+partir\s+de\s+maintenant,?\s+(?:tu|vous)\b|\bfais\s+comme\s+si\s+tu\b|\bimagine\s+que\s+tu\b|\bles\s+règles\s+que\s+l'on\s+t'a\b|\bnom\s+de\s+domaine\b|\bnuovo\s+(?:compito|ordine)\b|\bda\s+ora\s+in\s+poi,?\s+(?:sei|rispondi|devi|dirai|di')|\bimmagina\s+di\s+essere\b|\bquello\s+che\s+ti\s+è\s+stato\s+scritto\b|\baggiornamento\s+dal\s+team\b/,
  ],
  [
    'de+nl',
    /\bneue\s+aufgabe\b|\bab\s+jetzt,?\s+(?:bist\s+du|antwortest\s+du|sagst\s+du|gilt)\b|\bstell\s+dir\s+vor,?\s+du\s+bist\b|\bwelche\s+(?:richtlinien|regeln)\s+gelten\s+für\s+dich\b|\bnieuwe\s+opdracht\b|\bvanaf\s+nu,?\s+(?:ben\s+je|antwoord\s+je|zeg\s+je)\b|\bdoe\s+alsof\s+je\b/,
  ],
  [
    'pl+ru',
    /\bod\s+teraz,?\s+(?:jesteś|odpowiadaj|podawaj|mów)\b|\bjakie\s+masz\s+ustawienia\b|\bbez\s+http\b|\bнов(?:ое|ая)\s+(?:правило|задание|задача)\b|\bс\s+этого\s+момента,?\s+(?:ты|отвечай|говори)\b|\bкакие\s+правила\s+ты\b|\bбез\s+http\b/,
  ],
  [
    'tr+sv+id',
    /\byeni\s+görev\b|\bgibi\s+davran\b|\bhangi\s+ayarlar\b|\bny\s+uppgift\b|\bglöm\s+dina\b|\blåt\s+oss\s+leka\b|\babaikan\b|\binstruksi\s+yang\s+diberikan\b|\btanpa\s+http\b/,
  ],
  ['zh+ja', /新任务|不要写http|被如何配置|新しい指令|httpを付けずに|従っているルール/],
].map(([lang, pattern]) => [lang as string, unicodeWords(pattern as RegExp)]);

/** The language whose attack phrase `text` uses, or undefined. */
export function foreignAttackPhrase(text: string): string | undefined {
  // Turkish lower-cases "İ" and "I" its own way ("ASİSTANLARINA" → "asistanlarına").
  const lowers = [text.toLowerCase(), text.toLocaleLowerCase('tr')];
  return PHRASES.find(([, pattern]) => lowers.some((lower) => pattern.test(lower)))?.[0];
}

// V8 compiles a pattern on its first use; doing it at start-up keeps that cost off the first question.
foreignAttackPhrase('warm-up');
