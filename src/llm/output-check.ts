/**
 * The check on what the model wrote, before anyone sees it. A model that obeyed an injection shows
 * it here: it quotes its rules, prints something key-shaped, names environment variables, echoes the
 * prompt's framing tags, or links somewhere our sources do not.
 */
import { linkAllowed, linksIn, talksAboutItsInstructions } from './answer-claims.ts';
import { describesItsRules } from './leak-concepts.ts';
import { SYSTEM_PROMPT } from './prompt.ts';

/** Why an answer was refused: a leak or obeyed injection, or the model's own out-of-scope signal. */
export type OutputProblem = 'prompt_leak' | 'secret_leak' | 'env_leak' | 'frame_leak' | 'foreign_link';

const KEY_SHAPES: readonly RegExp[] = [
  /\bsk-[A-Za-z0-9_-]{8,}/,
  /\bxox[abposr]-[A-Za-z0-9-]{6,}/,
  /\bxapp-[A-Za-z0-9-]{6,}/,
  /\bgh[pousr]_[A-Za-z0-9]{16,}/,
  /\bAKIA[0-9A-Z]{16}\b/,
  /\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/,
  /\b[MN][A-Za-z\d]{23,}\.[\w-]{6}\.[\w-]{20,}/,
  // Long unbroken runs of letters and digits (with at least one digit) read as tokens, not words.
  /\b(?=[A-Za-z0-9+/_-]*\d)(?=[A-Za-z0-9+/_-]*[A-Za-z])[A-Za-z0-9+/_-]{32,}/,
];
const ENV_SHAPES: readonly RegExp[] = [
  /\b[A-Z][A-Z0-9]*_(?:API_KEY|KEY|TOKEN|SECRET|BASE_URL|URL|MODEL|PASSWORD)\b/,
  /\bprocess\.env\b|\bos\.environ\b|\bgetenv\b|\.env\b/,
];
const FRAME_SHAPE = /<\s*\/?\s*(user_message|conversation|entries|entry)\b/i;
const SHINGLE = 8;

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
}

function shingles(text: string): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= w.length; i += 1) out.add(w.slice(i, i + SHINGLE).join(' '));
  return out;
}

// Eight words in a row taken from the rules means the model is reciting them.
const PROMPT_SHINGLES = shingles(SYSTEM_PROMPT);

/** What an answer is checked against: secret values to never echo and the links it may contain. */
export interface OutputCheckContext {
  /** Secret values (the API key, platform tokens); none may appear, even in part. */
  secrets: readonly string[];
  /** Source URLs of the entries the model was given. */
  allowedUrls: ReadonlySet<string>;
}

function containsSecret(text: string, secret: string): boolean {
  if (secret.length < 8) return false;
  // A leading slice is enough to identify a key, and models often cut long values short.
  const probe = secret.length > 16 ? secret.slice(0, 12) : secret;
  return text.includes(probe) || text.replace(/\s+/g, '').includes(probe);
}

/** The first problem found in `text`, or undefined when it may be shown. */
export function checkOutput(text: string, ctx: OutputCheckContext): OutputProblem | undefined {
  if (ctx.secrets.some((s) => containsSecret(text, s))) return 'secret_leak';
  const urls = [...text.matchAll(/\bhttps?:\/\/[^\s)\]>"']+/gi)].map((m) => m[0].replace(/[.,;:!?]+$/, ''));
  if (urls.some((url) => !ctx.allowedUrls.has(url))) return 'foreign_link';
  // Links without a scheme count too: "promptjobs.com/apply" and "x[.]io" are as clickable to a reader.
  if (linksIn(text).some((link) => !linkAllowed(link, ctx.allowedUrls))) return 'foreign_link';
  // Source URLs hold long slugs that would read as tokens below.
  const prose = urls.reduce((t, url) => t.replaceAll(url, ' '), text);
  if (KEY_SHAPES.some((p) => p.test(prose))) return 'secret_leak';
  if (ENV_SHAPES.some((p) => p.test(prose))) return 'env_leak';
  if (FRAME_SHAPE.test(prose)) return 'frame_leak';
  for (const s of shingles(prose)) if (PROMPT_SHINGLES.has(s)) return 'prompt_leak';
  // A paraphrase or translation of the rules shares no eight words with them, but says whose rules they are.
  if (talksAboutItsInstructions(prose) || describesItsRules(prose)) return 'prompt_leak';
  return undefined;
}
