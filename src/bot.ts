/**
 * The platform-neutral bot: one `IncomingMessage` in, one `Reply` out. Commands and the questionnaire
 * live here, routing with conversation memory in `conversation.ts`; adapters only translate. Every message ends in a reply,
 * and internal errors become a polite error reply, never a raw platform error.
 */
import { answerReply, noticeReply } from './answers/compose.ts';
import type { AppContext } from './context.ts';
import { conversationKeyOf, createConversations, userKeyOf } from './conversation.ts';
import { createJobs } from './jobs/jobs.ts';
import type { JobsDesk } from './jobs/ports.ts';
import type { RouteResult } from './router/router.ts';
import { createSafeStore } from './store/safe-store.ts';
import { keys } from './store/store.ts';
import type { IncomingMessage, IntentId, Reply } from './types.ts';
import {
  answerNotSaved,
  parseAnswer,
  QUESTIONNAIRE_TTL_MS,
  type QuestionnaireState,
  questionReply,
  RESULT_NOT_SAVED,
  viabilityNotStarted,
} from './viability/questionnaire.ts';
import { viabilityReply } from './viability/render.ts';
import { scoreViability, type ViabilityResult } from './viability/score.ts';

/** Per-message options from an adapter. */
export interface HandleOptions {
  /**
   * Called with '' when a follow-up goes to the LLM (show progress), then with the provisional text so
   * far. The returned reply is what counts: it replaces anything shown from these calls.
   */
  onProgress?: (textSoFar: string) => void;
  /** Hears the router's result for a routed message (the CLI's `ask --json` reports it). */
  onRoute?: (route: RouteResult) => void;
}

export type { ConversationState, Turn } from './conversation.ts';
export { conversationKeyOf, userKeyOf } from './conversation.ts';

/** The bot's message handler. */
export interface Bot {
  /** Answers one message; `onProgress` hears from a model answer in the making (see `HandleOptions`). */
  handle(message: IncomingMessage, options?: HandleOptions): Promise<Reply>;
  /**
   * Answers a private `/careers` question (Slack and Discord slash commands): help when it is empty,
   * otherwise the routed answer, remembered in the asker's own conversation in that channel.
   */
  careers(message: IncomingMessage, options?: HandleOptions): Promise<Reply>;
  /** Answers a chosen topic directly (a clicked button); `question` is the button's question, e.g. "All figures on …". */
  answerIntent(intent: IntentId, question?: string): Reply;
  /** Scores a full set of answers for a user, stores the result, and returns it with its scorecard reply. */
  completeViability(userKey: string, answers: Record<string, string>): Promise<ViabilityOutcome>;
  /** The weekly job digest and channel subscriptions, for the platforms' `/jobs` commands. */
  readonly jobs: JobsDesk;
}

/** A scored check: the stored result, the previous one if any, and the reply showing both. */
export interface ViabilityOutcome {
  reply: Reply;
  result: ViabilityResult;
  previous?: ViabilityResult;
}

function errorReply(): Reply {
  return {
    kind: 'error',
    title: 'Something went wrong on my side',
    body: 'I could not finish that answer. Please try again in a moment.',
    facts: [],
    advice: [],
    choices: [],
    entryIds: [],
  };
}

/** Creates the bot over a context; `jobs` defaults to a desk over the configured job sources. */
export function createBot(ctx: AppContext, options: { jobs?: JobsDesk } = {}): Bot {
  const { kb, logger, store } = ctx;
  const jobs = options.jobs ?? createJobs(ctx).desk;

  const memory = createSafeStore(store, logger);
  const routeAndAnswer = createConversations(ctx, memory);

  async function completeViability(userKey: string, answers: Record<string, string>): Promise<ViabilityOutcome> {
    const previous = await memory.get<ViabilityResult>(keys.viability(userKey));
    const result = scoreViability(kb, answers, ctx.clock(), previous);
    const saved = await memory.set(keys.viability(userKey), result);
    logger.info({ verdict: result.verdict.id, score: result.score }, 'viability check scored');
    const reply = viabilityReply(kb, result, previous);
    // The scorecard is worth showing anyway; the user should know the next check cannot compare with it.
    if (!saved) reply.footer = [reply.footer, RESULT_NOT_SAVED].filter(Boolean).join(' · ');
    return { reply, result, previous };
  }

  async function continueQuestionnaire(message: IncomingMessage, sessionKey: string, state: QuestionnaireState) {
    const value = parseAnswer(kb.rubric, state.step, message.text);
    if (!value) {
      const again = questionReply(kb.rubric, state.step);
      again.body = `Please pick one of the options (a number from 1 to ${again.choices.length}).\n${again.body}`;
      return again;
    }
    const question = kb.rubric.questions[state.step];
    const next: QuestionnaireState = {
      ...state,
      step: state.step + 1,
      answers: { ...state.answers, [question?.id ?? '']: value },
    };
    if (next.step < kb.rubric.questions.length) {
      // Unsaved, the answer would be lost and the next one read as an answer to the wrong question.
      if (!(await memory.set(sessionKey, next, QUESTIONNAIRE_TTL_MS))) return answerNotSaved(kb.rubric, state.step);
      return questionReply(kb.rubric, next.step, value);
    }
    await memory.delete(sessionKey);
    return (await completeViability(userKeyOf(message), next.answers)).reply;
  }

  async function command(
    message: IncomingMessage,
    name: string,
    rest: string,
    sessionKey: string,
    options: HandleOptions,
  ): Promise<Reply> {
    switch (name) {
      case 'help':
      case 'start':
        return answerReply(kb, 'help');
      case 'viability': {
        const state: QuestionnaireState = { step: 0, answers: {}, startedAt: ctx.clock().toISOString() };
        if (!(await memory.set(sessionKey, state, QUESTIONNAIRE_TTL_MS))) return viabilityNotStarted();
        return questionReply(kb.rubric, 0);
      }
      case 'cancel': {
        const had = await memory.get<QuestionnaireState>(sessionKey);
        await memory.delete(sessionKey);
        return noticeReply(
          had ? 'Viability check cancelled' : 'Nothing to cancel',
          'Ask me anything, or start again with /viability.',
          kb,
        );
      }
      case 'jobs':
        if (/^(digest)?$/i.test(rest.trim())) return jobs.digest();
        return noticeReply(
          'Subscriptions are set up in a channel',
          "Run /jobs subscribe in the Slack or Discord channel that should get the weekly digest. /jobs on its own shows this week's digest.",
          kb,
        );
      case 'careers':
      case 'ask':
        return careers({ ...message, text: rest }, options);
      default:
        return noticeReply('Unknown command', 'I know /help, /viability, /careers <question>, /jobs and /cancel.', kb);
    }
  }

  async function careers(message: IncomingMessage, options: HandleOptions): Promise<Reply> {
    if (message.text.trim() === '') return answerReply(kb, 'help');
    const conversation = { ...message.conversation, threadId: `careers:${message.author.id}` };
    return routeAndAnswer({ ...message, kind: 'command', conversation }, options);
  }

  const bot: Bot = {
    jobs,
    answerIntent: (intent, question) => answerReply(kb, intent, { question, now: ctx.clock() }),
    // Through `handle`, so the slash command and `/careers` typed in a chat share one path and its error handling.
    careers: (message, options) => bot.handle({ ...message, text: `/careers ${message.text}` }, options),
    completeViability,
    async handle(message, options = {}) {
      try {
        const text = typeof message.text === 'string' ? message.text : '';
        const sessionKey = keys.questionnaire(`${conversationKeyOf(message)}:${message.author.id}`);
        const cmd = /^\/([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(text.trim());
        if (cmd) return await command(message, (cmd[1] ?? '').toLowerCase(), cmd[2] ?? '', sessionKey, options);
        const session = await memory.get<QuestionnaireState>(sessionKey);
        if (session) return await continueQuestionnaire({ ...message, text }, sessionKey, session);
        return await routeAndAnswer({ ...message, text }, options);
      } catch (err) {
        logger.error({ err, platform: message.platform }, 'failed to handle message');
        return errorReply();
      }
    },
  };
  return bot;
}
