/**
 * Finds runs of words that knowledge text shares with a source article, so the knowledge base stays in the
 * project's own words. The article itself is not kept in the repository: only hashes of its word runs are
 * (scripts/lib/muo-article-runs.txt), which is enough to detect a copied run without redistributing the text.
 */
import { createHash } from 'node:crypto';
import type { KnowledgeBase } from '../../src/knowledge/loader.ts';

/** Length of the shortest run that counts as copied (the project brief's rule: 7 words or more). */
export const RUN_LENGTH = 7;

/** Lower-case words of a text, with markdown links, images, HTML and URLs reduced to their visible words. */
export function words(text: string): string[] {
  const visible = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[’‘]/g, "'")
    .toLowerCase();
  return visible.split(/[^a-z0-9']+/).filter((w) => w.replace(/'/g, '').length > 0);
}

/** Every run of `n` consecutive words, joined by one space. */
export function runs(list: string[], n = RUN_LENGTH): string[] {
  const out: string[] = [];
  for (let i = 0; i + n <= list.length; i++) out.push(list.slice(i, i + n).join(' '));
  return out;
}

/** A short, stable hash of one run (the form stored in scripts/lib/muo-article-runs.txt). */
export function hashRun(run: string): string {
  return createHash('sha256').update(run).digest('hex').slice(0, 16);
}

/** The hashes of every run in an article's text. */
export function articleHashes(article: string, n = RUN_LENGTH): Set<string> {
  return new Set(runs(words(article), n).map(hashRun));
}

/** One piece of knowledge text and where it lives (`compensation.facts[bloomberg-range].text`). */
export interface KnowledgeText {
  where: string;
  text: string;
}

/** The prose users read: titles, summaries, advice, follow-ups and each fact's text, figure and note (not examples). */
export function knowledgeTexts(kb: KnowledgeBase): KnowledgeText[] {
  const out: KnowledgeText[] = [];
  for (const entry of kb.entries.values()) {
    out.push({ where: `${entry.id}.title`, text: entry.title }, { where: `${entry.id}.summary`, text: entry.summary });
    entry.advice.forEach((text, i) => {
      out.push({ where: `${entry.id}.advice[${i}]`, text });
    });
    entry.followUps.forEach((f, i) => {
      out.push({ where: `${entry.id}.followUps[${i}]`, text: `${f.label}\n${f.question}` });
    });
    for (const fact of entry.facts) {
      for (const field of ['text', 'figure', 'note'] as const) {
        const text = fact[field];
        if (text) out.push({ where: `${entry.id}.facts[${fact.id}].${field}`, text });
      }
    }
  }
  return out;
}

/** A run of knowledge text also found in the article. */
export interface CopiedRun {
  where: string;
  run: string;
}

/** Runs of `RUN_LENGTH` words that a knowledge text shares with the article (one report per overlapping stretch). */
export function copiedRuns(texts: KnowledgeText[], hashes: Set<string>, n = RUN_LENGTH): CopiedRun[] {
  const found: CopiedRun[] = [];
  for (const { where, text } of texts) {
    const list = words(text);
    let coveredUntil = -1;
    for (let i = 0; i + n <= list.length; i++) {
      if (!hashes.has(hashRun(list.slice(i, i + n).join(' ')))) continue;
      // Extend over overlapping matches so a 13-word copy is one report, not seven.
      let end = i + n;
      while (end < list.length && hashes.has(hashRun(list.slice(end - n + 1, end + 1).join(' ')))) end++;
      if (i > coveredUntil) found.push({ where, run: list.slice(i, end).join(' ') });
      coveredUntil = end - 1;
      i = end - n;
    }
  }
  return found;
}
