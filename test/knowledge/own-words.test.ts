import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copiedRuns, knowledgeTexts } from '../../scripts/lib/own-words.ts';
import { loadKnowledge } from '../../src/knowledge/loader.ts';

const hashes = new Set(readFileSync('scripts/lib/muo-article-runs.txt', 'utf8').split('\n').filter(Boolean));

describe('issue 12: knowledge text in the project’s own words', () => {
  it('npm run check:own-words finds no 7-word run shared with the source article', () => {
    const out = execFileSync(process.execPath, ['scripts/check-own-words.ts'], { encoding: 'utf8' });
    expect(out.trim()).toBe('0 run(s) of 7+ words shared with the source article');
  });

  it('flags a sentence copied from the article once, with where it was found', () => {
    const copied = 'New technologies could quickly dethrone the most widely used text-to-image and language models.';
    const found = copiedRuns([{ where: 'stability.facts[x].text', text: copied }], hashes);
    expect(found).toEqual([
      {
        where: 'stability.facts[x].text',
        run: 'new technologies could quickly dethrone the most widely used text to image and language models',
      },
    ]);
    expect(copiedRuns([{ where: 'w', text: 'The most popular models today may soon be replaced.' }], hashes)).toEqual(
      [],
    );
  });

  it('checks summaries, advice and fact notes but not the router examples', () => {
    const texts = knowledgeTexts(loadKnowledge('knowledge'));
    const places = texts.map((t) => t.where);
    expect(places).toContain('compensation.summary');
    expect(places).toContain('compensation.advice[0]');
    expect(places).toContain('compensation.facts[bloomberg-range].note');
    expect(places.some((p) => p.includes('examples'))).toBe(false);
  });
});
