import { describe, expect, it } from 'vitest';
import { parseAnswer } from '../../src/viability/questionnaire.ts';
import { realKnowledge } from '../helpers/context.ts';

const { rubric } = realKnowledge().kb;
const step = (id: string) => rubric.questions.findIndex((q) => q.id === id);

describe('issue 10: questionnaire answers in plain words', () => {
  it.each([
    ['coding', "I don't code", 'none'],
    ['coding', 'never written a line of code', 'none'],
    ['coding', 'nope', 'none'],
    ['coding', 'a little Python, mostly small scripts', 'basic'],
    ['coding', 'I know some Python', 'basic'],
    ['coding', "I'm a software engineer", 'professional'],
    ['coding', 'I write code for a living', 'professional'],
    ['ai_tools', 'I use ChatGPT every day', 'regularly'],
    ['ai_tools', 'daily, for emails', 'regularly'],
    ['ai_tools', 'a few times a week', 'regularly'],
    ['ai_tools', "I've never used them", 'rarely'],
    ['ai_tools', 'I write system prompts and evaluate them', 'advanced'],
    ['portfolio', 'not yet', 'none'],
    ['portfolio', 'no', 'none'],
    ['portfolio', 'I have a couple of examples', 'some'],
    ['portfolio', 'yes, a solid portfolio on GitHub', 'strong'],
    ['employment_type', 'a permanent job', 'full_time'],
    ['employment_type', 'freelance gigs', 'freelance'],
    ['employment_type', 'contract work', 'contract'],
    ['employment_type', "I don't mind, anything", 'open'],
    ['employment_type', 'contract or freelance', 'open'],
    ['hybrid', 'sure', 'yes'],
    ['hybrid', 'no problem', 'yes'],
    ['hybrid', 'not sure', 'maybe'],
    ['hybrid', 'no, only prompts', 'no'],
    ['salary', '$90k', '70k_200k'],
    ['salary', 'around 90,000 dollars', '70k_200k'],
    ['salary', '50k', 'under_70k'],
    ['salary', '$250,000+', 'over_200k'],
    ['salary', '$40 an hour', '70k_200k'],
    ['salary', '$30/h', 'under_70k'],
    ['salary', '120-150k', '70k_200k'],
    ['salary', '$200k', '70k_200k'],
  ])('%s: reads "%s" as %s', (question, text, value) => {
    expect(parseAnswer(rubric, step(question), text)).toBe(value);
  });

  it.each([
    ['coding', 'banana'],
    ['coding', 'yes'],
    ['coding', 'what does a developer do?'],
    ['ai_tools', 'what do you mean?'],
    ['salary', 'as much as possible'],
    ['salary', '50k to 300k'],
    ['salary', 'how much do prompt engineers make?'],
    ['hybrid', 'what is a hybrid role?'],
  ])('%s: stays unsure about "%s" so the options are shown again', (question, text) => {
    expect(parseAnswer(rubric, step(question), text)).toBeUndefined();
  });

  it('still takes numbers, option values and the start of a label', () => {
    expect(parseAnswer(rubric, step('coding'), '2')).toBe('basic');
    expect(parseAnswer(rubric, step('salary'), 'over_200k')).toBe('over_200k');
    expect(parseAnswer(rubric, step('portfolio'), 'a few')).toBe('some');
  });
});
