import { describe, expect, it } from 'vitest';
import type { Answers } from '../../src/ports.ts';
import { FACTOR_IDS, type Rating } from '../../src/ports.ts';
import { scoreViability } from '../../src/viability/score.ts';
import { realKnowledge } from '../helpers/context.ts';

const { kb } = realKnowledge();
const now = new Date('2026-12-01T00:00:00Z');
const RANK: Record<Rating, number> = { risk: 0, mixed: 1, favourable: 2 };
const NO_ABILITY = { coding: 'none', ai_tools: 'rarely', portfolio: 'none' };
const TOP_ABILITY = { coding: 'professional', ai_tools: 'advanced', portfolio: 'strong' };

/** Every combination of answers the questionnaire allows. */
function allAnswers(): Answers[] {
  return kb.rubric.questions.reduce<Answers[]>(
    (combos, q) => combos.flatMap((c) => q.options.map((o) => ({ ...c, [q.id]: o.value }))),
    [{}],
  );
}
const ALL = allAnswers();
const ratingsOf = (answers: Answers) =>
  Object.fromEntries(scoreViability(kb, answers, now).rows.map((r) => [r.factor, r.rating]));

describe('issue 12: ability outweighs willingness', () => {
  it('saying yes to hybrid work turns no factor favourable for someone with no coding, AI practice or portfolio', () => {
    for (const base of ALL.filter((a) => a.coding === 'none' && a.ai_tools === 'rarely' && a.portfolio === 'none')) {
      const yes = ratingsOf({ ...base, hybrid: 'yes' });
      const maybe = ratingsOf({ ...base, hybrid: 'maybe' });
      const lifted = FACTOR_IDS.filter((f) => yes[f] === 'favourable' && maybe[f] !== 'favourable');
      expect(lifted, JSON.stringify(base)).toEqual([]);
    }
  });

  it('no answer about goals or willingness gets a person with no skills "Worth pursuing" or better', () => {
    const minimum = kb.rubric.verdicts.find((v) => v.id === 'worth-pursuing')?.minScore ?? 1;
    const best = Math.max(
      ...ALL.filter((a) => a.coding === 'none' && a.ai_tools === 'rarely' && a.portfolio === 'none').map(
        (a) => scoreViability(kb, a, now).score,
      ),
    );
    expect(best).toBeLessThan(minimum);
  });

  it('for every set of goals, going from no skills to full skills moves the score more than hybrid no → yes', () => {
    for (const goals of ALL.filter((a) => a.coding === 'none' && a.ai_tools === 'rarely' && a.portfolio === 'none')) {
      const score = (a: Answers) => scoreViability(kb, a, now).score;
      const ability = score({ ...goals, ...TOP_ABILITY }) - score({ ...goals, ...NO_ABILITY });
      const willingness = Math.max(
        ...[NO_ABILITY, TOP_ABILITY].map(
          (skills) => score({ ...goals, ...skills, hybrid: 'yes' }) - score({ ...goals, ...skills, hybrid: 'no' }),
        ),
      );
      expect(ability, JSON.stringify(goals)).toBeGreaterThan(willingness);
    }
  });
});

describe('issue 12: every factor depends on the person', () => {
  it.each([...FACTOR_IDS])('%s can be rated favourable, mixed or risk depending on the answers', (factor) => {
    const seen = new Set(ALL.map((a) => ratingsOf(a)[factor]));
    expect([...seen].sort()).toEqual(['favourable', 'mixed', 'risk']);
  });

  it('workload is favourable for an advanced AI user and a risk for someone who rarely uses AI tools', () => {
    const base = { coding: 'basic', portfolio: 'some', employment_type: 'contract', hybrid: 'yes', salary: '70k_200k' };
    expect(ratingsOf({ ...base, ai_tools: 'advanced' }).workload).toBe('favourable');
    expect(ratingsOf({ ...base, ai_tools: 'rarely' }).workload).toBe('risk');
  });
});

describe('issue 12: next steps follow the weakest factors', () => {
  it('a strong coder expecting over $200,000 is first told to check pay expectations', () => {
    const answers = { ...TOP_ABILITY, employment_type: 'open', hybrid: 'yes', salary: 'over_200k' };
    const result = scoreViability(kb, answers, now);
    expect(result.rows.find((r) => r.factor === 'compensation')?.rating).not.toBe('favourable');
    expect(result.nextSteps[0]?.factor).toBe('compensation');
  });

  it('for every combination of answers, the first step works on one of the lowest-rated factors', () => {
    for (const answers of ALL) {
      const result = scoreViability(kb, answers, now);
      const lowest = Math.min(...result.rows.map((r) => RANK[r.rating]));
      const first = result.rows.find((r) => r.factor === result.nextSteps[0]?.factor);
      expect(first && RANK[first.rating], JSON.stringify(answers)).toBe(lowest);
    }
  });

  it('for every combination of answers, three steps come weakest factor first and none skips a weaker one', () => {
    for (const answers of ALL) {
      const result = scoreViability(kb, answers, now);
      const rating = (factor: string) => RANK[result.rows.find((r) => r.factor === factor)?.rating ?? 'favourable'];
      for (const step of result.nextSteps) expect(FACTOR_IDS).toContain(step.factor);
      const shown = result.nextSteps.map((s) => rating(s.factor));
      expect(shown, JSON.stringify(answers)).toHaveLength(3);
      expect(shown, JSON.stringify(answers)).toEqual([...shown].sort((a, b) => a - b));
      // A weaker factor with a step of its own is never passed over for a stronger one.
      const matching = kb.rubric.nextSteps.filter((s) =>
        Object.entries(s.when).every(([q, v]) => [v].flat().includes(answers[q] ?? '')),
      );
      const unshownWeakest = Math.min(
        ...matching.filter((s) => !result.nextSteps.some((n) => n.id === s.id)).map((s) => rating(s.factor)),
      );
      expect(Math.max(...shown), JSON.stringify(answers)).toBeLessThanOrEqual(unshownWeakest);
    }
  });
});
