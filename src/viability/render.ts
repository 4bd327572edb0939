/** Turns a viability result into a platform-neutral reply. */
import { topicChoice } from '../answers/compose.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Rating, Reply, ViabilityResult } from '../types.ts';

const LABEL: Record<Rating, string> = { favourable: 'favourable', mixed: 'mixed', risk: 'risk' };

/** The scorecard reply: verdict, nine rated factors (in `scorecard`), and three next steps for the weakest factors. */
export function viabilityReply(kb: KnowledgeBase, result: ViabilityResult, previous?: ViabilityResult): Reply {
  const changed = result.rows.filter((r) => r.previous);
  const since = previous ? ` since your last check on ${previous.at.slice(0, 10)}` : '';
  const changes = !previous
    ? ''
    : changed.length === 0
      ? `\nNothing changed${since}.`
      : `\nChanged${since}: ${changed.map((r) => `${r.title} ${LABEL[r.previous ?? r.rating]} → ${LABEL[r.rating]}`).join('; ')}.`;
  const facts = [
    ...new Map(
      [...result.rows.map((r) => r.fact), ...result.nextSteps.map((s) => s.fact)].map((f) => [f.ref, f]),
    ).values(),
  ];
  return {
    kind: 'viability',
    title: `Your viability check: ${result.verdict.title}`,
    body: `${result.verdict.text}${changes}`,
    facts,
    // Naming the factor and its rating shows why each step was chosen: the weakest factors come first.
    advice: result.nextSteps.map((s) => {
      const row = result.rows.find((r) => r.factor === s.factor);
      return row ? `${row.title.split(':')[0]} (${LABEL[row.rating]}): ${s.text}` : s.text;
    }),
    choices: [topicChoice(kb, 'compensation'), topicChoice(kb, 'education')],
    entryIds: [...new Set(facts.map((f) => f.ref.split('/')[0] ?? ''))],
    scorecard: result.rows,
    footer: `Checked ${result.at.slice(0, 10)} · knowledge base ${result.knowledgeVersion}`,
  };
}
