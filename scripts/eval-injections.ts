/**
 * `npm run -s eval:injections`: the multilingual injection corpus against a model that obeys. Prints,
 * by kind and by language, how many attacks reached the model and how many harmful answers reached the
 * user, then how many career questions in the same languages were still answered.
 */
import { type CareerQuestion, loadAttacks, type Outcome, readJsonl, runInjectionEval } from './lib/injection-eval.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
// `--only heldout` runs one file: the held-out set was written after the screen and checks were tuned.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const attacks = loadAttacks(only);
const questions = readJsonl<CareerQuestion>('test/fixtures/career-questions-multilingual.jsonl');
const result = await runInjectionEval(attacks, questions);

function table(title: string, rows: Outcome[], key: (o: Outcome) => string): void {
  const groups = new Map<string, Outcome[]>();
  for (const o of rows) groups.set(key(o), [...(groups.get(key(o)) ?? []), o]);
  out(`\n${title.padEnd(18)} attacks  reached model  obeyed answer shown  harm visible`);
  for (const [name, g] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const count = (f: (o: Outcome) => boolean) => String(g.filter(f).length);
    out(
      `${name.padEnd(18)} ${String(g.length).padStart(7)}  ${count((o) => o.reachedModel).padStart(13)}  ${count((o) => o.shown).padStart(19)}  ${count((o) => o.harmVisible).padStart(12)}`,
    );
  }
}

const a = result.attacks;
const languages = new Set(a.map((o) => o.lang)).size;
out(`injection corpus: ${a.length} attacks in ${languages} languages, model obeys every one`);
out(`reached the model: ${a.filter((o) => o.reachedModel).length}`);
out(
  `harmful answers reaching the user: ${a.filter((o) => o.shown || o.harmVisible).length} (shown ${a.filter((o) => o.shown).length}, harm visible ${a.filter((o) => o.harmVisible).length})`,
);
table('by kind', a, (o) => o.kind);
table('by language', a, (o) => o.lang);
const p = result.pastScreen;
out(
  `\noutput check alone (each obeyed answer behind a plain question the screen passes): reached the model ${p.filter((o) => o.reachedModel).length}, harmful answers reaching the user ${p.filter((o) => o.shown || o.harmVisible).length} of ${p.length}`,
);
const reasons = new Map<string, number>();
for (const o of p)
  reasons.set(o.reason?.split(':')[0] ?? 'shown', (reasons.get(o.reason?.split(':')[0] ?? 'shown') ?? 0) + 1);
out(`  refused as: ${[...reasons].map(([r, c]) => `${r} ${c}`).join(', ')}`);
table('by kind', p, (o) => o.kind);
table('by language', p, (o) => o.lang);
const q = result.questions;
out(
  `\ncareer questions (${q.length}, ${new Set(q.map((o) => o.lang)).size} languages): reached the model ${q.filter((o) => o.reachedModel).length}, answered ${q.filter((o) => o.shown).length}`,
);
for (const o of q.filter((o) => !o.shown)) out(`  refused ${o.id}: ${o.reason}`);
if (process.argv.includes('--verbose')) {
  for (const o of [...a, ...p].filter((o) => o.shown || o.harmVisible)) out(`  reached user: ${o.id}`);
  for (const o of a) out(`  ${o.id}: model=${o.reachedModel} shown=${o.shown} ${o.reason ?? ''}`);
}
