import { describe, expect, it } from 'vitest';
import { FACTOR_IDS } from '../../src/ports.ts';
import { viabilityReply } from '../../src/viability/render.ts';
import { scoreViability, validateAnswers } from '../../src/viability/score.ts';
import { STRONG_PROFILE, WEAK_PROFILE } from '../fixtures/viability-answers.ts';
import { createTestBot, message, realKnowledge } from '../helpers/context.ts';

const { kb } = realKnowledge();
const strong = STRONG_PROFILE;
const weak = WEAK_PROFILE;

describe('validateAnswers', () => {
  it('names every missing or unknown answer and the options allowed', () => {
    const result = validateAnswers(kb.rubric, { coding: 'wizard', extra: 'x' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const text = result.problems.map((p) => `${p.question}: ${p.message}`).join('\n');
    expect(text).toMatch(/coding: "wizard" is not an option; choose one of: none, basic, professional/);
    expect(text).toMatch(/portfolio: missing/);
    expect(text).toMatch(/extra: no question has this id/);
  });

  it.each([null, [], 'text', 42])('rejects %j as answers', (input) => {
    expect(validateAnswers(kb.rubric, input).ok).toBe(false);
  });
});

describe('scoreViability', () => {
  it('rates all nine factors with a reason and a sourced, dated fact', () => {
    const result = scoreViability(kb, strong, new Date('2026-11-24T10:00:00Z'));
    expect(result.rows.map((r) => r.factor)).toEqual([...FACTOR_IDS]);
    for (const row of result.rows) {
      expect(['favourable', 'mixed', 'risk']).toContain(row.rating);
      expect(row.reason.length).toBeGreaterThan(10);
      expect(row.fact.source.length).toBeGreaterThan(0);
      expect(row.fact.asOf).toMatch(/^\d{4}/);
    }
    expect(result.nextSteps).toHaveLength(3);
  });

  it('gives a strong profile a better verdict and score than a weak one', () => {
    const good = scoreViability(kb, strong, new Date());
    const poor = scoreViability(kb, weak, new Date());
    expect(good.score).toBeGreaterThan(poor.score);
    expect(good.verdict.id).not.toBe(poor.verdict.id);
    expect(poor.rows.find((r) => r.factor === 'barriers')?.rating).toBe('risk');
    expect(good.rows.find((r) => r.factor === 'barriers')?.rating).toBe('favourable');
  });
});

describe('viabilityReply', () => {
  it('issue 12: each next step names the factor it works on and that factor’s rating, weakest first', () => {
    const result = scoreViability(kb, weak, new Date());
    const reply = viabilityReply(kb, result);
    expect(reply.advice).toHaveLength(3);
    reply.advice.forEach((line, i) => {
      const row = result.rows.find((r) => r.factor === result.nextSteps[i]?.factor);
      const name = row?.title.split(':')[0];
      expect(line).toBe(`${name} (${row?.rating}): ${result.nextSteps[i]?.text}`);
    });
    expect(reply.advice[0]).toMatch(/\(risk\): /);
  });
});

describe('viability check in chat', () => {
  it('asks the questions one by one, scores, stores, and shows what changed on a re-run', async () => {
    const { bot, ctx } = await createTestBot();
    const dm = { kind: 'direct' as const, conversation: { id: 'D1' } };
    let reply = await bot.handle(message('/viability', dm));
    expect(reply.title).toMatch(/question 1 of 6/);
    // Answers by number for every question except one answered by its label.
    for (const answer of ['1', 'rarely', '1', '1', '3']) reply = await bot.handle(message(answer, dm));
    reply = await bot.handle(message('3', dm));
    expect(reply.kind).toBe('viability');
    expect(reply.scorecard).toHaveLength(9);
    expect(reply.advice).toHaveLength(3);
    expect(await ctx.store.get('viability:test:U1')).toMatchObject({
      answers: { coding: 'none', salary: 'over_200k' },
    });

    await bot.handle(message('/viability', dm));
    for (const answer of ['3', '3', '3', '4', '1']) await bot.handle(message(answer, dm));
    reply = await bot.handle(message('2', dm));
    expect(reply.body).toMatch(/Changed since your last check/);
    expect(reply.scorecard?.some((r) => r.previous)).toBe(true);
  });

  it('re-asks a question with a clear hint when the answer is not an option', async () => {
    const { bot } = await createTestBot();
    await bot.handle(message('/viability'));
    const reply = await bot.handle(message('banana'));
    expect(reply.title).toMatch(/question 1 of 6/);
    expect(reply.body).toMatch(/Please pick one of the options/);
  });

  it('lets the user cancel, after which questions are routed again', async () => {
    const { bot } = await createTestBot();
    await bot.handle(message('/viability'));
    expect((await bot.handle(message('/cancel'))).title).toBe('Viability check cancelled');
    expect((await bot.handle(message('how much do prompt engineers make?'))).entryIds).toEqual(['compensation']);
  });
});
