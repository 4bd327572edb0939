/**
 * The seam between the core and the adapters, in one file. Adapters import the core only through here
 * (plus the error base and the text renderers): they build `IncomingMessage`s, call `Bot`, render `Reply`s,
 * and implement `Adapter` and `DigestPublisher`. Dependencies point inward: this file imports types only.
 */
import type { RouteResult } from './router/router.ts';
import type {
  AnswerProblem,
  ChannelRef,
  IncomingMessage,
  PostRef,
  QuestionnaireQuestion,
  Reply,
  ReplyChoice,
  UserRef,
  ViabilityResult,
} from './types.ts';

export type * from './types.ts';
export { FACTOR_IDS, INTENT_IDS } from './types.ts';

/**
 * Where a reply in the making is shown while the bot works (the progress sink). Every callback is
 * optional; the reply `handle` resolves with is what counts and replaces anything shown from them.
 */
export interface HandleOptions {
  /** Called with '' when a model starts on the answer (show progress), then with its provisional text. */
  onProgress?: (textSoFar: string) => void;
  /** A short note worth showing while slow work runs ("Reading the job boards…"); called at most once. */
  onNote?: (note: string) => void;
  /** Hears the router's result for a routed message (the CLI's `ask --json` reports it). */
  onRoute?: (route: RouteResult) => void;
}

/** The one option a command takes: free text, or one of fixed values. */
export interface CommandOption {
  name: string;
  description: string;
  maxLength?: number;
  choices?: readonly { value: string; label: string }[];
}

/** A command as adapters publish it: Discord's definitions, Slack's manifest and listeners, the console's help. */
export interface CommandInfo {
  name: string;
  description: string;
  /** What may follow the name, shown as a hint ("[subscribe | unsubscribe | status]"). */
  usage?: string;
  option?: CommandOption;
  /** `slash`: a platform slash command (and typed in chat); `text`: typed in chat only (e.g. `/cancel`). */
  surface: 'slash' | 'text';
  /** A form on platforms that have forms (the viability check); `handle` asks question by question. */
  form?: 'viability';
}

/** The outcome of a viability form: the scored reply, or every problem with the answers. */
export type ViabilitySubmission =
  | { ok: true; reply: Reply; result: ViabilityResult; previous?: ViabilityResult }
  | { ok: false; problems: AnswerProblem[] };

/** The core as adapters see it: one entry point for messages, one for the viability form. */
export interface Bot {
  /**
   * Answers one message: a question, a thread follow-up, a picked choice or a command. Every message ends
   * in a reply; internal errors become a polite error reply.
   */
  handle(message: IncomingMessage, options?: HandleOptions): Promise<Reply>;
  /** Scores a filled-in viability form and stores the result, or lists what is missing or invalid. */
  submitViability(user: UserRef, answers: unknown): Promise<ViabilitySubmission>;
  /** The questionnaire that forms show. */
  readonly questionnaire: readonly QuestionnaireQuestion[];
  /** Every command, in the order help lists them. */
  readonly commands: readonly CommandInfo[];
  /** Starter questions for a fresh conversation (Slack's assistant panel). */
  readonly starters: readonly ReplyChoice[];
  /** The knowledge base's version, for health checks and logs. */
  readonly knowledgeVersion: string;
  /** The user's last stored viability result (App Home), or undefined. */
  lastViability(user: UserRef): Promise<ViabilityResult | undefined>;
}

/** What an adapter may keep in the store: keys are scoped to the adapter (`slack:…`, `discord:…`). */
export interface ScopedStore {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T, ttlMs?: number): Promise<void>;
  delete(key: string): Promise<boolean>;
  /** True for the first caller while the claim lives (answer an event once across replicas). */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

/** The smallest surface an adapter offers the core: start, stop, and post to a channel unprompted. */
export interface Adapter {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
  post(conversationId: string, reply: Reply): Promise<void>;
  /** Posting and editing weekly digests; absent on adapters without channels (the console). */
  readonly digests?: DigestPublisher;
  /** Whether the platform connection is up right now (logged in, socket open); `GET /healthz` reports it. */
  ready?(): boolean;
}

/**
 * Posting digests on one platform. `marker` is a stable id for one digest in one channel (week and
 * channel); `find` looks for a post carrying it, to recover when a process died between sending a
 * post and recording it. Throws `ChannelGoneError` or `MessageGoneError` (`errors.ts`) when told to.
 */
export interface DigestPublisher {
  readonly platform: string;
  publish(channel: ChannelRef, reply: Reply, marker: string): Promise<PostRef>;
  update(ref: PostRef, reply: Reply, marker: string): Promise<void>;
  find(channel: ChannelRef, marker: string): Promise<PostRef | undefined>;
}
