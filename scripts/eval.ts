/**
 * `npm run eval`: scores the router on every labelled set and compares approaches.
 *   npm run eval                   # each set: accuracy, macro-F1, out-of-scope precision/recall, by language and style, confusion
 *   npm run eval -- --errors       # also list every misrouted message
 *   npm run eval -- --compare      # the product against the other approaches (docs/router.md)
 *   npm run eval -- --cv           # grouped cross-validation: each style or language group of knowledge/examples held out in turn
 *   npm run eval -- --tune         # grid-search the thresholds on the development set only
 *   npm run eval -- --set <file>   # only this set
 * The external set (test/fixtures/router-external.jsonl) was written apart from the training examples and
 * is never trained or tuned on: its figures are the ones that count.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { createRouter, DEFAULT_THRESHOLDS, type Thresholds, trainingExamples } from '../src/router/router.ts';
import { approaches, trainProduct } from './lib/eval-approaches.ts';
import { outOfScopePrecision, readSet, scoreSet, summary } from './lib/eval-sets.ts';
import { computeMetrics, formatConfusion } from './lib/metrics.ts';

const { values } = parseArgs({
  options: {
    errors: { type: 'boolean' },
    tune: { type: 'boolean' },
    cv: { type: 'boolean' },
    compare: { type: 'boolean' },
    set: { type: 'string', multiple: true },
  },
});
const out = (s: string) => process.stdout.write(`${s}\n`);
// A closed pipe (`… | head`) is a normal way for a reader to stop, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

const DEV = 'test/fixtures/router-dev.jsonl';
const EXTERNAL = 'test/fixtures/router-external.jsonl';
const setPaths = values.set ?? [DEV, EXTERNAL].filter((p) => existsSync(p));
const kb = loadKnowledge('knowledge');
const examples = kb.examples;
out(`training examples from knowledge/: ${examples.length} in ${new Set(examples.map((e) => e.group)).size} groups`);

if (values.cv) {
  // Whole groups held out in turn (a style such as "statement", or a language such as "de"), so a fold
  // never sees sentences written alongside the ones it is tested on.
  const groups = [...new Set(examples.map((e) => e.group))];
  const all: { expected: (typeof examples)[number]['intent']; predicted: (typeof examples)[number]['intent'] }[] = [];
  for (const group of groups) {
    const train = examples.filter((e) => e.group !== group);
    const router = createRouter(kb, { classifier: trainProduct(kb, train) });
    const held = examples.filter((e) => e.group === group);
    const rows = held.map((e) => ({
      expected: e.intent,
      predicted: router.route({ text: e.text, kind: 'mention' }).intent,
    }));
    all.push(...rows);
    const m = computeMetrics(rows);
    out(`  held out ${group.padEnd(10)} ${String(held.length).padStart(4)} examples: accuracy ${pct(m.accuracy)}`);
  }
  const m = computeMetrics(all);
  out(
    `grouped cross-validation over ${groups.length} groups: accuracy ${pct(m.accuracy)} · macro-F1 ${pct(m.macroF1)} · out-of-scope precision ${pct(outOfScopePrecision(all))} · recall ${pct(m.recall.out_of_scope)}`,
  );
} else if (values.tune) {
  const dev = readSet(DEV);
  const rows: [number, string][] = [];
  const classifier = trainProduct(kb, examples);
  for (const refuse of [0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]) {
    for (const answer of [0.25, 0.3, 0.4, 0.5]) {
      for (const ambiguity of [0.05, 0.1, 0.15]) {
        const t: Partial<Thresholds> = { refuse, answer, ambiguity };
        const { rows: r, metrics: m } = scoreSet(createRouter(kb, { classifier, thresholds: t }), dev);
        const f = (m.accuracy + outOfScopePrecision(r) + m.recall.out_of_scope) / 3;
        rows.push([
          f,
          `${JSON.stringify(t)}: accuracy ${pct(m.accuracy)} oos precision ${pct(outOfScopePrecision(r))} recall ${pct(m.recall.out_of_scope)}`,
        ]);
      }
    }
  }
  out(
    rows
      .sort((a, b) => b[0] - a[0])
      .slice(0, 15)
      .map((r) => r[1])
      .join('\n'),
  );
} else {
  const list = values.compare ? approaches(kb, trainingExamples(kb)) : [{ name: 'product', classifier: undefined }];
  for (const path of setPaths) {
    const set = readSet(path);
    out(`\n#### ${path}: ${set.length} messages · thresholds ${JSON.stringify(DEFAULT_THRESHOLDS)}`);
    for (const { name, classifier } of list) {
      const { rows, metrics } = scoreSet(createRouter(kb, { classifier }), set);
      out(`\n== ${name}`);
      for (const line of summary(rows, metrics)) out(line);
      if (!values.compare) out(formatConfusion(metrics));
      if (values.errors) {
        for (const p of rows.filter((x) => x.expected !== x.predicted)) {
          out(
            `  ✗ ${p.expected} → ${p.predicted} (${p.confidence.toFixed(2)} ${p.decision}) [${p.lang}/${p.style}]: ${p.text.slice(0, 140)}`,
          );
        }
      }
    }
  }
}
