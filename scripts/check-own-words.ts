/**
 * `npm run check:own-words`: lists every run of 7 or more words that knowledge text (not the router's
 * examples) shares with the source article, and exits 1 when there is any.
 *   npm run check:own-words                       check against the stored hashes (scripts/lib/muo-article-runs.txt)
 *   npm run check:own-words -- --article <file>   check against the article text itself
 *   npm run check:own-words -- --article <file> --write-hashes   refresh the stored hashes from the article
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { articleHashes, copiedRuns, knowledgeTexts, RUN_LENGTH } from './lib/own-words.ts';

const HASH_FILE = new URL('./lib/muo-article-runs.txt', import.meta.url);
const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = (s: string) => process.stdout.write(`${s}\n`);

const articlePath = option('--article');
const dir = option('--dir') ?? 'knowledge';
let hashes: Set<string>;
if (articlePath) {
  hashes = articleHashes(readFileSync(articlePath, 'utf8'));
  if (args.includes('--write-hashes')) {
    writeFileSync(HASH_FILE, `${[...hashes].sort().join('\n')}\n`);
    out(`wrote ${hashes.size} run hashes to ${HASH_FILE.pathname}`);
  }
} else {
  hashes = new Set(readFileSync(HASH_FILE, 'utf8').split('\n').filter(Boolean));
}

const found = copiedRuns(knowledgeTexts(loadKnowledge(dir)), hashes);
for (const { where, run } of found) out(`${where}: "${run}"`);
out(`${found.length} run(s) of ${RUN_LENGTH}+ words shared with the source article`);
process.exitCode = found.length > 0 ? 1 : 0;
