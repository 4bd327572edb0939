/**
 * The intent router: cleans the text, screens prompt injection, classifies, and then decides whether
 * to answer, ask which of two topics was meant, or say what the bot can help with. Thresholds follow
 * Rasa's FallbackClassifier (a confidence threshold plus an ambiguity margin) and are tuned on the
 * development set with `npm run eval`.
 */

import { cleanInput } from '../input.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { IncomingMessage, IntentId } from '../types.ts';
import { type Classifier, type Scored, type TrainingExample, trainLogisticRegression } from './classifier.ts';
import { looksLikeInjection } from './guard.ts';
import { compileLexicon } from './text.ts';

/** Why the router decided as it did, for logs, tests and the reply builder. */
export type RouteReason =
  | 'classified'
  | 'empty'
  | 'no_words'
  | 'injection'
  | 'low_confidence'
  | 'ambiguous'
  | 'context';

/** The router's output for one message. */
export interface RouteResult {
  intent: IntentId;
  confidence: number;
  /** Runner-up intents, best first (at most four). */
  alternatives: Scored[];
  /** Knowledge entries the answer is built from. */
  entryIds: string[];
  /** `answer`: answer `intent`; `clarify`: ask which of `intent` and `alternatives[0]`; `unsure`: say what the bot can do; `refuse`: out of scope. */
  decision: 'answer' | 'clarify' | 'unsure' | 'refuse';
  reason: RouteReason;
  /** True when the text was cut to the routed maximum. */
  truncated: boolean;
}

/** Decision thresholds (probabilities from the classifier). */
export interface Thresholds {
  /** Below this the top intent is not trusted. */
  fallback: number;
  /** Below this (and with no conversation to lean on) the message counts as out of scope. */
  outOfScope: number;
  /** When the top two are closer than this, ask which was meant. */
  ambiguity: number;
  /** In a thread, a short message judged out of scope with less confidence than this keeps the thread's topic. */
  followUpOutOfScope: number;
}

/** Tuned on `test/fixtures/router-dev.jsonl`; see docs/router.md for the figures. */
export const DEFAULT_THRESHOLDS: Thresholds = {
  fallback: 0.3,
  outOfScope: 0.2,
  ambiguity: 0.08,
  followUpOutOfScope: 0.5,
};

/** What the router may know about the conversation so far. */
export interface RouteContext {
  /** The intent the bot last answered in this thread or DM. */
  lastIntent?: IntentId;
}

/** Routes messages to intents. */
export interface Router {
  readonly classifier: Classifier;
  route(message: Pick<IncomingMessage, 'text' | 'kind'>, context?: RouteContext): RouteResult;
}

const NOT_A_TOPIC: ReadonlySet<IntentId> = new Set(['help', 'out_of_scope']);

/** Every example message in the knowledge base, labelled with its entry's intent. */
export function trainingExamples(kb: KnowledgeBase): TrainingExample[] {
  return [...kb.entries.values()].flatMap((entry) => entry.examples.map((text) => ({ text, intent: entry.intent })));
}

/** Builds a router; trains the default classifier on the knowledge base unless one is given. */
export function createRouter(
  kb: KnowledgeBase,
  options: { classifier?: Classifier; thresholds?: Partial<Thresholds> } = {},
): Router {
  const classifier =
    options.classifier ?? trainLogisticRegression(trainingExamples(kb), { lexicon: compileLexicon(kb.lexicon.terms) });
  const t: Thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const entryIdOf = (intent: IntentId) => kb.entries.get(intent)?.id ?? intent;

  return {
    classifier,
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

      const [top, ...rest] = classifier.classify(input.text);
      if (!top) return result('out_of_scope', 0, 'unsure', 'low_confidence');
      const alternatives = rest.slice(0, 4);
      const runnerUp = alternatives[0];
      const followUp = message.kind === 'thread_reply' || message.kind === 'direct';

      // A short, vague follow-up ("and in europe?") continues the thread's topic rather than leaving scope.
      const vague =
        top.confidence < t.fallback || (top.intent === 'out_of_scope' && top.confidence < t.followUpOutOfScope);
      if (
        vague &&
        followUp &&
        context.lastIntent &&
        !NOT_A_TOPIC.has(context.lastIntent) &&
        input.text.split(' ').length <= 8
      ) {
        return result(context.lastIntent, top.confidence, 'answer', 'context', [top, ...alternatives].slice(0, 4));
      }
      if (top.confidence < t.fallback) {
        if (top.confidence < t.outOfScope || top.intent === 'out_of_scope') {
          const others = [top, ...alternatives].filter((a) => a.intent !== 'out_of_scope').slice(0, 4);
          return result('out_of_scope', top.confidence, 'unsure', 'low_confidence', others);
        }
        return result(top.intent, top.confidence, 'unsure', 'low_confidence', alternatives);
      }
      if (top.intent === 'out_of_scope')
        return result(top.intent, top.confidence, 'refuse', 'classified', alternatives);
      if (
        runnerUp &&
        top.confidence - runnerUp.confidence < t.ambiguity &&
        !NOT_A_TOPIC.has(top.intent) &&
        !NOT_A_TOPIC.has(runnerUp.intent)
      ) {
        return result(top.intent, top.confidence, 'clarify', 'ambiguous', alternatives);
      }
      return result(top.intent, top.confidence, 'answer', 'classified', alternatives);
    },
  };
}
