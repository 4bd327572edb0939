/**
 * Role families by job title. The title decides; a description or a source's tags are read only to rescue a
 * generic title ("Tutor", "Rater") at a company that trains AI. Callers pass that context lazily, so the costly
 * HTML-to-text work runs for the few postings whose title needs it.
 */
import { type FamilyId, ROLE_FAMILIES } from './posting.ts';

/** Display labels for every family, `adjacent` included. */
export const FAMILY_LABELS: Readonly<Record<FamilyId, string>> = {
  prompt_engineering: 'Prompt engineering',
  ai_training: 'AI training & data',
  llm_evaluation: 'LLM evaluation',
  conversation_design: 'Conversation design',
  ai_content: 'AI content',
  adjacent: 'AI operations & enablement',
};

const ORDER: readonly FamilyId[] = [...ROLE_FAMILIES, 'adjacent'];

// Titles are matched after cleanTitle, so every separator below is a single space.
const DIRECT: readonly [FamilyId, RegExp][] = [
  ['prompt_engineering', /\bprompt (engineer|designer|specialist|writer|architect)s?\b|\bprompt engineering\b/],
  [
    'ai_training',
    /\bai (trainer|tutor)s?\b|\b(image|video|audio) tutors?\b|\b(code|coding) trainers?\b|\bdata annotat|\brlhf\b|\bhuman data\b|\bai (writing|data) (specialist|evaluator|trainer|expert)s?\b|\bai training\b/,
  ],
  [
    'llm_evaluation',
    /\b(llm|ai|model|chatbot|assistant|search)\b.*\b(evaluators?|evaluation|raters?|graders?|reviewers?|quality analysts?)\b/,
  ],
  [
    'conversation_design',
    /\bconversation(al)? (ai )?design|\bdialog(ue)? designers?\b|\bvui\b|\bvoice (ux|user experience)\b|\bchatbot (designer|writer)s?\b/,
  ],
  [
    'ai_content',
    /\bai\b.*\b(content|writing|copy)\b.*\b(specialist|writer|editor|strategist)s?\b|\b(content|copy)\b.*\b(llm|genai|generative ai)\b/,
  ],
  ['adjacent', /\bai (operations|enablement)\b|\bgenai specialists?\b|\bagentic workflows?\b/],
];

// Words that name the work but also name unrelated jobs; they count only next to AI context.
const GENERIC: readonly [FamilyId, RegExp][] = [
  ['ai_training', /\b(tutor|trainer|annotator|data label(l)?er|labell?er)s?\b/],
  ['llm_evaluation', /\b(raters?|evaluators?|graders?|content reviewers?|quality analysts?|red team(er|ers|ing)?)\b/],
];

// A cheap first test: titles without any of these stems cannot match a rule above.
const SIGNAL =
  /prompt|tutor|trainer|training|annotat|label|rlhf|human data|evaluat|rater|grader|reviewer|quality analyst|red team|conversation|dialog|vui|voice|chatbot|content|writing|copy|operations|enablement|genai|agentic/;

const AI_IN_TITLE = /\b(ai|llms?|genai|gpt|chatbots?|rlhf|generative|machine learning)\b/;

const NEGATIVE =
  /\b(personal|fitness|sales|driver|driving|gym|swim|yoga|dog) trainers?\b|\bfitness\b|\bk 12\b|\bmath tutors?\b/;

// AI context means the job is about training or judging AI, not merely at a company that uses it.
const AI_WORK =
  /\b(train\w*|teach\w*|evaluat\w*|rat(e|es|ing)|label\w*|annotat\w*|improv\w*|review\w*|grad(e|es|ing)|red[- ]team\w*)\b[^.!?\n]{0,80}?\b(ai|llms?|large language models?|chatbots?|generative)\b|\b(ai|llm|model)[- ](training|evaluation|outputs?|responses?|tutors?|trainers?|safety)\b|\brlhf\b|\bhuman data\b/i;

// Every AI_WORK match contains one of these; a raw description without any skips the conversion to text.
const AI_TERM =
  /\b(ai|llms?|large language models?|chatbots?|generative|rlhf|human data|model[- ](training|evaluation|outputs?|responses?|tutors?|trainers?|safety))\b/i;

const AI_TAG = /(^|[^a-z])(ai|llm|genai|generative ai|machine learning|human data|rlhf)([^a-z]|$)/i;

/** Lowercases a title, drops markup and turns punctuation into single spaces. */
export function cleanTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/<[^>]*>/g, ' ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/** True when free text (a description) says the work is training, rating or labelling AI. */
export function hasAiContext(text: string): boolean {
  return AI_WORK.test(text);
}

/** Where raw text or HTML names AI (offsets, at most `limit`); none means `hasAiContext` is false for it too. */
export function aiMentions(text: string, limit = 8): number[] {
  const found: number[] = [];
  const pattern = new RegExp(AI_TERM.source, 'gi');
  for (let m = pattern.exec(text); m && found.length < limit; m = pattern.exec(text)) found.push(m.index);
  return found;
}

/** True when a source's tags or categories (e.g. Remotive `AI/ML`, Himalayas `AI-Evaluator`) mark AI work. */
export function hasAiTag(tags: readonly string[]): boolean {
  return tags.some((tag) => AI_TAG.test(tag));
}

/**
 * Families a title belongs to, in display order; empty means out of scope. `context` (text or a function
 * producing it) is consulted only when the title is generic and names no AI term itself.
 */
export function classifyTitle(title: string, context?: string | (() => string | boolean)): FamilyId[] {
  const t = cleanTitle(title);
  if (!SIGNAL.test(t)) return [];
  const aiTitle = AI_IN_TITLE.test(t);
  if (!aiTitle && NEGATIVE.test(t)) return [];
  const found = new Set<FamilyId>();
  for (const [family, pattern] of DIRECT) if (pattern.test(t)) found.add(family);
  let aiContext: boolean | undefined = aiTitle || undefined;
  for (const [family, pattern] of GENERIC) {
    if (found.has(family) || !pattern.test(t)) continue;
    aiContext ??= resolveContext(context);
    if (aiContext) found.add(family);
  }
  return found.size === 0 ? [] : ORDER.filter((f) => found.has(f));
}

function resolveContext(context: string | (() => string | boolean) | undefined): boolean {
  if (context === undefined) return false;
  const value = typeof context === 'function' ? context() : context;
  return typeof value === 'boolean' ? value : hasAiContext(value);
}
