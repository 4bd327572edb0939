/**
 * Routing with conversation memory: a message is routed with its thread's last topic, a follow-up may
 * go to the LLM layer, and the exchange is remembered (clipped, with a TTL) for the next message.
 */
import { replyForRoute } from './answers/compose.ts';
import { detectLanguage, englishOnlyNote } from './answers/language.ts';
import { smallTalkReply } from './answers/small-talk.ts';
import type { AppContext } from './context.ts';
import { answerFollowUp } from './follow-up.ts';
import type { HandleOptions } from './ports.ts';
import type { RouteResult } from './router/router.ts';
import type { SafeStore } from './store/safe-store.ts';
import { keys } from './store/store.ts';
import type { ConversationState, IncomingMessage, IntentId, Reply, ReplyChoice, Turn, UserRef } from './types.ts';

/** Who sent a message, as per-user records name them. */
export function authorOf(message: Pick<IncomingMessage, 'platform' | 'author'>): UserRef {
  return { platform: message.platform, id: message.author.id };
}

/** A stable per-user key across the bot's stores. */
export function userKeyOf(user: UserRef): string {
  return `${user.platform}:${user.id}`;
}

/** A stable key for the thread (or DM/channel) a message belongs to. */
export function conversationKeyOf(message: Pick<IncomingMessage, 'platform' | 'conversation'>): string {
  return `${message.platform}:${message.conversation.id}:${message.conversation.threadId ?? '-'}`;
}

/** Topics whose answer offers to start the matching command first. */
const START_CHOICES: Partial<Record<IntentId, ReplyChoice>> = {
  viability: { label: 'Start the viability check', question: '/viability', intent: 'viability' },
  jobs: { label: "Show this week's job digest", question: '/jobs', intent: 'jobs' },
};

const CONVERSATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;
const MAX_TURNS = 10;
const MAX_TURN_CHARS = 500;

/**
 * With a model configured, a first message the router is unsure about (in scope, topic unclear) gets the
 * model's pick among the candidate topics. The router's own decision stands when the model is off, slow,
 * over budget or picks nothing valid.
 */
async function settleFirstMessage(ctx: AppContext, text: string, route: RouteResult): Promise<RouteResult> {
  if (!ctx.llm || route.decision !== 'clarify') return route;
  const candidates = [route.intent, ...route.alternatives.map((a) => a.intent)]
    .filter((i) => i !== 'out_of_scope' && i !== 'help')
    .slice(0, 4);
  const picked = await ctx.llm.pickIntent(text, candidates).catch(() => undefined);
  if (!picked) return route;
  const confidence = [route, ...route.alternatives].find((s) => s.intent === picked)?.confidence ?? 0;
  return {
    ...route,
    intent: picked,
    confidence,
    decision: 'answer',
    reason: 'model_pick',
    entryIds: [ctx.kb.entries.get(picked)?.id ?? picked],
  };
}

/** Answers a routed message and remembers the exchange in its conversation. */
export function createConversations(ctx: AppContext, memory: SafeStore) {
  const { kb, logger, router } = ctx;
  return async function routeAndAnswer(message: IncomingMessage, options: HandleOptions = {}): Promise<Reply> {
    const conversationKey = keys.conversation(conversationKeyOf(message));
    const conversation = (await memory.get<ConversationState>(conversationKey)) ?? { turns: [] };
    const started = performance.now();
    // A greeting or thanks gets a short reply, and is neither a follow-up for the model nor a change of topic.
    const smallTalk = smallTalkReply(message.text);
    const routed = router.route(message, { lastIntent: conversation.lastIntent });
    const route =
      conversation.turns.length === 0 && !smallTalk ? await settleFirstMessage(ctx, message.text, routed) : routed;
    logger.info(
      {
        intent: route.intent,
        confidence: Number(route.confidence.toFixed(3)),
        decision: route.decision,
        reason: route.reason,
        chars: message.text.length,
        ms: Number((performance.now() - started).toFixed(2)),
      },
      'routed message',
    );
    const followUp = smallTalk
      ? undefined
      : await answerFollowUp(ctx, {
          text: message.text,
          route,
          lastIntent: conversation.lastIntent,
          turns: conversation.turns,
          userKey: userKeyOf(authorOf(message)),
          conversationKey,
          onProgress: options.onProgress,
        });
    options.onRoute?.(route);
    const lang = await detectLanguage(message.text);
    const ask = { question: message.text, now: ctx.clock(), english: lang === undefined || lang === 'en' };
    const reply = smallTalk ?? followUp?.reply ?? replyForRoute(kb, route, ask);
    const note = englishOnlyNote(lang);
    if (note && !followUp?.viaModel) reply.notices = [note, ...(reply.notices ?? [])];
    const start = route.decision === 'answer' && !followUp && !smallTalk ? START_CHOICES[route.intent] : undefined;
    if (start) reply.choices = [start, ...reply.choices].slice(0, 3);
    const at = ctx.clock().toISOString();
    const answered = smallTalk
      ? conversation.lastIntent
      : (followUp?.intent ?? (route.decision === 'answer' ? route.intent : conversation.lastIntent));
    const turns: Turn[] = [
      ...conversation.turns,
      { role: 'user' as const, text: message.text.slice(0, MAX_TURN_CHARS), intent: route.intent, at },
      {
        role: 'bot' as const,
        text: `${reply.title}: ${reply.body}`.slice(0, MAX_TURN_CHARS),
        intent: route.intent,
        at,
      },
    ].slice(-MAX_TURNS);
    await memory.set(conversationKey, { lastIntent: answered, turns } satisfies ConversationState, CONVERSATION_TTL_MS);
    return reply;
  };
}
