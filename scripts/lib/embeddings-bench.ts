/**
 * Embeddings figures for `npm run bench`: cold load time and memory of `loadEmbeddings` on
 * `knowledge/embeddings/en-100d.bin`, and the time of `meanVector` on a 20-word message. Runs in a fresh
 * child process so the load is cold and the memory increase is the file's own.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { loadEmbeddings } from '../../src/router/embeddings.ts';
import { tokenise } from '../../src/router/text.ts';

const FILE = join(import.meta.dirname, '..', '..', 'knowledge', 'embeddings', 'en-100d.bin');
const MESSAGE =
  'my manager says our whole team of writers could be replaced next year, should I retrain as a prompt engineer';
const ROUNDS = 20_000;

interface Figures {
  words: number;
  size: number;
  loadMs: number;
  rssMb: number;
  heapMb: number;
  externalMb: number;
  known: number;
  meanUs: number;
  /** One-minute load average when the child finished: timings on a busy machine are inflated. */
  load: number;
}

function child(): void {
  const mb = (bytes: number) => bytes / 1024 / 1024;
  globalThis.gc?.();
  const before = process.memoryUsage();
  const t0 = performance.now();
  const emb = loadEmbeddings(FILE);
  const loadMs = performance.now() - t0;
  globalThis.gc?.();
  const after = process.memoryUsage();
  const words = tokenise(MESSAGE);
  let known = 0;
  for (const word of words) if (emb.vector(word)) known++;
  for (let i = 0; i < 1_000; i++) emb.meanVector(words);
  const t1 = performance.now();
  for (let i = 0; i < ROUNDS; i++) emb.meanVector(words);
  const meanUs = ((performance.now() - t1) * 1000) / ROUNDS;
  const figures: Figures = {
    words: words.length,
    size: emb.size,
    loadMs,
    rssMb: mb(after.rss - before.rss),
    heapMb: mb(after.heapUsed - before.heapUsed),
    // `arrayBuffers` (the file's buffer and the scales) rather than `external`, which also counts Node's own
    // native memory (it shrinks as module-loading scratch space is freed).
    externalMb: mb(after.arrayBuffers - before.arrayBuffers),
    known,
    meanUs,
    load: loadavg()[0] ?? 0,
  };
  process.stdout.write(JSON.stringify(figures));
}

/** Loads the distilled embeddings in a child process and returns printable lines with the figures. */
export async function embeddingsBench(): Promise<{ lines: string[]; figures: Figures }> {
  const proc = spawn(process.execPath, ['--expose-gc', import.meta.filename, '--child'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let text = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  await new Promise((resolve) => proc.once('exit', resolve));
  const r = JSON.parse(text) as Figures;
  return {
    figures: r,
    lines: [
      `embeddings load (${r.size} words): ${r.loadMs.toFixed(1)} ms · +${r.rssMb.toFixed(1)} MB RSS, +${r.heapMb.toFixed(1)} MB heap, +${r.externalMb.toFixed(1)} MB array buffers`,
      `embeddings meanVector of a ${r.words}-word message (${r.known} known): ${r.meanUs.toFixed(2)} µs (load average ${r.load.toFixed(1)})`,
    ],
  };
}

if (process.argv.includes('--child')) child();
else if (import.meta.main) for (const line of (await embeddingsBench()).lines) process.stdout.write(`${line}\n`);
