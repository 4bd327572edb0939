import { afterAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/render-text.ts';
import { ask, botOver, writeKnowledge } from './temp-knowledge.ts';

// Six facts in a file order that a fixed page would get wrong: the hourly rate and the UK figure come last.
const FACTS = [
  {
    id: 'annual-listings',
    text: 'Listings for prompt roles offered $90,000 a year.',
    figure: '$90,000 a year',
    asOf: '2023-06',
    region: 'US',
  },
  {
    id: 'headline',
    text: 'A headline claimed prompt roles paid up to $300,000.',
    figure: 'up to $300,000',
    asOf: '2023-03',
  },
  {
    id: 'fiverr',
    text: 'Marketplace sellers offered prompts from $10.',
    figure: 'from $10',
    asOf: '2023-06',
    note: 'Seen in a screenshot only; prices change daily.',
  },
  { id: 'developer', text: 'Senior developers averaged $150,000 a year.', figure: '$150,000 a year', asOf: '2023' },
  { id: 'bonus', text: 'Few listings mentioned a signing bonus.', figure: 'few listings', asOf: '2023-06' },
  {
    id: 'trainer-hourly',
    text: 'AI trainer and rater work paid $15 to $40 per hour.',
    figure: '$15–$40 per hour',
    asOf: '2023-09',
  },
];
const UK_FACT = {
  id: 'uk-listings',
  text: 'British listings offered £60,000 a year.',
  figure: '£60,000 a year',
  asOf: '2023-06',
  region: 'UK',
};
const FRESH_FACT = {
  id: 'fresh-listings',
  text: 'Listings in 2025 offered $95,000 a year.',
  figure: '$95,000 a year',
  asOf: '2025-05',
};

const NOW = new Date('2026-12-01T12:00:00Z');
const folders: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of folders) cleanup();
});
async function botWith(facts: object[], now = NOW) {
  const { dir, cleanup } = writeKnowledge(facts);
  folders.push(cleanup);
  return botOver(dir, now);
}

describe('issue 12: answers choose facts by the words of the question', () => {
  it('a question about AI trainer pay per hour shows the hourly rate first, though it is last in the file', async () => {
    const { bot, ctx } = await botWith(FACTS);
    const q = 'how much do AI trainers make per hour?';
    expect(ctx.router.route({ text: q, kind: 'direct' }).intent).toBe('compensation');
    const reply = await bot.handle(ask(q));
    expect(reply.facts[0]?.ref).toBe('compensation/trainer-hourly');
  });

  it('a question whose words fit no fact better than another keeps the file order', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('how much do prompt engineers make?'));
    expect(reply.facts.map((f) => f.ref.split('/')[1])).toEqual(['annual-listings', 'headline', 'fiverr', 'developer']);
  });

  it('every fact stays reachable: the first answer offers "All figures", which shows the ones left out', async () => {
    const { bot } = await botWith(FACTS);
    const first = await bot.handle(ask('how much do prompt engineers make?'));
    const more = first.choices.find((c) => /all figures/i.test(c.label));
    expect(more?.intent).toBe('compensation');
    if (!more) throw new Error('no "All figures" choice');
    const all = await bot.handle({ ...ask('(picked)'), choice: more });
    expect(all.facts.map((f) => f.ref).sort()).toEqual(FACTS.map((f) => `compensation/${f.id}`).sort());
    expect(all.advice).toHaveLength(4);
    const typed = await bot.handle(ask('show me all the figures on prompt engineer pay'));
    expect(typed.facts).toHaveLength(FACTS.length);
  });

  it("a fact's note reaches the user with the fact", async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('what do fiverr sellers charge for prompts?'));
    expect(reply.facts[0]?.ref).toBe('compensation/fiverr');
    expect(renderText(reply)).toContain('Seen in a screenshot only');
  });
});

describe('issue 12: a question about a country says where the figures come from', () => {
  it('asked about the UK with only US and unstated figures, says so in one line before the answer', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('how much do prompt engineers make in the UK?'));
    const note = reply.notices?.find((n) => /UK/.test(n));
    expect(note).toMatch(/from the US/);
    expect(note).toMatch(/none for the UK/);
    expect(renderText(reply).indexOf('none for the UK')).toBeLessThan(renderText(reply).indexOf('Key facts'));
  });

  it('asked about the UK with a UK figure, shows it first and adds no country note', async () => {
    const { bot } = await botWith([...FACTS, UK_FACT]);
    const reply = await bot.handle(ask('how much do prompt engineers make in the UK?'));
    expect(reply.facts[0]?.ref).toBe('compensation/uk-listings');
    expect(reply.notices?.some((n) => /none for/.test(n)) ?? false).toBe(false);
  });

  it('a region written out ("United States") counts as the US, and its figure leads a question about the US', async () => {
    const spelled = {
      ...UK_FACT,
      id: 'us-spelled',
      text: 'Listings offered $80,000 a year.',
      figure: '$80,000 a year',
      region: 'United States',
    };
    const { bot } = await botWith([...FACTS.filter((f) => f.region !== 'US'), spelled]);
    const reply = await bot.handle(ask('how much do prompt engineers make in the US?'));
    expect(reply.facts[0]?.ref).toBe('compensation/us-spelled');
    expect(reply.notices?.some((n) => /none for/.test(n)) ?? false).toBe(false);
  });

  it('asked about Nigeria, says that no figure is for Nigeria', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('what do AI trainers in Nigeria earn per hour?'));
    expect(reply.notices?.join(' ')).toMatch(/none for Nigeria/);
  });

  it('a question naming no country gets no country note', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('how much do prompt engineers make?'));
    expect(reply.notices?.some((n) => /none for/.test(n)) ?? false).toBe(false);
  });
});

describe('issue 12: an answer with nothing on what was asked says so first', () => {
  it('words the topic has never met get a one-line note before the closest answer', async () => {
    const { bot, ctx } = await botWith(FACTS);
    const q = 'what is the prompt engineer salary in bitcoin?';
    expect(ctx.router.route({ text: q, kind: 'direct' })).toMatchObject({ intent: 'compensation', decision: 'answer' });
    const reply = await bot.handle(ask(q));
    expect(reply.notices?.[0]).toMatch(/nothing on that/);
    expect(reply.facts.length).toBeGreaterThan(0);
  });

  it('a question the facts cover gets no such note', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('what do AI trainers make per hour?'));
    expect(reply.notices?.some((n) => /nothing on that/.test(n)) ?? false).toBe(false);
  });
});

describe('issue 12: stale figures are said to be stale', () => {
  it('figures all more than 24 months older than the clock get a plain note naming their year', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('how much do prompt engineers make?'));
    expect(reply.notices).toContain('These figures are from 2023; the market has changed since.');
  });

  it('the same figures read in early 2025 get no note', async () => {
    const { bot } = await botWith(FACTS, new Date('2025-01-15T00:00:00Z'));
    const reply = await bot.handle(ask('how much do prompt engineers make?'));
    expect(reply.notices?.some((n) => /market has changed/.test(n)) ?? false).toBe(false);
  });

  it('a newer figure is shown first, and then the answer is not called stale', async () => {
    const { bot } = await botWith([...FACTS, FRESH_FACT]);
    const reply = await bot.handle(ask('how much do prompt engineers make?'));
    expect(reply.facts[0]?.ref).toBe('compensation/fresh-listings');
    expect(reply.notices?.some((n) => /market has changed/.test(n)) ?? false).toBe(false);
  });
});

describe('issue 12: asking for everything', () => {
  it('a question about more data-annotation work is not read as a request for all figures', async () => {
    const { bot } = await botWith(FACTS);
    const reply = await bot.handle(ask('will there be more data annotation work paying per hour?'));
    expect(reply.facts.length).toBeLessThan(FACTS.length);
  });
});
