import { describe, expect, it, vi } from 'vitest';
import { classifyTitle, cleanTitle, FAMILY_LABELS, hasAiContext, hasAiTag } from '../../src/jobs/families.ts';
import { type FamilyId, ROLE_FAMILIES } from '../../src/jobs/posting.ts';

describe('classifyTitle on titles that name the work', () => {
  const cases: [string, FamilyId[]][] = [
    ['Prompt Engineer', ['prompt_engineering']],
    ['Senior Prompt Engineering Lead', ['prompt_engineering']],
    ['Prompt Writer (Contract)', ['prompt_engineering']],
    ['AI Tutor - Chinese', ['ai_training']],
    ['Generalist AI Trainer', ['ai_training']],
    ['Video Tutor', ['ai_training']],
    ['Coding Trainer, Python', ['ai_training']],
    ['Data Annotation Specialist', ['ai_training']],
    ['RLHF Specialist', ['ai_training']],
    ['Human Data Operations Lead', ['ai_training']],
    ['AI Writing Specialist', ['ai_training', 'ai_content']],
    ['LLM Evaluator', ['llm_evaluation']],
    ['Model Evaluation Specialist', ['llm_evaluation']],
    ['Search Quality Rater', ['llm_evaluation']],
    ['AI Red Teaming Specialist', ['llm_evaluation']],
    ['Conversation Designer', ['conversation_design']],
    ['Conversational AI Designer', ['conversation_design']],
    ['Dialogue Designer', ['conversation_design']],
    ['VUI Designer', ['conversation_design']],
    ['Voice UX Writer', ['conversation_design']],
    ['Chatbot Writer', ['conversation_design']],
    ['AI Content Writer', ['ai_content']],
    ['Content Strategist, Generative AI', ['ai_content']],
    ['AI Operations Analyst', ['adjacent']],
    ['AI Enablement Manager', ['adjacent']],
    ['GenAI Specialist', ['adjacent']],
    ['<strong>Prompt</strong> Engineer', ['prompt_engineering']],
  ];
  it.each(cases)('%s → %j', (title, families) => {
    expect(classifyTitle(title)).toEqual(families);
  });
});

describe('classifyTitle on titles out of scope', () => {
  it.each([
    'Machine Learning Engineer',
    'Senior Machine Learning Engineer, Inference',
    'Research Scientist',
    'Research Scientist, Pretraining',
    'Research Engineer, Model Training',
    'Software Engineer',
    'Data Scientist',
    'Personal Trainer',
    'Fitness Trainer',
    'Sales Trainer',
    'Math Tutor',
    'K-12 Tutor',
    'Content Marketing Manager',
    'Operations Manager',
  ])('%s → []', (title) => {
    expect(classifyTitle(title)).toEqual([]);
  });

  it('keeps fitness and sales trainers out even when the description mentions AI work', () => {
    const context = 'You will help train AI models on exercise form.';
    expect(classifyTitle('Personal Trainer', context)).toEqual([]);
    expect(classifyTitle('Sales Trainer', context)).toEqual([]);
  });
});

describe('generic titles', () => {
  it('count only with AI work in the context', () => {
    expect(classifyTitle('Tutor')).toEqual([]);
    expect(classifyTitle('Tutor', 'Write model answers that help train our AI tutor.')).toEqual(['ai_training']);
    expect(classifyTitle('Annotator', 'Label images for our RLHF pipeline.')).toEqual(['ai_training']);
    expect(classifyTitle('Rater', () => true)).toEqual(['llm_evaluation']);
    expect(classifyTitle('Content Reviewer', () => false)).toEqual([]);
  });

  it('do not count at a company that merely uses AI', () => {
    expect(classifyTitle('Trainer', 'Our AI-powered platform helps clinics. You will onboard new staff.')).toEqual([]);
  });

  it('count when the title itself names AI, without reading the context', () => {
    const context = vi.fn(() => '');
    expect(classifyTitle('Freelance AI Rater', context)).toEqual(['llm_evaluation']);
    expect(context).not.toHaveBeenCalled();
  });

  it('read the context lazily: never for direct or out-of-scope titles, once for a generic one', () => {
    const context = vi.fn(() => 'rate chatbot answers');
    classifyTitle('Prompt Engineer', context);
    classifyTitle('Backend Engineer', context);
    expect(context).not.toHaveBeenCalled();
    expect(classifyTitle('Evaluator', context)).toEqual(['llm_evaluation']);
    expect(context).toHaveBeenCalledTimes(1);
  });
});

describe('AI context helpers', () => {
  it('recognise training and rating work, not passing mentions', () => {
    expect(hasAiContext('You will rate responses from large language models.')).toBe(true);
    expect(hasAiContext('Experience with model evaluation is a plus.')).toBe(true);
    expect(hasAiContext('We are an AI-first company. You will coach new sales staff.')).toBe(false);
  });

  it('read source tags and categories', () => {
    expect(hasAiTag(['content moderation', 'AI/ML'])).toBe(true);
    expect(hasAiTag(['AI-Evaluator'])).toBe(true);
    expect(hasAiTag(['Human Data'])).toBe(true);
    expect(hasAiTag(['email', 'maintenance', 'training'])).toBe(false);
  });

  it('clean titles into lowercase words', () => {
    expect(cleanTitle('  AI Tutor – Spanish (Remote) ')).toBe('ai tutor spanish remote');
  });
});

describe('FAMILY_LABELS', () => {
  it('labels every family and the adjacent group', () => {
    for (const family of [...ROLE_FAMILIES, 'adjacent'] as const) expect(FAMILY_LABELS[family]).toMatch(/\w/);
  });
});
