/**
 * The trained router saved beside the knowledge base (`knowledge/router-model.bin`), so start-up loads
 * it in milliseconds instead of training for seconds. The file carries a key over everything training
 * reads (examples, lexicon, options and the feature and training code itself); when the key differs,
 * the model is stale and the router trains afresh. `npm run train` writes it; a test checks it is current.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Lexicon } from '../knowledge/schema.ts';
import type { IntentId } from '../types.ts';
import type { LogRegModel } from './classifier.ts';

/** Where the trained model lives inside the knowledge folder. */
export const MODEL_FILE = 'router-model.bin';

const CODE = ['./text.ts', './classifier.ts', './model-file.ts'].map((f) => new URL(f, import.meta.url));

/** A key over everything the trained weights depend on (`examplesFingerprint` from the knowledge base). */
export function modelKey(examplesFingerprint: string, lexicon: Lexicon, options: object = {}): string {
  const hash = createHash('sha256');
  hash.update(examplesFingerprint);
  hash.update(JSON.stringify(lexicon.terms));
  hash.update(JSON.stringify(options));
  for (const file of CODE) hash.update(readFileSync(file));
  return hash.digest('hex').slice(0, 16);
}

interface Header {
  format: 1;
  key: string;
  labels: IntentId[];
  features: string[];
  bias: number[];
  /** Per-class scale of the int8 weights. */
  scales: number[];
}

/**
 * Writes the model: weights as int8 with one scale per class (a quarter of float32's size; the eval
 * figures in docs/router.md are measured on the loaded, quantised model), gzip-compressed.
 */
export function saveModel(path: string, key: string, model: LogRegModel): void {
  const K = model.labels.length;
  const D = model.features.length;
  const q = new Int8Array(K * D);
  const scales: number[] = [];
  for (let k = 0; k < K; k++) {
    let max = 0;
    for (let j = 0; j < D; j++) max = Math.max(max, Math.abs(model.weights[j * K + k] ?? 0));
    const scale = max === 0 ? 1 : max / 127;
    scales.push(scale);
    for (let j = 0; j < D; j++) q[k * D + j] = Math.round((model.weights[j * K + k] ?? 0) / scale);
  }
  const header: Header = {
    format: 1,
    key,
    labels: model.labels,
    features: model.features,
    bias: [...model.bias],
    scales,
  };
  const head = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  writeFileSync(path, gzipSync(Buffer.concat([size, head, Buffer.from(q.buffer)]), { level: 9 }));
}

/** Reads the model when the file exists and its key matches; undefined when missing, stale or unreadable. */
export function loadModel(path: string, key: string): LogRegModel | undefined {
  let data: Buffer;
  try {
    data = gunzipSync(readFileSync(path));
  } catch {
    return undefined;
  }
  const length = data.readUInt32LE(0);
  let header: Header;
  try {
    header = JSON.parse(data.subarray(4, 4 + length).toString('utf8')) as Header;
  } catch {
    return undefined;
  }
  if (header.format !== 1 || header.key !== key) return undefined;
  const K = header.labels.length;
  const D = header.features.length;
  const body = data.subarray(4 + length);
  if (body.length !== K * D) return undefined;
  const q = new Int8Array(body.buffer, body.byteOffset, body.length);
  const weights = new Float32Array(K * D);
  for (let k = 0; k < K; k++) {
    const scale = header.scales[k] ?? 1;
    for (let j = 0; j < D; j++) weights[j * K + k] = (q[k * D + j] ?? 0) * scale;
  }
  return { labels: header.labels, features: header.features, weights, bias: Float64Array.from(header.bias) };
}
