/**
 * The comparison approach for `npm run eval`: BM25 nearest neighbours over the same example messages,
 * using MiniSearch (a maintained full-text search library) with fuzzy and prefix matching.
 */
import MiniSearch from 'minisearch';
import { INTENT_IDS, type IntentId } from '../../src/ports.ts';
import type { Classifier, Scored, TrainingExample } from '../../src/router/classifier.ts';
import { normalise } from '../../src/router/text.ts';

/** Builds the MiniSearch classifier: the k best-matching examples vote for their intents by score. */
export function createMiniSearchClassifier(examples: readonly TrainingExample[], k = 7): Classifier {
  const index = new MiniSearch<{ id: number; text: string; intent: IntentId }>({
    fields: ['text'],
    storeFields: ['intent'],
    processTerm: (term) => normalise(term) || null,
    searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' },
  });
  index.addAll(examples.map((e, id) => ({ id, ...e })));
  return {
    name: 'minisearch-knn',
    classify(text) {
      const hits = index.search(normalise(text)).slice(0, k);
      const votes = new Map<IntentId, number>();
      for (const hit of hits) votes.set(hit.intent as IntentId, (votes.get(hit.intent as IntentId) ?? 0) + hit.score);
      const total = [...votes.values()].reduce((a, b) => a + b, 0);
      if (total === 0) {
        return INTENT_IDS.map((intent): Scored => ({ intent, confidence: intent === 'out_of_scope' ? 1 : 0 }));
      }
      return INTENT_IDS.map((intent): Scored => ({ intent, confidence: (votes.get(intent) ?? 0) / total })).sort(
        (a, b) => b.confidence - a.confidence,
      );
    },
  };
}
