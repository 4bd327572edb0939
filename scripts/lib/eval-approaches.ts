/**
 * The approaches `npm run eval -- --compare` sets side by side, all trained on the same examples and
 * routed with the same thresholds and injection screen.
 */
import snowball from 'snowball-stemmers';
import { detect } from 'tinyld/light';
import type { KnowledgeBase } from '../../src/knowledge/loader.ts';
import { type Classifier, type TrainingExample, trainLogisticRegression } from '../../src/router/classifier.ts';
import { loadEmbeddings } from '../../src/router/embeddings.ts';
import { compileLexicon, stem } from '../../src/router/text.ts';
import { createMiniSearchClassifier } from './minisearch-classifier.ts';

/** The classifier the product trains, on the given examples. */
export function trainProduct(kb: KnowledgeBase, examples: readonly TrainingExample[]): Classifier {
  return trainLogisticRegression(examples, { lexicon: compileLexicon(kb.lexicon.terms) });
}

const SNOWBALL: Record<string, string> = {
  en: 'english',
  es: 'spanish',
  de: 'german',
  fr: 'french',
  pt: 'portuguese',
  it: 'italian',
  nl: 'dutch',
  tr: 'turkish',
  ru: 'russian',
  ar: 'arabic',
};
const stemmers = new Map<string, (w: string) => string>();

/** Snowball stemming in the language tinyld detects, the built-in English stripper otherwise. */
function snowballFor(text: string): (word: string) => string {
  const algorithm = SNOWBALL[detect(text)];
  if (!algorithm) return stem;
  let s = stemmers.get(algorithm);
  if (!s) {
    const stemmer = snowball.newStemmer(algorithm);
    s = (w: string) => stemmer.stem(w);
    stemmers.set(algorithm, s);
  }
  return s;
}

/** Every approach compared, the product first. */
export function approaches(kb: KnowledgeBase, examples: readonly TrainingExample[]) {
  const lexicon = compileLexicon(kb.lexicon.terms);
  return [
    { name: 'logistic regression + multilingual concept lexicon (product)', classifier: trainProduct(kb, examples) },
    { name: 'logistic regression, no lexicon', classifier: trainLogisticRegression(examples) },
    {
      name: 'logistic regression + lexicon + Snowball stemmer per detected language (tinyld)',
      classifier: trainLogisticRegression(examples, { lexicon, stemmerFor: snowballFor }),
    },
    {
      name: 'logistic regression + lexicon + GloVe word vectors (knowledge/embeddings, dense weight 2)',
      classifier: trainLogisticRegression(examples, {
        lexicon,
        embeddings: loadEmbeddings('knowledge/embeddings/en-100d.bin'),
        denseWeight: 2,
      }),
    },
    { name: 'MiniSearch BM25 k-NN (library)', classifier: createMiniSearchClassifier(examples) },
  ];
}
