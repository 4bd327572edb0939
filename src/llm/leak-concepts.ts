/**
 * Catches a paraphrased or translated system prompt by what it says rather than its words: an answer
 * that speaks of citing knowledge entries, or of keeping to careers only while naming entries or rules,
 * is describing its instructions. Career advice has no reason to say either, in any language.
 */
import { unicodeWords } from './unicode-regex.ts';

const ENTRIES = unicodeWords(
  /\bentr(?:y|ies)\b|\bentradas?\b|\bentrées?\b|\beintr(?:ag|äge|ägen)\b|\bvoci\b|\bwpis\w*|\bзапис(?:и|ям|ях|ей)\b|\bkayıt\w*|条目|エントリ|\bentri\b|\bknowledge\s+base\b|\bbase\s+de\s+(?:conocimientos?|connaissances|conhecimento)\b|\bwissens(?:datenbank|basis)\b|\bbase\s+di\s+conoscenza\b|\bbazy?\s+wiedzy\b|\bkennisbank\b|\bбаз\w*\s+знаний\b|\bbilgi\s+tabanı\w*|知识库|知識ベース/,
);
const CITE = unicodeWords(
  /\bcit(?:e|es|ing|ed|ar|ando|er|ez|are|ando|uj\w*|ować)\b|\bcitations?\b|\bzitier\w*|\bbeleg\w*|\bцитир\w*|\bссыла\w*|\balıntı\w*|引用|\bkutip\w*|\bciter\w*/,
);
const RULES = unicodeWords(
  /\b(?:rules?|polic(?:y|ies)|guidelines|reglas?|règles?|regeln?|richtlinien?|regole|regras?|zasad\w*|reguł\w*|regels?|правил\w*|kural\w*|regler)\b|规则|ルール/,
);
const ONLY = unicodeWords(
  /\b(?:only|solely|just|solo|sólo|seulement|uniquement|nur|soltanto|apenas|só|tylko|wyłącznie|alleen|только|yalnızca|sadece|hanya|bara|endast)\b|只|だけ/,
);
const CAREERS = unicodeWords(
  /\bcareers?\b|\bcarreras?\b|\bcarrières?\b|\bkarriere\w*|\bcarriere\b|\bcarreiras?\b|\bkarier\w*|\bкарьер\w*|\bkariyer\w*|\bkarir\b|\bkarriär\w*|职业|職業|キャリア/,
);

/** True when `text` describes rules about citing entries or keeping to careers: a paraphrased prompt. */
export function describesItsRules(text: string): boolean {
  const lower = text.toLowerCase();
  if (!ENTRIES.test(lower) && !RULES.test(lower)) return false;
  if (ENTRIES.test(lower) && CITE.test(lower)) return true;
  return ONLY.test(lower) && CAREERS.test(lower) && (ENTRIES.test(lower) || RULES.test(lower));
}

// V8 compiles a pattern on its first use; doing it at start-up keeps that cost off the first answer.
describesItsRules('warm-up rules entries');
