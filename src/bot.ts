/**
 * The platform-neutral bot: one `IncomingMessage` in, one `Reply` out, plus the viability form. Commands
 * are in `commands.ts`, routing with conversation memory in `conversation.ts`; adapters only translate. Every message ends in a reply,
 * and internal errors become a polite error reply, never a raw platform error.
 */
import { answerReply, topicChoice } from './answers/compose.ts';
import { type CommandEnv, commandInfos, findCommand, parseTypedCommand, unknownCommand } from './commands.ts';
import type { AppContext } from './context.ts';
import { authorOf, conversationKeyOf, createConversations, userKeyOf } from './conversation.ts';
import type { JobsDesk } from './jobs/desk.ts';
import { createJobs } from './jobs/jobs.ts';
import type { Bot, HandleOptions } from './ports.ts';
import { createSafeStore } from './store/safe-store.ts';
import { keys } from './store/store.ts';
import type { Answers, CommandCall, IncomingMessage, IntentId, Reply, ReplyChoice, ViabilityResult } from './types.ts';
import {
  answerNotSaved,
  parseAnswer,
  QUESTIONNAIRE_TTL_MS,
  type QuestionnaireState,
  questionReply,
  RESULT_NOT_SAVED,
} from './viability/questionnaire.ts';
import { viabilityReply } from './viability/render.ts';
import { scoreViability, validateAnswers } from './viability/score.ts';

/** Topics offered as starter questions in a fresh conversation. */
const STARTER_TOPICS: readonly IntentId[] = ['compensation', 'barriers', 'viability'];

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

  async function completeViability(userKey: string, answers: Answers) {
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
    return (await completeViability(userKeyOf(authorOf(message)), next.answers)).reply;
  }

  /** Answers a command, whether an adapter parsed it or it was typed in a chat. */
  async function command(message: IncomingMessage, call: CommandCall, sessionKey: string, options: HandleOptions) {
    const spec = findCommand(call.name);
    if (!spec) return unknownCommand(kb);
    const env: CommandEnv = { kb, jobs, memory, logger, clock: ctx.clock, sessionKey, ask: careers };
    return spec.run(call, message, env, options);
  }

  /** A `/careers` question: remembered in the asker's own conversation in that channel. */
  function careers(message: IncomingMessage, options: HandleOptions): Promise<Reply> {
    const conversation = { ...message.conversation, threadId: `careers:${message.author.id}` };
    return routeAndAnswer({ ...message, kind: 'command', conversation }, options);
  }

  /** A picked choice: a topic answers its intent directly; a command runs; anything else is asked as text. */
  function picked(message: IncomingMessage, choice: ReplyChoice): { reply: Reply } | { message: IncomingMessage } {
    const typed = parseTypedCommand(choice.question);
    if (choice.intent && !typed) {
      return { reply: answerReply(kb, choice.intent, { question: choice.question, now: ctx.clock() }) };
    }
    return { message: { ...message, text: choice.question, choice: undefined, ...(typed ? { command: typed } : {}) } };
  }

  const bot: Bot = {
    questionnaire: kb.rubric.questions,
    commands: commandInfos(),
    starters: STARTER_TOPICS.map((intent) => topicChoice(kb, intent)),
    knowledgeVersion: kb.version,
    async lastViability(user) {
      return memory.get<ViabilityResult>(keys.viability(userKeyOf(user)));
    },
    async submitViability(user, answers) {
      const checked = validateAnswers(kb.rubric, answers);
      if (!checked.ok) return checked;
      return {
        ok: true,
        ...(await completeViability(userKeyOf(user), checked.answers)),
      };
    },
    async handle(incoming, options = {}) {
      try {
        const choice = incoming.choice ? picked(incoming, incoming.choice) : { message: incoming };
        if ('reply' in choice) return choice.reply;
        const { message } = choice;
        const text = typeof message.text === 'string' ? message.text : '';
        const sessionKey = keys.questionnaire(`${conversationKeyOf(message)}:${message.author.id}`);
        const call = message.command ?? parseTypedCommand(text);
        if (call) return await command(message, call, sessionKey, options);
        const session = await memory.get<QuestionnaireState>(sessionKey);
        if (session) return await continueQuestionnaire({ ...message, text }, sessionKey, session);
        return await routeAndAnswer({ ...message, text }, options);
      } catch (err) {
        logger.error({ err, platform: incoming.platform }, 'failed to handle message');
        return errorReply();
      }
    },
  };
  return bot;
}
