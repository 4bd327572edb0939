/**
 * Recognises attempts to change the bot's instructions. These never reach the classifier: whatever
 * else they mention, they get the out-of-scope answer.
 */

// Each pattern needs an instruction-like verb or "your ..." so that career questions about writing
// system prompts or keeping API keys safe are not mistaken for attacks.
const INJECTION_PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override|bypass)\b[^.?!]{0,40}\b(instructions?|rules|prompts?|guidelines|directions|programming|context)\b/i,
  /\byour\s+(system|hidden|initial|original|developer|secret)\s+(prompt|message|instructions?)\b/i,
  /\b(reveal|print|show|repeat|leak|dump|output|display)\b[^.?!]{0,30}\b(system|hidden|initial|secret)\s+(prompt|instructions?)\b/i,
  /\b(reveal|print|show|repeat|leak|dump|output|display|tell me|give me|what (is|are))\b[^.?!]{0,20}\byour\s+(\w+\s+)?(prompt|instructions|rules|configuration|config|settings|env|environment|keys?|tokens?|secrets?|credentials|passwords?)\b/i,
  /\b(your|the bot'?s|careerbot'?s)\s+(\w+\s+){0,2}(api[\s_-]?keys?|access tokens?|bot tokens?|credentials|passwords?)\b/i,
  /\b(openai_api_key|slack_bot_token|slack_signing_secret|slack_app_token|discord_token|process\.env)\b/i,
  /\byou are (now|no longer)\b/i,
  /\b(jailbreak|jail-break|DAN mode|do anything now|developer mode|god mode)\b/i,
  /\bpretend (that )?(you|to be)\b[^.?!]{0,60}\b(no|without|unrestricted|unfiltered|evil|not an? (ai|bot|assistant))\b/i,
  /\b(act|behave|respond) as (if|though) you (have|had) no\b/i,
  /\bnew (instructions|rules|persona)\s*:/i,
  /^\s*(system|assistant)\s*:/im,
  /<\/?(system|instructions?)>/i,
];

/** True when the text tries to instruct the bot rather than ask it something. */
export function looksLikeInjection(text: string): boolean {
  return INJECTION_PATTERNS.some((p) => p.test(text));
}
