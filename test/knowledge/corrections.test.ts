import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { Entry, Fact } from '../../src/knowledge/schema.ts';
import { FACTOR_IDS } from '../../src/ports.ts';

const kb = loadKnowledge('knowledge');
const ARTICLE = 'muo-landscape-2024';

function entry(id: string): Entry {
  const found = [...kb.entries.values()].find((e) => e.id === id);
  if (!found) throw new Error(`no entry ${id}`);
  return found;
}

function fact(entryId: string, factId: string): Fact {
  const found = entry(entryId).facts.find((f) => f.id === factId);
  if (!found) throw new Error(`no fact ${entryId}/${factId}`);
  return found;
}

/** Everything a user can read in an entry: summary, advice and each fact's text, figure and note. */
function prose(e: Entry): string[] {
  return [e.summary, ...e.advice, ...e.facts.flatMap((f) => [f.text, f.figure, f.note ?? ''])];
}

describe('issue 12: corrections to facts taken from the MUO article', () => {
  it('dates every fact from the article 2023-06, the month of its research, not the 2024-08 republication', () => {
    const fromArticle = [...kb.entries.values()].flatMap((e) =>
      e.facts.filter((f) => f.source === ARTICLE).map((f) => [`${e.id}/${f.id}`, f.asOf]),
    );
    expect(fromArticle.length).toBeGreaterThan(20);
    for (const [id, asOf] of fromArticle) expect(asOf, id).toBe('2023-06');
    const source = kb.sources.get(ARTICLE);
    expect(source?.published).toBe('2023-06');
    expect(source?.note).toMatch(/republication dated 2024-08/);
  });

  it("shows Bloomberg's $335,000 beside the article's $375,000 wherever the range is repeated", () => {
    const bloomberg = fact('compensation', 'bloomberg-range');
    expect(bloomberg.figure).toMatch(/Bloomberg: up to \$335,000/);
    expect(bloomberg.figure).toMatch(/citing article: \$175,000–\$375,000/);
    expect(kb.sources.get(bloomberg.source)?.note).toMatch(/\$335,000/);
    for (const e of kb.entries.values()) {
      for (const text of prose(e)) {
        if (/375,000/.test(text)) expect(text, `${e.id}: ${text}`).toMatch(/335,000/);
      }
    }
  });

  it('gives the Statista benchmark no survey year the article does not state', () => {
    const statista = fact('compensation', 'developer-benchmark');
    expect(statista.figure).toMatch(/survey year not stated/);
    expect(statista.text).toMatch(/does not say which survey year/);
    expect(statista.asOf).toBe('2023-06');
    expect(kb.sources.get(statista.source)?.published).toBeUndefined();
    expect(kb.sources.get(statista.source)?.note).toMatch(/year is unknown/);
  });

  it('credits the Google and Meta praise to the article and says no Meta prompt certificate was found', () => {
    const praise = fact('education', 'google-meta');
    expect(praise.source).toBe(ARTICLE);
    expect(praise.text).toMatch(/article's own opinion/);
    expect([...kb.sources.values()].map((s) => s.name)).not.toContain('Google and Meta');
    const meta = fact('education', 'meta-no-prompt-cert');
    expect(meta.text).toMatch(/No Meta certificate in prompt engineering could be found/);
    expect(kb.sources.get(meta.source)?.note).toMatch(/Meta certification prompt engineering/);
    for (const advice of entry('education').advice) expect(advice).not.toMatch(/Meta/);
  });

  it('credits both Indeed and Upwork for the $70,000–$200,000 range and the 3–6-month contracts', () => {
    const cited: [string, string][] = [
      ['compensation', 'listings-range'],
      ['employment', 'contract-length'],
    ];
    for (const [e, f] of cited) {
      const name = kb.sources.get(fact(e, f).source)?.name ?? '';
      expect(name, `${e}/${f}`).toMatch(/Indeed/);
      expect(name, `${e}/${f}`).toMatch(/Upwork/);
    }
  });
});

describe('issue 12: current facts', () => {
  const mine = ['compensation', 'growth', 'demand', 'education', 'barriers'] as const;

  it('gives compensation, growth, demand, education and barriers facts from 2024–2026 with a dated, linked source', () => {
    for (const id of mine) {
      expect(FACTOR_IDS).toContain(id);
      const current = entry(id).facts.filter((f) => {
        const source = kb.sources.get(f.source);
        return f.asOf >= '2024' && source?.url && (source.published ?? '') >= '2024';
      });
      expect(current.length, id).toBeGreaterThanOrEqual(2);
    }
  });

  it('marks every source seen only through a copy as secondary', () => {
    const copies = [...kb.sources.values()].filter((s) => /\(via /.test(s.name));
    expect(copies.length).toBeGreaterThan(0);
    for (const s of copies) expect(s.note, s.id).toMatch(/^Secondary/);
  });

  it('says plainly that no checkable current salary survey for the title was found', () => {
    const gap = fact('compensation', 'no-current-title-survey');
    expect(gap.text).toMatch(/We found no 2024–2026 pay survey/);
    expect(kb.sources.get(gap.source)?.note).toMatch(/prompt engineer salary/);
  });
});
