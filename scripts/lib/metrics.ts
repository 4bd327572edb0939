/** Classification metrics for `npm run eval`: accuracy, macro-F1, per-class recall and a confusion matrix. */
import { INTENT_IDS, type IntentId } from '../../src/ports.ts';

/** One scored prediction. */
export interface Prediction {
  expected: IntentId;
  predicted: IntentId;
}

/** Summary figures over a set of predictions. */
export interface Metrics {
  n: number;
  accuracy: number;
  macroF1: number;
  recall: Record<IntentId, number>;
  f1: Record<IntentId, number>;
  confusion: Record<IntentId, Record<IntentId, number>>;
}

/** Computes the metrics; classes absent from both expected and predicted are left out of macro-F1. */
export function computeMetrics(predictions: readonly Prediction[]): Metrics {
  const zero = () => Object.fromEntries(INTENT_IDS.map((i) => [i, 0])) as Record<IntentId, number>;
  const confusion = Object.fromEntries(INTENT_IDS.map((i) => [i, zero()])) as Metrics['confusion'];
  for (const p of predictions) confusion[p.expected][p.predicted] += 1;
  const recall = zero();
  const f1 = zero();
  const present: number[] = [];
  for (const c of INTENT_IDS) {
    const tp = confusion[c][c];
    const support = INTENT_IDS.reduce((n, p) => n + confusion[c][p], 0);
    const predicted = INTENT_IDS.reduce((n, e) => n + confusion[e][c], 0);
    if (support === 0 && predicted === 0) continue;
    const r = support === 0 ? 0 : tp / support;
    const pr = predicted === 0 ? 0 : tp / predicted;
    recall[c] = r;
    f1[c] = r + pr === 0 ? 0 : (2 * r * pr) / (r + pr);
    present.push(f1[c]);
  }
  const correct = predictions.filter((p) => p.expected === p.predicted).length;
  return {
    n: predictions.length,
    accuracy: predictions.length === 0 ? 0 : correct / predictions.length,
    macroF1: present.length === 0 ? 0 : present.reduce((a, b) => a + b, 0) / present.length,
    recall,
    f1,
    confusion,
  };
}

const SHORT: Record<IntentId, string> = {
  employment: 'emp',
  barriers: 'bar',
  advancement: 'adv',
  workload: 'wrk',
  growth: 'gro',
  demand: 'dem',
  compensation: 'pay',
  stability: 'sta',
  education: 'edu',
  viability: 'via',
  jobs: 'job',
  help: 'hlp',
  out_of_scope: 'oos',
};

/** The confusion matrix as text: rows are expected intents, columns predicted. */
export function formatConfusion(m: Metrics): string {
  const header = `${'expected \\ got'.padEnd(15)}${INTENT_IDS.map((i) => SHORT[i].padStart(5)).join('')}`;
  const rows = INTENT_IDS.map(
    (e) =>
      `${e.padEnd(15)}${INTENT_IDS.map((p) => (m.confusion[e][p] === 0 ? '.' : String(m.confusion[e][p])).padStart(5)).join('')}`,
  );
  return [header, ...rows].join('\n');
}
