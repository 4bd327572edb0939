/** The number rule and the citation format, on their own. */
import { describe, expect, it } from 'vitest';
import { parseCitations, renderCitations, resolveCitations } from '../../src/llm/citations.ts';
import { allowedFigures, figuresIn, inventedFigures, settledText } from '../../src/llm/figures.ts';
import { realKnowledge } from '../helpers/context.ts';

describe('figures', () => {
  it.each([
    ['$175,000–$375,000 a year', ['175000', '375000']],
    ['$175k to $375K', ['175000', '375000']],
    ['€1.5m or 2 million', ['1500000', '2000000']],
    ['3-6 months, 30% of roles', ['3', '6', '30']],
    ['three to six months, twice a week', ['3', '6', '2']],
    ['one of the few, in 5 km', ['5']],
    ['as of 2023-06', ['2023', '6']],
  ])('reads %s', (text, expected) => {
    expect(figuresIn(text).sort()).toEqual([...expected].sort());
  });

  it('ignores citation markers, list numbers and links', () => {
    expect(figuresIn('1. See [compensation/f2] at https://x.example/2023/335-000\n2) done')).toEqual([]);
  });

  it('lists figures the corpus does not state', () => {
    const allowed = allowedFigures(['Contracts run 3–6 months; most listings paid $70,000–$200,000 a year.']);
    expect(inventedFigures('A 4-month contract at $70k–$250k, three to six months', allowed)).toEqual(['250000', '4']);
  });

  it('holds back a figure that may still be growing', () => {
    expect(settledText('they pay $17')).toBe('they pay ');
    expect(settledText('they pay $175,000 a')).toBe('they pay $175,000 ');
  });
});

describe('citations', () => {
  const { kb } = realKnowledge();
  const given = ['employment', 'compensation'].map((id) => kb.entries.get(id as 'employment')).filter((e) => !!e);

  it('parses single and grouped refs, and skips bracketed words that are not ids', () => {
    expect(parseCitations('A [growth] b [compensation/listings-range, employment]. [Note] [1')).toEqual([
      { entryId: 'growth' },
      { entryId: 'compensation', factId: 'listings-range' },
      { entryId: 'employment' },
    ]);
  });

  it('accepts only entries that were given and facts that exist', () => {
    const resolved = resolveCitations(kb, given, 'x [employment/contractors] y [growth] z [compensation/nope]');
    expect(resolved.unknown).toEqual(['growth', 'compensation/nope']);
    expect(resolved.entries.map((e) => e.id)).toEqual(['employment']);
  });

  it('shows a source for an entry cited as a whole', () => {
    const resolved = resolveCitations(kb, given, 'Pay varies [compensation].');
    expect(resolved.facts.map((f) => f.ref)).toEqual(['compensation/bloomberg-range']);
  });

  it('renders refs as short labels', () => {
    expect(renderCitations(kb, given, 'Contracts run 3–6 months [employment/contract-length, compensation] .')).toBe(
      'Contracts run 3–6 months (Indeed and Upwork, 2023-06; Compensation).',
    );
  });
});
