/**
 * The intent classifier: multinomial logistic regression over sparse word, bigram and character
 * n-gram features, trained at start-up on the knowledge base's example messages.
 *
 * Hand-written because no maintained npm library offers a small, dependency-free text classifier with
 * calibrated probabilities and sub-millisecond prediction; `docs/router.md` records the comparison with
 * the alternatives (MiniSearch BM25 nearest neighbours) that led here.
 */
import type { IntentId } from '../types.ts';
import type { Embeddings } from './embeddings.ts';
import { type CompiledLexicon, contentWords, features as extract } from './text.ts';

/** One labelled training message. */
export interface TrainingExample {
  text: string;
  intent: IntentId;
}

/** An intent with its probability. */
export interface Scored {
  intent: IntentId;
  confidence: number;
}

/** Anything that ranks intents for a text; probabilities sum to 1, best first. */
export interface Classifier {
  readonly name: string;
  classify(text: string): Scored[];
}

/** Training settings; the defaults were tuned on the development set (`npm run eval`). */
export interface LogRegOptions {
  epochs?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Synonyms applied before feature extraction (from knowledge/lexicon.yaml). */
  lexicon?: CompiledLexicon;
  /** Picks the stemmer for a text (e.g. by its language); the built-in English suffix stripper by default. */
  stemmerFor?: (text: string) => (word: string) => string;
  /** Pretrained word vectors: the mean vector of a text's words becomes dense features beside the sparse ones. */
  embeddings?: Embeddings;
  /** Weight of the dense features against the sparse ones. */
  denseWeight?: number;
}

/** Small deterministic PRNG so training, and so every answer, is the same on every start. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function softmax(scores: Float64Array): Float64Array {
  let max = Number.NEGATIVE_INFINITY;
  for (const s of scores) max = Math.max(max, s);
  let sum = 0;
  const out = new Float64Array(scores.length);
  scores.forEach((s, i) => {
    out[i] = Math.exp(s - max);
    sum += out[i] ?? 0;
  });
  for (let i = 0; i < out.length; i++) out[i] = (out[i] ?? 0) / sum;
  return out;
}

/** The learned parameters: what `npm run train` saves and start-up loads instead of training again. */
export interface LogRegModel {
  labels: IntentId[];
  /** Sparse feature names; feature `j` owns weights `j * labels.length + k` for class `k`. */
  features: string[];
  weights: Float32Array;
  bias: Float64Array;
  /** Weights of the dense (word-vector) features, `k * dims + d`; absent without embeddings. */
  dense?: Float32Array;
}

/** A classifier together with the parameters it was built from. */
export interface TrainedClassifier extends Classifier {
  readonly model: LogRegModel;
}

/** A text's sparse feature indices, their shared value (1/sqrt of the feature count), and its dense vector. */
interface Row {
  idx: number[];
  value: number;
  vec?: Float32Array;
}

function scores(model: LogRegModel, row: Row): Float64Array {
  const K = model.labels.length;
  const s = new Float64Array(K);
  const vec = row.vec;
  const dims = vec?.length ?? 0;
  // Feature-major weights: one feature's K weights sit side by side, so a message costs one cache line
  // per feature rather than one per feature and class.
  for (const j of row.idx) {
    const base = j * K;
    for (let k = 0; k < K; k++) s[k] = (s[k] ?? 0) + (model.weights[base + k] ?? 0);
  }
  for (let k = 0; k < K; k++) {
    let dense = 0;
    if (vec && model.dense) for (let d = 0; d < dims; d++) dense += (model.dense[k * dims + d] ?? 0) * (vec[d] ?? 0);
    s[k] = (s[k] ?? 0) * row.value + dense + (model.bias[k] ?? 0);
  }
  return s;
}

type DenseOptions = Pick<LogRegOptions, 'lexicon' | 'embeddings' | 'denseWeight'>;

function denseVector(text: string, options: DenseOptions): Float32Array | undefined {
  const { embeddings, denseWeight = 1 } = options;
  const mean = embeddings?.meanVector(contentWords(text, options.lexicon));
  if (mean) for (let d = 0; d < mean.length; d++) mean[d] = (mean[d] ?? 0) * denseWeight;
  return mean;
}

/** Builds the classifier from learned parameters (trained now or loaded from `knowledge/`). */
export function classifierFromModel(
  model: LogRegModel,
  options: Pick<LogRegOptions, 'lexicon' | 'stemmerFor' | 'embeddings' | 'denseWeight'> = {},
): TrainedClassifier {
  const vocab = new Map(model.features.map((f, i) => [f, i]));
  return {
    name: 'logistic-regression',
    model,
    classify(text) {
      // Unknown features still count in the norm: a message that is mostly unfamiliar words gets weaker
      // scores, so its confidence drops towards the prior instead of resting on one familiar word.
      const all = extract(text, options.lexicon, options.stemmerFor?.(text));
      const idx: number[] = [];
      for (const f of all) {
        const j = vocab.get(f);
        if (j !== undefined) idx.push(j);
      }
      const vec = model.dense ? denseVector(text, options) : undefined;
      const p = softmax(scores(model, { idx, value: all.length === 0 ? 0 : 1 / Math.sqrt(all.length), vec }));
      return model.labels
        .map((intent, k) => ({ intent, confidence: p[k] ?? 0 }))
        .sort((x, y) => y.confidence - x.confidence);
    },
  };
}

/** Trains the logistic-regression classifier on `examples` (about a second for 3,000 examples). */
export function trainLogisticRegression(
  examples: readonly TrainingExample[],
  options: LogRegOptions = {},
): TrainedClassifier {
  const { epochs = 30, learningRate = 1, l2 = 1e-3, seed = 42, lexicon, stemmerFor, embeddings } = options;
  const labels = [...new Set(examples.map((e) => e.intent))];
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const vocab = new Map<string, number>();
  const rows = examples.map((e) => {
    const idx = extract(e.text, lexicon, stemmerFor?.(e.text)).map((f) => {
      let i = vocab.get(f);
      if (i === undefined) {
        i = vocab.size;
        vocab.set(f, i);
      }
      return i;
    });
    const vec = embeddings ? denseVector(e.text, options) : undefined;
    return { idx, value: idx.length === 0 ? 0 : 1 / Math.sqrt(idx.length), vec, y: labelIndex.get(e.intent) ?? 0 };
  });
  const K = labels.length;
  const D = vocab.size;
  // Balanced class weights: the out-of-scope list is longer than the others and must not win by size alone.
  const counts = new Array<number>(K).fill(0);
  for (const row of rows) counts[row.y] = (counts[row.y] ?? 0) + 1;
  const classWeight = counts.map((c) => (c === 0 ? 0 : rows.length / (K * c)));
  const model: LogRegModel = {
    labels,
    features: [...vocab.keys()],
    weights: new Float32Array(K * D),
    bias: new Float64Array(K),
    dense: embeddings ? new Float32Array(K * embeddings.dims) : undefined,
  };
  const Wd = model.dense;
  const dims = embeddings?.dims ?? 0;
  const W = model.weights;
  const b = model.bias;
  const random = mulberry32(seed);
  const order = rows.map((_, i) => i);

  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const rate = learningRate / (1 + epoch * 0.1);
    for (const r of order) {
      const row = rows[r];
      if (!row || row.idx.length === 0) continue;
      const p = softmax(scores(model, row));
      for (let k = 0; k < K; k++) {
        const grad = ((p[k] ?? 0) - (k === row.y ? 1 : 0)) * (classWeight[row.y] ?? 1);
        b[k] = (b[k] ?? 0) - rate * grad * 0.1;
        for (const j of row.idx) {
          const w = W[j * K + k] ?? 0;
          W[j * K + k] = w - rate * (grad * row.value + l2 * w);
        }
        if (Wd && row.vec) {
          for (let d = 0; d < dims; d++) {
            const w = Wd[k * dims + d] ?? 0;
            Wd[k * dims + d] = w - rate * (grad * (row.vec[d] ?? 0) + l2 * w);
          }
        }
      }
    }
  }
  return classifierFromModel(model, options);
}
