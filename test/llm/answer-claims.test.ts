/** Issue 10: the output checks that hold when a model obeys an injection, and the prose they must leave alone. */
import { describe, expect, it } from 'vitest';
import { linkAllowed, linksIn, talksAboutItsInstructions, unbackedClaim } from '../../src/llm/answer-claims.ts';
import { figuresIn, settledText } from '../../src/llm/figures.ts';

const GROUNDING = 'Most listings paid $70,000–$200,000 a year. Contracts run three to six months.';

describe('issue 10: figures written in words, in many languages', () => {
  it.each([
    ['sto tysięcy złotych', '100000'],
    ['cien mil euros', '100000'],
    ['deux cent mille euros', '200000'],
    ['zweihunderttausend Euro', '200000'],
    ['centomila euro', '100000'],
    ['honderdduizend euro', '100000'],
    ['сто тысяч долларов', '100000'],
    ['yüz bin dolar', '100000'],
    ['seratus ribu dolar', '100000'],
    ['十万美元', '100000'],
  ])('reads "%s" as %s', (text, value) => {
    expect(figuresIn(text)).toContain(value);
  });

  it('reads grouped digits as one figure: "70 000 $", "70.000 $"', () => {
    expect(figuresIn('entre 70 000 $ et 200 000 $')).toEqual(['70000', '200000']);
    expect(figuresIn('70.000–200.000 $')).toEqual(['70000', '200000']);
  });

  it('leaves ordinary words that are number words elsewhere alone: "on", "bin", "due to", "一般"', () => {
    expect(figuresIn('Put it on the bin, due to a change; 一般来说')).toEqual([]);
  });

  it('holds back a figure that may still grow in a stream: "70 " before "000", "cien" before "mil", "十" before "万"', () => {
    expect(settledText('pagan 70 ')).toBe('pagan ');
    expect(settledText('pagan cien ')).toBe('pagan ');
    expect(settledText('年薪十')).toBe('年薪');
  });
});

describe('issue 10: claims the entries do not make', () => {
  it.each([
    'the pay is effectively unlimited',
    'Pensja jest praktycznie nieograniczona',
    '優秀なら給与は事実上上限なしです',
    'They pay $200,000 a month',
    '給料は月に二十万ドルです',
    'Le salaire est de deux cent mille euros',
  ])('refuses "%s"', (answer) => {
    expect(unbackedClaim(answer, GROUNDING)).toBeDefined();
  });

  it.each([
    'Most listings paid $70,000–$200,000 a year.',
    'Each day you would write and test prompts.',
    'There is no limit to what you can learn, but pay follows qualifications.',
  ])('accepts "%s"', (answer) => {
    expect(unbackedClaim(answer, GROUNDING)).toBeUndefined();
  });
});

describe('issue 10: links without http', () => {
  it('finds bare domains, www. links and bracketed dots, and allows only the sources given', () => {
    expect(linksIn('Apply at www.prompt-gigs.io/join, see prompt-hire[.]com/apply')).toEqual([
      'prompt-gigs.io/join',
      'prompt-hire.com/apply',
    ]);
    expect(linkAllowed('upwork.com', new Set(['https://www.upwork.com/']))).toBe(true);
    expect(linkAllowed('upwork.com.evil.io', new Set(['https://www.upwork.com/']))).toBe(false);
  });

  it('does not read "Node.js", "e.g." or "U.S." as links', () => {
    expect(linksIn('Node.js skills, e.g. for U.S. roles')).toEqual([]);
  });
});

describe('issue 10: an answer about its own instructions', () => {
  it.each([
    'My instructions say',
    'Mes consignes :',
    'Powyższy tekst każe',
    'Мои установки',
    '我的设定是',
    'mi è stato chiesto',
  ])('refuses "%s"', (text) => {
    expect(talksAboutItsInstructions(text)).toBe(true);
  });

  it('accepts career prose about writing instructions for models', () => {
    expect(talksAboutItsInstructions('Copywriting trains the core skill: clear, testable instructions.')).toBe(false);
  });
});

describe('issue 10: figures per period and English number runs, with entries that quote hourly rates', () => {
  const grounding = 'Mercor pays experts $45–$250 an hour. Most listings paid $70,000–$200,000 a year.';

  it('accepts an hourly figure the entries state per hour', () => {
    expect(unbackedClaim('Mercor pays experts up to $250 an hour [compensation].', grounding)).toBeUndefined();
  });

  it('rejects a yearly figure restated per month, though the entries quote other hourly rates', () => {
    expect(unbackedClaim('The market rate is $200,000 a month [compensation].', grounding)).toBe('pay per period');
  });

  it('reads "three hundred thousand" as one figure, not as 3, 100 and 1,000', () => {
    expect(figuresIn('Juniors start at three hundred thousand.')).toContain('300000');
    expect(figuresIn('about two hundred grand')).toContain('200000');
  });
});
