/**
 * Every command, listed once: its name, description, option and what it does. Discord's command
 * definitions, Slack's listener and manifest (checked by a test), the console's command list and the
 * help all come from this array; a command typed in any chat runs the same `run`.
 */
import { answerReply, noticeReply } from './answers/compose.ts';
import type { JobsDesk } from './jobs/desk.ts';
import type { KnowledgeBase } from './knowledge/loader.ts';
import type { Logger } from './logger.ts';
import type { CommandCall, CommandInfo, HandleOptions } from './ports.ts';
import type { SafeStore } from './store/safe-store.ts';
import type { IncomingMessage, Reply } from './types.ts';
import {
  QUESTIONNAIRE_TTL_MS,
  type QuestionnaireState,
  questionReply,
  viabilityNotStarted,
} from './viability/questionnaire.ts';

/** What a command's `run` may use; built by the bot for each message. */
export interface CommandEnv {
  kb: KnowledgeBase;
  jobs: JobsDesk;
  memory: SafeStore;
  logger: Logger;
  clock: () => Date;
  /** Where this user's questionnaire in this conversation is kept. */
  sessionKey: string;
  /** Routes and answers a question in the asker's own `/careers` conversation. */
  ask(message: IncomingMessage, options: HandleOptions): Promise<Reply>;
}

/** A command: what adapters publish (`CommandInfo`) and what it does. */
export interface CommandSpec extends CommandInfo {
  /** Other names typed in chat (`/start`, `/ask`). */
  aliases?: readonly string[];
  run(call: CommandCall, message: IncomingMessage, env: CommandEnv, options: HandleOptions): Promise<Reply>;
}

/** What `/jobs` can do; `digest` when nothing is given. */
export const JOBS_ACTIONS = ['digest', 'subscribe', 'unsubscribe', 'status'] as const;

/** One `/jobs` action. */
export type JobsAction = (typeof JOBS_ACTIONS)[number];

/** The `/jobs` action a command's text asks for, or undefined when it names none of them. */
export function jobsAction(text: string): JobsAction | undefined {
  const action = text.trim().toLowerCase() || 'digest';
  return JOBS_ACTIONS.find((a) => a === action);
}

const JOBS_USAGE =
  '`/jobs` shows this week’s job digest (only to you).\n`/jobs subscribe` posts it in this channel every week.\n`/jobs unsubscribe` stops that.\n`/jobs status` shows the schedule and this channel’s subscription.';

function jobsReply(kind: Reply['kind'], title: string, body: string): Reply {
  return { kind, title, body, facts: [], advice: [], choices: [], entryIds: ['jobs'] };
}

async function runJobs(call: CommandCall, message: IncomingMessage, env: CommandEnv, options: HandleOptions) {
  const action = jobsAction(call.text);
  if (!action) return jobsReply('help', 'How to use /jobs', JOBS_USAGE);
  try {
    if (action === 'digest') return await env.jobs.digest({ onCollecting: options.onNote });
    // Only an adapter that checked the asker's rights names the channel; a command typed in a chat does not.
    if (!call.channel) {
      return noticeReply(
        'Subscriptions are set up in a channel',
        "Run /jobs subscribe in the Slack or Discord channel that should get the weekly digest. /jobs on its own shows this week's digest.",
        env.kb,
      );
    }
    if (action === 'status') return await env.jobs.status(call.channel);
    return action === 'subscribe'
      ? await env.jobs.subscribe(call.channel, message.author.id)
      : await env.jobs.unsubscribe(call.channel, message.author.id);
  } catch (err) {
    env.logger.error({ err, channel: call.channel?.channelId }, '/jobs failed');
    return jobsReply(
      'error',
      'Something went wrong on my side',
      'I could not finish that. Please try `/jobs` again in a moment.',
    );
  }
}

/** Every command, in the order help lists them. */
export const COMMANDS: readonly CommandSpec[] = [
  {
    name: 'careers',
    aliases: ['ask'],
    description: 'Ask careerbot a question (only you see the answer)',
    usage: 'how much do prompt engineers make?',
    option: { name: 'question', description: 'For example: how much do prompt engineers make?', maxLength: 1_000 },
    surface: 'slash',
    run: async (call, message, env, options) =>
      call.text.trim() === '' || /^help$/i.test(call.text.trim())
        ? answerReply(env.kb, 'help')
        : env.ask({ ...message, text: call.text }, options),
  },
  {
    name: 'viability',
    description: 'Score your fit for a prompt-engineering career',
    surface: 'slash',
    form: 'viability',
    async run(_call, _message, env) {
      const state: QuestionnaireState = { step: 0, answers: {}, startedAt: env.clock().toISOString() };
      if (!(await env.memory.set(env.sessionKey, state, QUESTIONNAIRE_TTL_MS))) return viabilityNotStarted();
      return questionReply(env.kb.rubric, 0);
    },
  },
  {
    name: 'jobs',
    description: "This week's job digest (only you see it), or a weekly digest for this channel",
    usage: '[subscribe | unsubscribe | status]',
    option: {
      name: 'action',
      description: 'What to do (default: show this week’s digest)',
      choices: [
        { value: 'digest', label: "This week's digest, only for you (default)" },
        { value: 'subscribe', label: 'Post the digest in this channel every week' },
        { value: 'unsubscribe', label: 'Stop the weekly digest in this channel' },
        { value: 'status', label: "The schedule and this channel's subscription" },
      ],
    },
    surface: 'slash',
    run: runJobs,
  },
  {
    name: 'help',
    aliases: ['start'],
    description: 'What careerbot can do',
    surface: 'slash',
    run: async (_call, _message, env) => answerReply(env.kb, 'help'),
  },
  {
    name: 'cancel',
    description: 'Stop the viability check',
    surface: 'text',
    async run(_call, _message, env) {
      const had = await env.memory.get<QuestionnaireState>(env.sessionKey);
      await env.memory.delete(env.sessionKey);
      return noticeReply(
        had ? 'Viability check cancelled' : 'Nothing to cancel',
        'Ask me anything, or start again with /viability.',
        env.kb,
      );
    },
  },
];

/** The command a name (or alias) stands for. */
export function findCommand(name: string): CommandSpec | undefined {
  const wanted = name.toLowerCase();
  return COMMANDS.find((c) => c.name === wanted || c.aliases?.includes(wanted));
}

/** A command typed as chat text (`/careers how much…`), or undefined for a plain message. */
export function parseTypedCommand(text: string): CommandCall | undefined {
  const typed = /^\/([a-z][\w-]*)(?:\s+([\s\S]*))?$/i.exec(text.trim());
  return typed ? { name: (typed[1] ?? '').toLowerCase(), text: typed[2] ?? '' } : undefined;
}

/** What adapters publish of each command (no `run`). */
export function commandInfos(): CommandInfo[] {
  return COMMANDS.map(({ name, description, usage, option, surface, form }) => ({
    name,
    description,
    surface,
    ...(usage ? { usage } : {}),
    ...(option ? { option } : {}),
    ...(form ? { form } : {}),
  }));
}

/** The reply to a command nobody defined. */
export function unknownCommand(kb: KnowledgeBase): Reply {
  const names = COMMANDS.map((c) => (c.option?.name === 'question' ? `/${c.name} <question>` : `/${c.name}`));
  return noticeReply('Unknown command', `I know ${names.join(', ')}.`, kb);
}
