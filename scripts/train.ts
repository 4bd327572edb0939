/**
 * `npm run train`: trains the router on knowledge/ and saves it as knowledge/router-model.bin, so
 * start-up loads it instead of training. Run it after editing examples or the lexicon; a test fails
 * while the saved model is stale (the bot still works then, but trains at every start).
 */
import { join } from 'node:path';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { trainLogisticRegression } from '../src/router/classifier.ts';
import { loadModel, MODEL_FILE, modelKey, saveModel } from '../src/router/model-file.ts';
import { trainingExamples } from '../src/router/router.ts';
import { compileLexicon } from '../src/router/text.ts';

const dir = process.argv[2] ?? 'knowledge';
const kb = loadKnowledge(dir);
const started = performance.now();
const trained = trainLogisticRegression(trainingExamples(kb), { lexicon: compileLexicon(kb.lexicon.terms) });
const ms = performance.now() - started;
const key = modelKey(kb.examplesFingerprint, kb.lexicon);
const path = join(dir, MODEL_FILE);
saveModel(path, key, trained.model);
const loaded = loadModel(path, key);
process.stdout.write(
  `trained on ${kb.examples.length} examples in ${ms.toFixed(0)} ms: ${trained.model.features.length} features; saved ${path} (key ${key}${loaded ? '' : ', NOT readable back'})\n`,
);
