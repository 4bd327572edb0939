/**
 * Follow-ups through the optional LLM layer. A message in a thread or DM the bot already answered may
 * go to the model, grounded in the knowledge entries the router found; whatever goes wrong (no model,
 * an injection, an invented figure, a timeout, an exhausted budget), the caller gets undefined or the
 * knowledge-base answer, never an unchecked model answer.
 */
import { answerReply, replyForRoute } from './answers/compose.ts';
import type { AppContext } from './context.ts';
import type { RouteResult } from './router/router.ts';
import type { IntentId, Reply, Turn } from './types.ts';

/** Intents that are not topics the model could expand on. */
const NOT_GROUNDING: ReadonlySet<IntentId> = new Set(['help', 'out_of_scope']);
const MAX_ENTRIES = 3;

/** What the bot knows about the message when it considers the model. */
export interface FollowUpContext {
  text: string;
  route: RouteResult;
  lastIntent?: IntentId;
  turns: Turn[];
  userKey: string;
  conversationKey: string;
  /** Called with '' when the model starts, then with the provisional text so far. */
  onProgress?: (textSoFar: string) => void;
}

/** The reply for a follow-up and the intent it was about, or undefined to answer from the router alone. */
export interface FollowUpAnswer {
  reply: Reply;
  intent: IntentId;
  viaModel: boolean;
}

/** True when the model may take this message: a model is set up and the bot already spoke here. */
export function isFollowUp(ctx: Pick<AppContext, 'llm'>, f: Pick<FollowUpContext, 'route' | 'turns'>): boolean {
  if (!ctx.llm) return false;
  if (!f.turns.some((t) => t.role === 'bot')) return false;
  // Attacks get the knowledge base's refusal without a model call. A message the router finds out of
  // scope still goes on: "and if I already work as a copywriter?" leaves the router's topics but not the
  // thread's, and the layer itself turns away answers that leave the field.
  return f.route.reason !== 'injection';
}

/** Asks the model to pick among close intents; keeps the router's pick unless the model's is valid. */
async function settleIntent(ctx: AppContext, f: FollowUpContext): Promise<IntentId | undefined> {
  const { route } = f;
  const candidates = [route.intent, ...route.alternatives.map((a) => a.intent)].filter((i) => !NOT_GROUNDING.has(i));
  if (route.decision === 'answer') return NOT_GROUNDING.has(route.intent) ? f.lastIntent : route.intent;
  if (route.decision === 'refuse') return f.lastIntent && !NOT_GROUNDING.has(f.lastIntent) ? f.lastIntent : undefined;
  if (candidates.length >= 2 && ctx.llm) {
    const picked = await ctx.llm.pickIntent(f.text, [...new Set(candidates)]);
    if (picked) return picked;
  }
  return f.lastIntent && !NOT_GROUNDING.has(f.lastIntent) ? f.lastIntent : candidates[0];
}

/** Answers a follow-up with the model, falling back to the knowledge base; undefined when not a follow-up. */
export async function answerFollowUp(ctx: AppContext, f: FollowUpContext): Promise<FollowUpAnswer | undefined> {
  const { llm, kb, logger } = ctx;
  if (!llm || !isFollowUp(ctx, f)) return undefined;
  // Progress starts before the intent pick: that is a model call too, and the platforms' clocks are running.
  f.onProgress?.('');
  const intent = await settleIntent(ctx, f);
  // Nothing to ground on: the router's own reply replaces the progress shown so far.
  if (!intent) return undefined;
  const entries = [intent, f.lastIntent, ...f.route.alternatives.map((a) => a.intent)]
    .filter((i): i is IntentId => i !== undefined && !NOT_GROUNDING.has(i) && kb.entries.has(i))
    .filter((i, n, all) => all.indexOf(i) === n)
    .slice(0, MAX_ENTRIES);
  const result = await llm.followUp(
    { question: f.text, entries, turns: f.turns, userKey: f.userKey, conversationKey: f.conversationKey },
    f.onProgress ? { onDelta: f.onProgress } : {},
  );
  if (result.ok) {
    const kbAnswer = answerReply(kb, intent);
    return { reply: { ...result.reply, choices: kbAnswer.choices }, intent, viaModel: true };
  }
  logger.info({ reason: result.reason, intent }, 'follow-up answered from the knowledge base');
  const ask = { question: f.text, now: ctx.clock() };
  const fallback =
    f.route.decision === 'answer' && f.route.intent === intent
      ? replyForRoute(kb, f.route, ask)
      : answerReply(kb, intent, ask);
  if (result.notice) fallback.footer = [result.notice, fallback.footer].filter(Boolean).join(' · ');
  return { reply: fallback, intent, viaModel: false };
}
