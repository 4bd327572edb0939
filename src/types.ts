/**
 * Platform-neutral data shared by the core and every adapter: plain shapes with no behaviour and no
 * imports, so anything may depend on this file without making a cycle. The interfaces between the core
 * and the adapters (`Bot`, `Adapter`, `DigestPublisher`) are in `ports.ts`, which re-exports all of this.
 */

/** The nine factors of the source article, in its order; each has a knowledge-base entry of its own. */
export const FACTOR_IDS = [
  'employment',
  'barriers',
  'advancement',
  'workload',
  'growth',
  'demand',
  'compensation',
  'stability',
  'education',
] as const;

/** Every intent the router can return, in a fixed, visible order: the nine factors, then the topics. */
export const INTENT_IDS = [...FACTOR_IDS, 'viability', 'jobs', 'help', 'out_of_scope'] as const;

/** One of the thirteen intent ids. */
export type IntentId = (typeof INTENT_IDS)[number];

/** One of the nine factors of the source article. */
export type FactorId = (typeof FACTOR_IDS)[number];

/** How a message reached the bot. */
export type MessageKind = 'mention' | 'direct' | 'command' | 'thread_reply';

/** A chat message after the adapter has stripped platform markup. */
export interface IncomingMessage {
  /** Platform message id (event id, interaction id, line number...). */
  id: string;
  /** Adapter name, for logs only: the core never branches on it. */
  platform: string;
  /** Plain text with mentions and markup removed by the adapter. */
  text: string;
  author: { id: string; name?: string };
  /** Where the reply goes; `threadId` is set when the message sits in a thread. */
  conversation: { id: string; threadId?: string };
  kind: MessageKind;
  /** A slash command the adapter parsed (`/careers …`); text typed as `/name …` is parsed by the bot. */
  command?: CommandCall;
  /** A choice the user picked (a button, a number in the console), as offered by an earlier reply. */
  choice?: ReplyChoice;
  /** The original payload, kept only for logs. */
  raw?: unknown;
}

/** One command as the user gave it: its name (no slash) and its text or single option. */
export interface CommandCall {
  name: string;
  text: string;
  /**
   * The channel a `/jobs` subscription change or status is for. Adapters set it only after checking that
   * the asker may manage that channel; without it the bot explains where subscriptions are set up.
   */
  channel?: ChannelRef;
}

/** Who a per-user record belongs to: the adapter's name and the platform's user id. */
export interface UserRef {
  platform: string;
  id: string;
}

/** A fact as shown to a user: the figure, where it comes from and how old it is. */
export interface ReplyFact {
  /** `<entry id>/<fact id>`, stable across releases. */
  ref: string;
  text: string;
  figure: string;
  source: string;
  sourceUrl?: string;
  asOf: string;
  /** A caveat the curators attached to the figure (how it was obtained, what to read it with). */
  note?: string;
}

/** A button-like choice: the question the bot is asked when a user picks it. */
export interface ReplyChoice {
  label: string;
  question: string;
  intent?: IntentId;
}

/** What kind of reply this is, so adapters can style it (never to decide what to say). */
export type ReplyKind = 'answer' | 'clarify' | 'refusal' | 'help' | 'viability' | 'notice' | 'error';

/** A platform-neutral reply that every adapter can render. */
export interface Reply {
  kind: ReplyKind;
  title: string;
  body: string;
  facts: ReplyFact[];
  advice: string[];
  /** Suggested follow-up questions (2-3 on answers), or the two topics offered when unsure. */
  choices: ReplyChoice[];
  /** Knowledge entries this reply was built from, for citations and logs. */
  entryIds: string[];
  /** Optional footer line, e.g. the sources' ages or a rate-limit note. */
  footer?: string;
  /** Caveats to read first: figures that are old or from another country, nothing on what was asked, answers in English. */
  notices?: string[];
  /** The nine rated factors, on viability results only. */
  scorecard?: ScorecardRow[];
}

/** How a factor looks for one person. */
export type Rating = 'favourable' | 'mixed' | 'risk';

/** One factor of a viability result, with the fact its reason rests on. */
export interface ScorecardRow {
  factor: FactorId;
  title: string;
  rating: Rating;
  reason: string;
  fact: ReplyFact;
  /** The rating of the previous run, when it differed. */
  previous?: Rating;
}

/** One remembered exchange; texts are clipped so a conversation record stays small. */
export interface Turn {
  role: 'user' | 'bot';
  text: string;
  intent?: IntentId;
  at: string;
}

/** What the bot remembers about a thread or DM. */
export interface ConversationState {
  lastIntent?: IntentId;
  turns: Turn[];
}

/** Answers keyed by question id, each an option value. */
export type Answers = Record<string, string>;

/** One question of the viability check, as forms (Slack modal, Discord menus) show it. */
export interface QuestionnaireQuestion {
  id: string;
  prompt: string;
  help?: string;
  options: { value: string; label: string }[];
}

/** A problem with one answer, named by question id. */
export interface AnswerProblem {
  question: string;
  /** What is wrong, naming the allowed option values (for the CLI and logs). */
  message: string;
  /** What went wrong, for a platform to word or style its own way. */
  kind: 'missing' | 'not_an_option' | 'unknown_question';
  /** A short sentence for a form field that shows the options itself ("Please choose an answer."). */
  hint: string;
}

/** A scored questionnaire, as stored per user. */
export interface ViabilityResult {
  answers: Answers;
  rows: ScorecardRow[];
  score: number;
  verdict: { id: string; title: string; text: string };
  /** Three steps, for the weakest factors first. */
  nextSteps: NextStep[];
  /** ISO timestamp. */
  at: string;
  knowledgeVersion: string;
}

/** One next step shown with a result: the factor it improves and the fact it rests on. */
export interface NextStep {
  id: string;
  factor: FactorId;
  text: string;
  fact: ReplyFact;
}

/** A channel (or DM) a digest can be posted to. */
export interface ChannelRef {
  /** Adapter name (`slack`, `discord`), matching `Adapter.name`. */
  platform: string;
  channelId: string;
  /** Slack team id or Discord guild id, when there is one. */
  workspaceId?: string;
  /** Display name for status replies; never used for routing. */
  name?: string;
}

/** A message the bot posted, so a re-run of the same week can edit it. */
export interface PostRef {
  channelId: string;
  messageId: string;
}

/** Why a channel can no longer be posted to. */
export type GoneReason = 'not_found' | 'archived' | 'no_access' | 'no_permission';
