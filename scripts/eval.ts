/**
 * `npm run eval`: scores the router on the labelled development set and compares classification
 * approaches. Prints accuracy, macro-F1, out-of-scope recall and the confusion matrix of each.
 *   npm run eval                  # both approaches, default thresholds
 *   npm run eval -- --errors      # also list every misclassified message
 *   npm run eval -- --tune        # grid-search the router thresholds (development set only)
 *   npm run eval -- --cv          # 5-fold cross-validation over the knowledge base's own examples
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { type Classifier, trainLogisticRegression } from '../src/router/classifier.ts';
import { createRouter, DEFAULT_THRESHOLDS, type Thresholds, trainingExamples } from '../src/router/router.ts';
import { compileLexicon } from '../src/router/text.ts';
import type { IntentId } from '../src/types.ts';
import { computeMetrics, formatConfusion, type Prediction } from './lib/metrics.ts';
import { createMiniSearchClassifier } from './lib/minisearch-classifier.ts';

const { values } = parseArgs({
  options: {
    errors: { type: 'boolean' },
    tune: { type: 'boolean' },
    cv: { type: 'boolean' },
    set: { type: 'string', default: 'test/fixtures/router-dev.jsonl' },
  },
});
const out = (s: string) => process.stdout.write(`${s}\n`);
// A closed pipe (`… | head`) is a normal way for a reader to stop, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const devSet = readFileSync(values.set ?? '', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; intent: IntentId; tags?: string[] });
const kb = loadKnowledge('knowledge');
const examples = trainingExamples(kb);

function evaluate(classifier: Classifier | undefined, thresholds?: Partial<Thresholds>) {
  const router = createRouter(kb, { classifier, thresholds });
  const predictions: (Prediction & { text: string; confidence: number; tags: string[] })[] = devSet.map((d) => {
    const r = router.route({ text: d.text, kind: 'mention' });
    return { expected: d.intent, predicted: r.intent, text: d.text, confidence: r.confidence, tags: d.tags ?? [] };
  });
  return { router, predictions, metrics: computeMetrics(predictions) };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

if (values.cv) {
  // Every fifth example held out in turn: an estimate of how the classifier does on wording it never saw.
  const folds = 5;
  const lexicon = compileLexicon(kb.lexicon.terms);
  const predictions: Prediction[] = [];
  for (let f = 0; f < folds; f++) {
    const train = examples.filter((_, i) => i % folds !== f);
    const router = createRouter(kb, { classifier: trainLogisticRegression(train, { lexicon }) });
    for (const e of examples.filter((_, i) => i % folds === f)) {
      predictions.push({ expected: e.intent, predicted: router.route({ text: e.text, kind: 'mention' }).intent });
    }
  }
  const m = computeMetrics(predictions);
  out(`${folds}-fold cross-validation on ${examples.length} knowledge-base examples:`);
  out(`accuracy ${pct(m.accuracy)} · macro-F1 ${pct(m.macroF1)} · out-of-scope recall ${pct(m.recall.out_of_scope)}`);
} else if (values.tune) {
  const rows: string[] = [];
  for (const fallback of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45]) {
    for (const outOfScope of [0.1, 0.15, 0.2, 0.25, 0.3]) {
      if (outOfScope > fallback) continue;
      const { metrics: m } = evaluate(undefined, { fallback, outOfScope });
      rows.push(
        `fallback ${fallback} oos ${outOfScope}: accuracy ${pct(m.accuracy)} macro-F1 ${pct(m.macroF1)} oos recall ${pct(m.recall.out_of_scope)}`,
      );
    }
  }
  out(rows.join('\n'));
} else {
  out(`development set: ${devSet.length} messages; training examples from knowledge/: ${examples.length}`);
  const approaches: [string, Classifier | undefined][] = [
    ['logistic regression (own, in product)', undefined],
    ['MiniSearch BM25 k-NN (library)', createMiniSearchClassifier(examples)],
  ];
  for (const [name, classifier] of approaches) {
    const { metrics: m, predictions } = evaluate(classifier);
    out(`\n== ${name} · thresholds ${JSON.stringify(DEFAULT_THRESHOLDS)}`);
    out(`accuracy ${pct(m.accuracy)} · macro-F1 ${pct(m.macroF1)} · out-of-scope recall ${pct(m.recall.out_of_scope)}`);
    const tags = [...new Set(predictions.flatMap((p) => p.tags))].sort();
    out(
      `by tag: ${tags
        .map((t) => {
          const sel = predictions.filter((p) => p.tags.includes(t));
          return `${t} ${pct(sel.filter((p) => p.expected === p.predicted).length / sel.length)} (${sel.length})`;
        })
        .join(' · ')}`,
    );
    out(formatConfusion(m));
    if (values.errors) {
      for (const p of predictions.filter((x) => x.expected !== x.predicted)) {
        out(`  ✗ ${p.expected} → ${p.predicted} (${p.confidence.toFixed(2)}): ${p.text.slice(0, 140)}`);
      }
    }
  }
}
