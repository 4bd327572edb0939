/**
 * The screen in front of the model. The router's guard catches plain attacks; a message that reaches
 * the model deserves a closer look, because the model can be talked into things the router cannot.
 * This adds patterns (environment dumps, role-play, fake authority, spoofed chat markup) and reads the
 * text again after undoing common disguises: look-alike letters, leetspeak, spaced-out letters,
 * base64, hex, URL-encoding, ROT13 and reversed text.
 */
import { looksLikeInjection } from '../router/guard.ts';
import { foreignAttackPhrase } from './screen-languages.ts';

const PATTERNS: readonly [string, RegExp][] = [
  [
    'env_dump',
    /\b(print|show|dump|list|echo|reveal|output|display|cat|read|send|tell me|give me|what(?:'s| is| are))\b[^.?!\n]{0,40}(\benv\b|environment variables?|\.env\b|os\.environ|process\.env|getenv|printenv|\$\{?[A-Z][A-Z0-9_]{2,})/i,
  ],
  ['secret_name', /\b[a-z0-9]+_(?:api_)?(?:key|token|secret|password)s?\b|\bapi_key\b/i],
  [
    'prompt_leak',
    /\b(repeat|print|show|reveal|output|recite|quote|translate|summari[sz]e|spell out|paste|copy|tell me|what (?:is|was|were))\b[^.?!\n]{0,40}\b(text|words|everything|instructions?|messages?|prompt)\b[^.?!\n]{0,30}\b(above|preceding|you were given|you received|at the (?:start|beginning) of (?:this|the) (?:chat|conversation)|verbatim|word for word)\b/i,
  ],
  [
    'your_setup',
    /\byour\s+(?:(?:initial|original|hidden|internal|secret|real|full|exact)\s+)?(instructions|system\s+message|guidelines|rules|directives|configuration|config|settings|source code|context window)\b/i,
  ],
  ['role_play', /\b(let'?s|we(?:'ll| will)?)\s+(play|do)\s+a\s+(game|role[\s-]?play)\b|\brole[\s-]?play\s+as\b/i],
  [
    'persona',
    /\b(pretend|imagine|act|behave|respond)\s+(?:as if |as though |that )?(?:you(?:'re| are)|yourself)\b|\bpretend to be\b|\byou are (?:an?|the) (?:unrestricted|unfiltered|evil|jailbroken|different|new)\b|\bact as (?:an?\s+)?(?:linux|terminal|shell|python|sql|interpreter|console|hacker)\b/i,
  ],
  [
    'from_now_on',
    /\bfrom now on,?\s+(?:you|your|answer|respond|reply|act|only|always|never|ignore)\b|\b(?:stay|remain) in character\b/i,
  ],
  [
    'no_limits',
    /\b(?:no|without|free of|free from)\s+(?:any\s+)?(?:restrictions|filters|censorship|guardrails|safety rules)\b|\b(?:unfiltered|uncensored|unrestricted|jailbroken)\b/i,
  ],
  [
    'authority',
    /\b(?:i am|i'm|this is)\s+your\s+(?:developer|admin(?:istrator)?|creator|owner|operator)\b|\b(?:i am|i'm|this is|message from|note from)\s+(?:the\s+)?(?:system administrator|openai|anthropic|careerbot team)\b|\b(?:admin|developer|debug|maintenance|sudo|god)\s+(?:mode|override)\b/i,
  ],
  [
    'markup',
    /<\s*\/?\s*(user_message|conversation|entry|entries|system|assistant|developer|im_start|im_end)\b|\[\/?(INST|SYS)\]|<\|[a-z_]+\|>|^#{2,}\s*(system|instructions?|new rules)\b/im,
  ],
  [
    'end_of_input',
    /\b(end of (?:the )?(?:user )?(?:input|message|prompt|question)|begin(?:ning)? of (?:the )?(?:new )?(?:system|instructions?|prompt))\b/i,
  ],
  [
    'encoded_order',
    /\b(decode|decipher|unscramble|rot13|base64|hex)\b[^.?!\n]{0,60}\b(follow|execute|obey|run|do what|act on|carry out)\b|\b(follow|execute|obey|run|carry out)\b[^.?!\n]{0,30}\b(decoded|encoded|hidden|embedded)\s+(instructions?|text|message|commands?|orders?)\b/i,
  ],
  ['say_exactly', /\b(say|reply|respond|answer|output|print|write)\s+(only|exactly|verbatim)\s*(with\s*)?[:"'“‘`]/i],
  [
    'foreign_override',
    /\b(ignora|ignore[zr]?|olvida|olvide|oublie[zr]?|vergiss|vergessen sie|ignoriere|ignorieren sie|esque[cç]a|dimentica)\b[^.?!\n]{0,40}\b(instrucciones|instructions|anweisungen|instru[cç][oõ]es|istruzioni|reglas|r[eè]gles|regeln|regras|regole|indicaciones|consignes)\b/i,
  ],
  [
    'foreign_reveal',
    /\b(muestra|mu[ée]strame|revela|dime|affiche[zr]?|montre[zr]?|r[ée]v[èe]le[zr]?|zeig(?:e)?|verrate|mostra|rivela)\b[^.?!\n]{0,30}\b(system\s?prompt|prompt (?:del sistema|système|di sistema|do sistema)|tus instrucciones|vos instructions|deine anweisungen|le tue istruzioni)/i,
  ],
  ['markdown_image', /!\[[^\]]*\]\(\s*https?:/i],
  [
    'grandma',
    /\b(grandma|grandmother|granny|deceased)\b[^.?!\n]{0,80}\b(keys?|passwords?|tokens?|prompt|secrets?|instructions)\b/i,
  ],
];

// Cyrillic and Greek letters that look Latin, as used to slip words past filters.
const LOOKALIKES: Readonly<Record<string, string>> = {
  а: 'a',
  е: 'e',
  о: 'o',
  р: 'p',
  с: 'c',
  у: 'y',
  х: 'x',
  і: 'i',
  ј: 'j',
  ѕ: 's',
  ԁ: 'd',
  ɡ: 'g',
  һ: 'h',
  α: 'a',
  ε: 'e',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  ι: 'i',
  κ: 'k',
  ν: 'v',
};
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '@': 'a',
  $: 's',
  '!': 'i',
};

function plain(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\p{Cf}\p{Mn}]/gu, '')
    .replace(/./gu, (c) => LOOKALIKES[c.toLowerCase()] ?? c);
}

function rot13(text: string): string {
  return text.replace(/[a-z]/gi, (c) => {
    const base = c <= 'Z' ? 65 : 97;
    return String.fromCharCode(((c.charCodeAt(0) - base + 13) % 26) + base);
  });
}

function decoded(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)) {
    const value = Buffer.from(m[0].replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
    // Only keep decodings that read as text, in any script; random words decode to noise.
    if (!value.includes('\ufffd') && /^[\p{L}\p{M}\p{N}\p{P}\p{S}\s]{8,}$/u.test(value)) out.push(value);
  }
  for (const m of text.matchAll(/(?:[0-9a-f]{2}[\s:]?){12,}/gi)) {
    out.push(Buffer.from(m[0].replace(/[\s:]/g, ''), 'hex').toString('utf8'));
  }
  if (/%[0-9a-f]{2}/i.test(text)) {
    try {
      out.push(decodeURIComponent(text));
    } catch {
      // A stray "%" is not an encoding.
    }
  }
  return out;
}

/** The text and the disguises it may be wearing, each undone. */
function readings(text: string): string[] {
  const base = plain(text);
  // Look-alike folding turns Cyrillic words into mixed scripts, so they are also read without it.
  const native = text.normalize('NFKC').replace(/\p{Cf}/gu, '');
  const spaced = base.replace(/\b(?:[a-z][\s.*_-]){3,}[a-z]\b/gi, (m) => m.replace(/[\s.*_-]/g, ''));
  const leet = base.replace(/[013457@$!]/g, (c) => LEET[c] ?? c);
  const reversed = [...base].reverse().join('');
  return [text, native, base, spaced, leet, rot13(base), reversed, ...decoded(base)];
}

/** The name of the rule an attack trips, or undefined when the message reads as a plain question. */
export function screenInput(text: string): string | undefined {
  for (const reading of readings(text)) {
    if (looksLikeInjection(reading)) return 'guard';
    for (const [name, pattern] of PATTERNS) if (pattern.test(reading)) return name;
    const lang = foreignAttackPhrase(reading);
    if (lang) return `phrase_${lang}`;
  }
  return undefined;
}
