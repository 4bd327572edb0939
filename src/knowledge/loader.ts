/**
 * Loads and validates the whole `knowledge/` folder. Any problem stops start-up with a message that
 * names the file and the field, so a curator can fix the YAML without reading code.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import type { z } from 'zod';
import { BotError, EXIT_SETUP } from '../errors.ts';
import { FACTOR_IDS, INTENT_IDS, type IntentId } from '../types.ts';
import { checkNumbersCited, uncitedNumbers } from './numbers.ts';
import {
  type Entry,
  entrySchema,
  examplesFileSchema,
  type Fact,
  type Lexicon,
  lexiconSchema,
  type Rubric,
  rubricSchema,
  type Source,
  sourcesFileSchema,
} from './schema.ts';

/** One training message for the router, with the group it came from (`entry` for an entry's own `examples`). */
export interface LabelledExample {
  text: string;
  intent: IntentId;
  group: string;
}

/** The validated knowledge base, indexed for the router and the answer builder. */
export interface KnowledgeBase {
  /** Short content hash: changes whenever any knowledge file changes. */
  version: string;
  /** The folder it was loaded from (the trained router model is saved there too). */
  dir: string;
  entries: ReadonlyMap<IntentId, Entry>;
  sources: ReadonlyMap<string, Source>;
  rubric: Rubric;
  /** Router vocabulary: variants read as canonical terms. */
  lexicon: Lexicon;
  /**
   * Every training message: each entry's `examples`, then the groups of `examples/<intent>.yaml`. Parsed
   * on first use; throws `KnowledgeError` naming the file and field when an examples file is invalid.
   */
  readonly examples: readonly LabelledExample[];
  /** A hash of every training message's source text, known without parsing the examples files. */
  examplesFingerprint: string;
  /** Looks up `<entry id>/<fact id>`. */
  fact(ref: string): { entry: Entry; fact: Fact } | undefined;
}

/** Raised when a knowledge file is missing or invalid; `problems` lists every issue found. */
export class KnowledgeError extends BotError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('KNOWLEDGE_INVALID', `knowledge base is invalid:\n  - ${problems.join('\n  - ')}`, { exitCode: EXIT_SETUP });
    this.problems = problems;
  }
}

/** Where the entry for an intent lives: the nine factors under `factors/`, the rest under `topics/`. */
export function entryPath(intent: IntentId): string {
  return (FACTOR_IDS as readonly string[]).includes(intent)
    ? join('factors', `${intent}.yaml`)
    : join('topics', `${intent}.yaml`);
}

function formatPath(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** Loads `dir`, validating every file; throws `KnowledgeError` listing all problems at once. */
export function loadKnowledge(dir: string): KnowledgeBase {
  const problems: string[] = [];
  const hash = createHash('sha256');

  function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    let raw: string;
    try {
      raw = readFileSync(join(dir, file), 'utf8');
    } catch {
      problems.push(`${relative(process.cwd(), join(dir, file)) || file}: file is missing`);
      return undefined;
    }
    hash.update(file).update(raw);
    return parseFile(file, raw, schema, problems);
  }

  function parseFile<S extends z.ZodType>(
    file: string,
    raw: string,
    schema: S,
    found: string[],
  ): z.infer<S> | undefined {
    const label = relative(process.cwd(), join(dir, file)) || file;
    let data: unknown;
    try {
      data = parse(raw);
    } catch (error) {
      found.push(`${label}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
      return undefined;
    }
    const result = schema.safeParse(data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        found.push(`${label}: ${formatPath(issue.path) || '(top level)'}: ${issue.message}`);
      }
      return undefined;
    }
    return result.data;
  }

  const sourcesFile = read('sources.yaml', sourcesFileSchema);
  const sources = new Map((sourcesFile?.sources ?? []).map((s) => [s.id, s]));
  const entries = new Map<IntentId, Entry>();
  for (const intent of INTENT_IDS) {
    const file = entryPath(intent);
    const entry = read(file, entrySchema);
    if (!entry) continue;
    if (entry.intent !== intent) problems.push(`${file}: intent: must be "${intent}"`);
    if (entry.kind !== ((FACTOR_IDS as readonly string[]).includes(intent) ? 'factor' : 'topic')) {
      problems.push(`${file}: kind: must be "${entry.kind === 'factor' ? 'topic' : 'factor'}"`);
    }
    entry.facts.forEach((fact, i) => {
      if (sourcesFile && !sources.has(fact.source)) {
        problems.push(`${file}: facts[${i}].source: unknown source "${fact.source}" (add it to sources.yaml)`);
      }
    });
    problems.push(...checkNumbersCited(entry).map((p) => `${file}: ${p}`));
    entries.set(intent, entry);
  }
  // Training examples are parsed only when something needs them (training, eval, `kb check`): start-up
  // with a current saved model needs only their fingerprint, and parsing them is most of the load time.
  const exampleFiles = INTENT_IDS.flatMap((intent) => {
    const file = join('examples', `${intent}.yaml`);
    if (!existsSync(join(dir, file))) return [];
    const raw = readFileSync(join(dir, file), 'utf8');
    hash.update(file).update(raw);
    return [{ intent, file, raw }];
  });
  const entryExamples: LabelledExample[] = [...entries.values()].flatMap((e) =>
    e.examples.map((text) => ({ text, intent: e.intent, group: 'entry' })),
  );
  const examplesFingerprint = createHash('sha256')
    .update(JSON.stringify(entryExamples))
    .update(JSON.stringify(exampleFiles))
    .digest('hex')
    .slice(0, 16);
  let examples: LabelledExample[] | undefined;
  const loadExamples = (): LabelledExample[] => {
    const found: string[] = [];
    const all = [...entryExamples];
    for (const { intent, file, raw } of exampleFiles) {
      const extra = parseFile(file, raw, examplesFileSchema, found);
      if (!extra) continue;
      if (extra.intent !== intent) found.push(`${file}: intent: must be "${intent}"`);
      for (const [group, texts] of Object.entries(extra.groups)) {
        for (const text of texts) all.push({ text, intent, group });
      }
    }
    if (found.length > 0) throw new KnowledgeError(found);
    return all;
  };
  const rubric = read('viability-rubric.yaml', rubricSchema);
  const baseLexicon = read('lexicon.yaml', lexiconSchema);
  // Other languages' words live in a file of their own; both feed one lexicon.
  const languages = existsSync(join(dir, 'lexicon-languages.yaml'))
    ? read('lexicon-languages.yaml', lexiconSchema)
    : { version: 1 as const, terms: {} };
  const lexicon = baseLexicon && languages ? mergeLexicons(baseLexicon, languages) : undefined;

  const fact = (ref: string) => {
    const [entryId, factId] = ref.split('/');
    for (const entry of entries.values()) {
      if (entry.id !== entryId) continue;
      const found = entry.facts.find((f) => f.id === factId);
      return found ? { entry, fact: found } : undefined;
    }
    return undefined;
  };

  if (rubric && entries.size === INTENT_IDS.length) {
    problems.push(...checkRubric(rubric, fact).map((p) => `viability-rubric.yaml: ${p}`));
  }
  if (problems.length > 0 || !rubric || !lexicon) throw new KnowledgeError(problems);
  return {
    version: hash.digest('hex').slice(0, 12),
    dir,
    entries,
    sources,
    rubric,
    lexicon,
    examplesFingerprint,
    get examples() {
      examples ??= loadExamples();
      return examples;
    },
    fact,
  };
}

function mergeLexicons(a: Lexicon, b: Lexicon): Lexicon {
  const terms: Record<string, string[]> = { ...a.terms };
  for (const [canonical, variants] of Object.entries(b.terms))
    terms[canonical] = [...(terms[canonical] ?? []), ...variants];
  return { version: a.version, terms };
}

function checkRubric(rubric: Rubric, fact: KnowledgeBase['fact']): string[] {
  const problems: string[] = [];
  const options = new Map(rubric.questions.map((q) => [q.id, new Set(q.options.map((o) => o.value))]));
  const checkWhen = (where: string, when: Record<string, string | string[]>) => {
    for (const [question, value] of Object.entries(when)) {
      const allowed = options.get(question);
      if (!allowed) {
        problems.push(`${where}.when.${question}: no question has this id`);
        continue;
      }
      for (const v of [value].flat()) {
        if (!allowed.has(v)) problems.push(`${where}.when.${question}: "${v}" is not one of its options`);
      }
    }
  };
  for (const factor of FACTOR_IDS) {
    if (!rubric.factors[factor]) problems.push(`factors.${factor}: missing rules for this factor`);
  }
  for (const [factor, rules] of Object.entries(rubric.factors)) {
    if (!(FACTOR_IDS as readonly string[]).includes(factor)) {
      problems.push(`factors.${factor}: not one of the nine factors`);
    }
    rules.forEach((rule, i) => {
      checkWhen(`factors.${factor}[${i}]`, rule.when);
      const cited = fact(rule.fact);
      if (!cited) problems.push(`factors.${factor}[${i}].fact: unknown fact "${rule.fact}"`);
      for (const n of cited ? uncitedNumbers(rule.reason, cited.fact) : []) {
        problems.push(`factors.${factor}[${i}].reason: the figure "${n}" is not stated by fact ${rule.fact}`);
      }
    });
    const last = rules.at(-1);
    if (last && Object.keys(last.when).length > 0) {
      problems.push(`factors.${factor}: the last rule must have no "when" (it is the default)`);
    }
  }
  rubric.nextSteps.forEach((step, i) => {
    checkWhen(`nextSteps[${i}]`, step.when);
    const cited = fact(step.fact);
    if (!cited) problems.push(`nextSteps[${i}].fact: unknown fact "${step.fact}"`);
    for (const n of cited ? uncitedNumbers(step.text, cited.fact) : []) {
      problems.push(`nextSteps[${i}].text: the figure "${n}" is not stated by fact ${step.fact}`);
    }
  });
  if (rubric.nextSteps.filter((s) => Object.keys(s.when).length === 0).length < 3) {
    problems.push('nextSteps: at least three steps must have no "when", so every result gets three');
  }
  return problems;
}
