import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { IntentId } from '../../src/ports.ts';
import { realKnowledge } from '../helpers/context.ts';

// Guards against a knowledge-base edit that quietly breaks routing: the same bars as the issue sets for
// `npm run eval` (accuracy ≥ 90 %, out-of-scope recall ≥ 85 %) on the development set.
describe('router quality on the development set', () => {
  const rows = readFileSync('test/fixtures/router-dev.jsonl', 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { text: string; intent: IntentId });
  const { router } = realKnowledge();
  const predicted = rows.map((r) => ({ ...r, got: router.route({ text: r.text, kind: 'mention' }).intent }));

  it('has at least 150 labelled messages covering all thirteen intents', () => {
    expect(rows.length).toBeGreaterThanOrEqual(150);
    expect(new Set(rows.map((r) => r.intent)).size).toBe(13);
  });

  it('classifies at least 90% correctly', () => {
    expect(predicted.filter((p) => p.got === p.intent).length / rows.length).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises at least 85% of out-of-scope messages', () => {
    const oos = predicted.filter((p) => p.intent === 'out_of_scope');
    expect(oos.filter((p) => p.got === 'out_of_scope').length / oos.length).toBeGreaterThanOrEqual(0.85);
  });
});
