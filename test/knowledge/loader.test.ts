import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/loader.ts';
import { extractNumbers } from '../../src/knowledge/numbers.ts';
import { FACTOR_IDS, INTENT_IDS } from '../../src/ports.ts';
import { tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** A copy of the real knowledge folder with one file changed. */
function brokenCopy(name: string, file: string, edit: (text: string) => string): string {
  const target = join(dir, name);
  cpSync('knowledge', target, { recursive: true });
  const path = join(target, file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return target;
}

function problemsOf(folder: string): string[] {
  try {
    loadKnowledge(folder);
  } catch (err) {
    if (err instanceof KnowledgeError) return err.problems;
    throw err;
  }
  return [];
}

describe('the real knowledge/ folder', () => {
  const kb = loadKnowledge('knowledge');

  it('has one valid entry per intent, nine of them factors', () => {
    expect([...kb.entries.keys()].sort()).toEqual([...INTENT_IDS].sort());
    expect(
      [...kb.entries.values()]
        .filter((e) => e.kind === 'factor')
        .map((e) => e.intent)
        .sort(),
    ).toEqual([...FACTOR_IDS].sort());
  });

  it('gives every factor sourced, dated facts, advice, related factors and 20+ examples', () => {
    for (const id of FACTOR_IDS) {
      const entry = kb.entries.get(id);
      expect(entry?.examples.length, id).toBeGreaterThanOrEqual(20);
      expect(entry?.advice.length, id).toBeGreaterThanOrEqual(2);
      expect(entry?.related.length, id).toBeGreaterThanOrEqual(1);
      for (const fact of entry?.facts ?? []) {
        expect(kb.sources.has(fact.source), `${id}/${fact.id}`).toBe(true);
        expect(fact.asOf).toMatch(/^\d{4}/);
      }
    }
  });

  it('carries the article’s salary figures with their sources', () => {
    const facts = kb.entries.get('compensation')?.facts ?? [];
    const sourced = facts.map((f) => `${f.figure} ${f.text} ${kb.sources.get(f.source)?.name}`).join('\n');
    for (const figure of ['175000', '375000', '70000', '200000', '20']) {
      expect(extractNumbers(sourced)).toContain(figure);
    }
    expect(sourced).toMatch(/Bloomberg/);
    expect(sourced).toMatch(/Statista/);
  });
});

describe('loader validation', () => {
  it('names the file and the field when a fact’s date is not a date', () => {
    const folder = brokenCopy('bad-date', 'factors/compensation.yaml', (t) =>
      t.replace(/asOf: .*/, 'asOf: last spring'),
    );
    expect(problemsOf(folder).join('\n')).toMatch(/factors\/compensation\.yaml: facts\[0\]\.asOf: use YYYY/);
  });

  it('rejects a summary that is not two sentences', () => {
    const folder = brokenCopy('summary', 'factors/workload.yaml', (t) =>
      t.replace(/^summary:[\s\S]*?\n(?=\w)/m, 'summary: Just one sentence here.\n'),
    );
    expect(problemsOf(folder).join('\n')).toMatch(/factors\/workload\.yaml: summary: must be exactly two sentences/);
  });

  it('rejects a number in the prose that no fact states', () => {
    const folder = brokenCopy('number', 'factors/barriers.yaml', (t) =>
      t.replace(/^advice:\n/m, 'advice:\n  - Expect about 987654 applicants for every opening.\n'),
    );
    expect(problemsOf(folder).join('\n')).toMatch(/barriers\.yaml: advice\[0\]: the figure "987654"/);
  });

  it('rejects a viability reason with a figure its cited fact does not state', () => {
    const folder = brokenCopy('rubric-number', 'viability-rubric.yaml', (t) =>
      t.replace(/reason: (["']?)/, 'reason: $1Expect 4242 rival applicants. '),
    );
    expect(problemsOf(folder).join('\n')).toMatch(
      /viability-rubric\.yaml: factors\.\w+\[0\]\.reason: the figure "4242"/,
    );
  });

  it('rejects a fact citing an unknown source', () => {
    const folder = brokenCopy('source', 'factors/education.yaml', (t) =>
      t.replace(/source: [\w-]+/, 'source: nowhere'),
    );
    expect(problemsOf(folder).join('\n')).toMatch(/education\.yaml: facts\[0\]\.source: unknown source "nowhere"/);
  });

  it('reports a missing file and invalid YAML by name', () => {
    const folder = brokenCopy('yaml', 'topics/help.yaml', () => 'version: 1\n  bad: [unclosed');
    expect(problemsOf(folder).join('\n')).toMatch(/topics\/help\.yaml: not valid YAML/);
  });

  it('rejects a rubric rule that names an option the question does not have', () => {
    const folder = brokenCopy('rubric', 'viability-rubric.yaml', (t) => t.replace(/coding: none/, 'coding: wizard'));
    expect(problemsOf(folder).join('\n')).toMatch(
      /viability-rubric\.yaml: .*coding: "wizard" is not one of its options/,
    );
  });

  it('issue 12: rejects a next step whose factor is not one of the nine', () => {
    const folder = brokenCopy('step-factor', 'viability-rubric.yaml', (t) =>
      t.replace(/factor: education\n/, 'factor: salary\n'),
    );
    expect(problemsOf(folder).join('\n')).toMatch(/viability-rubric\.yaml: nextSteps\[0\]\.factor: Invalid option/);
  });
});
