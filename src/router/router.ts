/**
 * The intent router: cleans the text, screens prompt injection, classifies, and then decides whether
 * to answer, ask which of two topics was meant, or say what the bot can help with. Thresholds follow
 * Rasa's FallbackClassifier (a confidence threshold plus an ambiguity margin) and are tuned on the
 * development set with `npm run eval`.
 */

import { join } from 'node:path';
import { cleanInput } from '../input.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { IncomingMessage, IntentId } from '../types.ts';
import {
  type Classifier,
  classifierFromModel,
  type Scored,
  type TrainingExample,
  trainLogisticRegression,
} from './classifier.ts';
import { looksLikeInjection } from './guard.ts';
import { loadModel, MODEL_FILE, modelKey } from './model-file.ts';
import { type CompiledLexicon, compileLexicon } from './text.ts';

/** Why the router decided as it did, for logs, tests and the reply builder. */
export type RouteReason =
  | 'classified'
  | 'empty'
  | 'no_words'
  | 'injection'
  | 'low_confidence'
  | 'ambiguous'
  | 'context'
  | 'model_pick';

/** The router's output for one message. */
export interface RouteResult {
  intent: IntentId;
  confidence: number;
  /** Runner-up intents, best first (at most four). */
  alternatives: Scored[];
  /** Knowledge entries the answer is built from. */
  entryIds: string[];
  /**
   * `answer`: answer `intent`; `clarify`: in scope but unsure of the topic, so offer `intent` and the closest
   * `alternatives`; `unsure`: nothing to go on (empty or no words); `refuse`: clearly about something else.
   */
  decision: 'answer' | 'clarify' | 'unsure' | 'refuse';
  reason: RouteReason;
  /** True when the text was cut to the routed maximum. */
  truncated: boolean;
}

/** Decision thresholds (probabilities from the classifier). */
export interface Thresholds {
  /** Refusing needs evidence: the out-of-scope class must be the top pick with at least this probability. */
  refuse: number;
  /** In scope, a topic is answered when its share of the in-scope probability reaches this... */
  answer: number;
  /** ...and leads the next topic by at least this margin; otherwise the closest topics are offered. */
  ambiguity: number;
  /** In a thread, a short message judged out of scope with less confidence than this keeps the thread's topic. */
  followUpOutOfScope: number;
  /** In a thread, a short message whose best topic has less than this share keeps the thread's topic. */
  followUpTopic: number;
  /** ...or less than this share, when the thread's topic is among the message's three closest topics. */
  followUpSwitch: number;
}

/** Tuned on `test/fixtures/router-dev.jsonl` with `npm run eval -- --tune`; see docs/router.md for the figures. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  refuse: 0.3,
  answer: 0.4,
  ambiguity: 0.1,
  followUpOutOfScope: 0.7,
  followUpTopic: 0.5,
  followUpSwitch: 0.75,
};

/** What the router may know about the conversation so far. */
export interface RouteContext {
  /** The intent the bot last answered in this thread or DM. */
  lastIntent?: IntentId;
}

/** Routes messages to intents. */
export interface Router {
  readonly classifier: Classifier;
  /** `file`: the saved model matched the knowledge base; `trained`: trained at start-up (stale or missing file). */
  readonly modelSource: 'file' | 'trained' | 'given';
  route(message: Pick<IncomingMessage, 'text' | 'kind'>, context?: RouteContext): RouteResult;
}

const NOT_A_TOPIC: ReadonlySet<IntentId> = new Set(['help', 'out_of_scope']);

/** Every example message in the knowledge base, labelled with its entry's intent. */
export function trainingExamples(kb: KnowledgeBase): TrainingExample[] {
  return kb.examples.map(({ text, intent }) => ({ text, intent }));
}

const lexicons = new WeakMap<KnowledgeBase, CompiledLexicon>();

/** The knowledge base's lexicon, compiled once and shared by the router and the answer builder. */
export function compiledLexicon(kb: KnowledgeBase): CompiledLexicon {
  let lexicon = lexicons.get(kb);
  if (!lexicon) {
    lexicon = compileLexicon(kb.lexicon.terms);
    lexicons.set(kb, lexicon);
  }
  return lexicon;
}

/** The product's classifier: the saved model when it matches the knowledge base, else trained now. */
export function productClassifier(kb: KnowledgeBase): { classifier: Classifier; source: 'file' | 'trained' } {
  const lexicon = compiledLexicon(kb);
  const saved = loadModel(join(kb.dir, MODEL_FILE), modelKey(kb.examplesFingerprint, kb.lexicon));
  if (saved) return { classifier: classifierFromModel(saved, { lexicon }), source: 'file' };
  return { classifier: trainLogisticRegression(trainingExamples(kb), { lexicon }), source: 'trained' };
}

/** Builds a router over the saved or freshly trained classifier unless one is given. */
export function createRouter(
  kb: KnowledgeBase,
  options: { classifier?: Classifier; thresholds?: Partial<Thresholds> } = {},
): Router {
  const { classifier, source } = options.classifier
    ? { classifier: options.classifier, source: 'given' as const }
    : productClassifier(kb);
  const t: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const entryIdOf = (intent: IntentId) => kb.entries.get(intent)?.id ?? intent;

  return {
    classifier,
    modelSource: source,
    route(message, context = {}) {
      const input = cleanInput(message.text);
      const result = (
        intent: IntentId,
        confidence: number,
        decision: RouteResult['decision'],
        reason: RouteReason,
        alternatives: Scored[] = [],
      ): RouteResult => ({
        intent,
        confidence,
        alternatives,
        entryIds: [entryIdOf(intent)],
        decision,
        reason,
        truncated: input.truncated,
      });

      if (input.empty) return result('help', 1, 'unsure', 'empty');
      if (input.noWords) return result('help', 1, 'unsure', 'no_words');
      if (looksLikeInjection(input.text)) return result('out_of_scope', 1, 'refuse', 'injection');

      const ranked = classifier.classify(input.text);
      if (ranked.length === 0) return result('help', 0, 'unsure', 'low_confidence');
      // Two decisions. First: is the message about this field at all? Only clear evidence that it is about
      // something else (the out-of-scope class on top, and by a clear probability) earns a refusal.
      const outside = ranked.find((r) => r.intent === 'out_of_scope')?.confidence ?? 0;
      const topics = ranked.filter((r) => r.intent !== 'out_of_scope');
      const [top, second] = topics;
      if (!top) return result('out_of_scope', outside, 'refuse', 'classified');
      const inside = Math.max(1 - outside, Number.EPSILON);
      const share = (s: Scored | undefined) => (s ? s.confidence / inside : 0);
      const refuse = ranked[0]?.intent === 'out_of_scope' && outside >= t.refuse;

      // A short follow-up ("and in europe?", "what about freelancing") continues the thread's topic unless
      // it clearly names another one.
      const followUp = message.kind === 'thread_reply' || message.kind === 'direct';
      // "is that per year?" after a pay answer leans to growth on its own words, but pay is close behind.
      const threadTopicClose = topics.slice(0, 3).some((s) => s.intent === context.lastIntent);
      const vague = refuse
        ? outside < t.followUpOutOfScope
        : share(top) < t.followUpTopic || (threadTopicClose && share(top) < t.followUpSwitch);
      if (
        vague &&
        followUp &&
        context.lastIntent &&
        !NOT_A_TOPIC.has(context.lastIntent) &&
        input.text.split(' ').length <= 8
      ) {
        return result(context.lastIntent, top.confidence, 'answer', 'context', topics.slice(0, 4));
      }
      if (refuse) return result('out_of_scope', outside, 'refuse', 'classified', topics.slice(0, 4));

      // Second: which topic. When unsure, the closest topics are offered rather than a refusal.
      const alternatives = topics.slice(1, 5);
      if (share(top) < t.answer) {
        return result(top.intent, top.confidence, 'clarify', 'low_confidence', alternatives);
      }
      if (
        second &&
        share(top) - share(second) < t.ambiguity &&
        !NOT_A_TOPIC.has(top.intent) &&
        !NOT_A_TOPIC.has(second.intent)
      ) {
        return result(top.intent, top.confidence, 'clarify', 'ambiguous', alternatives);
      }
      return result(top.intent, top.confidence, 'answer', 'classified', alternatives);
    },
  };
}
