import type { APIStringSelectComponent } from 'discord.js';
import { describe, expect, it } from 'vitest';
import {
  applySelection,
  openPrompts,
  pageOfProblems,
  parseViabilityId,
  viabilityPage,
} from '../../../adapters/discord/viability-page.ts';
import { STRONG_PROFILE } from '../../fixtures/viability-answers.ts';
import { createTestBot, realKnowledge } from '../../helpers/context.ts';

const { questions } = realKnowledge().kb.rubric;

describe('viability pages', () => {
  const selects = (page: ReturnType<typeof viabilityPage>) =>
    page.components.flatMap((r) => r.components).filter((c): c is APIStringSelectComponent => c.type === 3);

  it('shows the first four questions and a Next button, with saved answers as defaults', () => {
    const page = viabilityPage(questions, 0, { coding: 'basic' });
    expect(page.components).toHaveLength(5);
    expect(selects(page).map((s) => s.custom_id)).toEqual(questions.slice(0, 4).map((q) => `cb:via:q:${q.id}`));
    expect(selects(page)[0]?.options.find((o) => o.default)?.value).toBe('basic');
    expect(page.components.at(-1)?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'cb:via:next',
    ]);
    expect(page.content).toContain(`question 1–4 of ${questions.length}`);
  });

  it('shows the remaining questions with Back and Score me on the second page', () => {
    const page = viabilityPage(questions, 1, {});
    expect(selects(page).map((s) => s.custom_id)).toEqual(questions.slice(4).map((q) => `cb:via:q:${q.id}`));
    expect(page.components.at(-1)?.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual([
      'cb:via:back',
      'cb:via:submit',
    ]);
    expect(page.components.length).toBeLessThanOrEqual(5);
  });

  it('applies a valid selection and ignores unknown questions, values and ids', () => {
    const answers = { coding: 'none' };
    expect(applySelection(questions, answers, 'cb:via:q:coding', ['basic'])).toEqual({ coding: 'basic' });
    expect(answers).toEqual({ coding: 'none' });
    for (const [id, values] of [
      ['cb:via:q:coding', ['expert']],
      ['cb:via:q:nope', ['basic']],
      ['cb:via:next', ['basic']],
      ['cb:via:q:coding', []],
    ] as const)
      expect(applySelection(questions, answers, id, values)).toBe(answers);
    expect(parseViabilityId('cb:viability')).toBeUndefined();
  });

  it("lists the prompts still unanswered, from the core's problems with the answers", async () => {
    const { bot } = await createTestBot();
    // The core checks the answers; the page names the questions its problems are about.
    const open = async (answers: Record<string, string>) => {
      const submitted = await bot.submitViability({ platform: 'discord', id: 'U1' }, answers);
      return submitted.ok ? [] : openPrompts(questions, submitted.problems);
    };
    const all = questions.map((q) => q.prompt);
    expect(await open({})).toEqual(all);
    expect(await open(STRONG_PROFILE)).toEqual([]);
    expect(await open({ ...STRONG_PROFILE, coding: 'bogus' })).toEqual([all[0]]);
  });

  it('shows the page of the first question the core found a problem with', () => {
    const [first, fifth] = [questions[0], questions[4]];
    expect(
      pageOfProblems(questions, [
        { question: fifth?.id ?? '', message: 'missing', kind: 'missing', hint: 'Please choose an answer.' },
      ]),
    ).toBe(1);
    expect(
      pageOfProblems(questions, [
        { question: first?.id ?? '', message: 'missing', kind: 'missing', hint: 'Please choose an answer.' },
      ]),
    ).toBe(0);
    expect(
      pageOfProblems(questions, [
        { question: '(all)', message: 'not an object', kind: 'missing', hint: 'Please answer every question.' },
      ]),
    ).toBe(0);
  });
});
