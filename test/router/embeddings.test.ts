import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cosine, loadEmbeddings } from '../../src/router/embeddings.ts';

const emb = loadEmbeddings(join(import.meta.dirname, '..', '..', 'knowledge', 'embeddings', 'en-100d.bin'));

/** The word's vector, failing the test when the word is missing. */
function vec(word: string): Float32Array {
  const v = emb.vector(word);
  if (!v) throw new Error(`${word} is not in the embeddings`);
  return v;
}

describe('distilled embeddings', () => {
  it('has 100 dimensions and tens of thousands of words', () => {
    expect(emb.dims).toBe(100);
    expect(emb.size).toBeGreaterThan(20_000);
  });

  it('gives known words a unit vector of dims entries', () => {
    for (const word of ['salary', 'pay', 'career', 'prompt', 'obsolete']) {
      const v = vec(word);
      expect(v).toBeInstanceOf(Float32Array);
      expect(v.length).toBe(emb.dims);
      expect(Math.hypot(...v)).toBeCloseTo(1, 4);
    }
  });

  it('gives unknown words undefined', () => {
    for (const word of ['qzxvbnm', '', 'Salary', "don't", 'salary ']) expect(emb.vector(word)).toBeUndefined();
  });

  it('puts related words closer than unrelated ones', () => {
    const related = cosine(vec('pay'), vec('salary'));
    expect(related).toBeGreaterThan(cosine(vec('salary'), vec('banana')));
    expect(related).toBeGreaterThan(0.5);
    expect(cosine(vec('job'), vec('career'))).toBeGreaterThan(cosine(vec('job'), vec('banana')));
  });

  it('averages the known words of a message and skips unknown ones', () => {
    const mean = emb.meanVector(['salary', 'qzxvbnm', 'pay']);
    expect(mean?.length).toBe(emb.dims);
    const expected = vec('salary').map((x, i) => (x + (vec('pay')[i] ?? 0)) / 2);
    for (let i = 0; i < emb.dims; i++) expect(mean?.[i]).toBeCloseTo(expected[i] ?? Number.NaN, 6);
  });

  it('returns undefined for a message of only unknown words, or no words', () => {
    expect(emb.meanVector(['qzxvbnm', 'wxyzzy'])).toBeUndefined();
    expect(emb.meanVector([])).toBeUndefined();
  });

  it('returns a fresh copy, so callers cannot corrupt the table', () => {
    vec('salary').fill(0);
    expect(Math.hypot(...vec('salary'))).toBeCloseTo(1, 4);
  });
});
