/**
 * Platform-neutral data shared by the core and every adapter. Adapters turn platform payloads into
 * `IncomingMessage` and render `Reply`; nothing here knows which platform it runs on.
 */
import type { DigestPublisher } from './jobs/ports.ts';

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
  /** The original payload, kept only for logs. */
  raw?: unknown;
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
