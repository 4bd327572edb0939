/**
 * Labelled message sets for `npm run eval` and how the router does on them: strict accuracy, macro-F1,
 * out-of-scope precision and recall, and accuracy by language and by style.
 */
import { readFileSync } from 'node:fs';
import type { IntentId } from '../../src/ports.ts';
import type { Router } from '../../src/router/router.ts';
import { computeMetrics, type Metrics, type Prediction } from './metrics.ts';

/** One labelled message; `lang` and `style` are read from the line or derived from its tags. */
export interface LabelledMessage {
  text: string;
  intent: IntentId;
  lang: string;
  style: string;
}

const STYLE_TAGS = ['follow_up', 'long', 'typo', 'slang', 'statement', 'question', 'adversarial', 'short', 'markup'];

/** Reads a JSONL set: `{text, intent, lang?, style?, tags?}` per line. */
export function readSet(path: string): LabelledMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const d = JSON.parse(l) as { text: string; intent: IntentId; lang?: string; style?: string; tags?: string[] };
      const tags = d.tags ?? [];
      return {
        text: d.text,
        intent: d.intent,
        lang: d.lang ?? (tags.includes('non_english') ? 'non-en' : 'en'),
        style: d.style ?? STYLE_TAGS.find((t) => tags.includes(t)) ?? 'other',
      };
    });
}

/** A prediction with what the report groups it by. */
export interface Scored extends Prediction, LabelledMessage {
  confidence: number;
  decision: string;
}

/** Routes every message of a set as a first message (a mention, no conversation). */
export function scoreSet(router: Router, set: readonly LabelledMessage[]): { rows: Scored[]; metrics: Metrics } {
  const rows = set.map((m) => {
    const r = router.route({ text: m.text, kind: 'mention' });
    return { ...m, expected: m.intent, predicted: r.intent, confidence: r.confidence, decision: r.decision };
  });
  return { rows, metrics: computeMetrics(rows) };
}

/** Out-of-scope precision: of the messages refused, the share that really were out of scope. */
export function outOfScopePrecision(rows: readonly Prediction[]): number {
  const refused = rows.filter((r) => r.predicted === 'out_of_scope');
  return refused.length === 0 ? 1 : refused.filter((r) => r.expected === 'out_of_scope').length / refused.length;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** Accuracy per value of `key`, largest groups first: "es 91.7% (12) · de ...". */
export function accuracyBy(rows: readonly Scored[], key: (r: Scored) => string): string {
  const groups = new Map<string, Scored[]>();
  for (const r of rows) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
  return [...groups.entries()]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([k, g]) => `${k} ${pct(g.filter((r) => r.expected === r.predicted).length / g.length)} (${g.length})`)
    .join(' · ');
}

/** The headline figures of a scored set, one line each. */
export function summary(rows: readonly Scored[], m: Metrics): string[] {
  const nonEnglish = rows.filter((r) => r.lang !== 'en');
  const acc = (g: readonly Scored[]) =>
    g.length ? pct(g.filter((r) => r.expected === r.predicted).length / g.length) : 'n/a';
  return [
    `strict accuracy ${pct(m.accuracy)} · macro-F1 ${pct(m.macroF1)} · out-of-scope precision ${pct(outOfScopePrecision(rows))} · recall ${pct(m.recall.out_of_scope)} · non-English ${acc(nonEnglish)} (${nonEnglish.length})`,
    `refused in scope: ${rows.filter((r) => r.predicted === 'out_of_scope' && r.expected !== 'out_of_scope').length} · decisions: ${accuracyBy(rows, (r) => r.decision)}`,
    `by language: ${accuracyBy(rows, (r) => r.lang)}`,
    `by style: ${accuracyBy(rows, (r) => r.style)}`,
  ];
}
