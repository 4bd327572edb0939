import type { InputBlock, KnownBlock } from '@slack/types';
import { describe, expect, it } from 'vitest';
import {
  ACTION_ASK,
  ACTION_SHARE,
  ACTION_VIABILITY,
  chunkText,
  escapeMrkdwn,
  readButtonValue,
  renderReply,
} from '../../../adapters/slack/render.ts';
import { homeView, readViabilityState, viabilityModal } from '../../../adapters/slack/render-views.ts';
import { answerReply } from '../../../src/answers/compose.ts';
import { loadKnowledge } from '../../../src/knowledge/loader.ts';
import type { Reply, ReplyFact } from '../../../src/ports.ts';
import { viabilityReply } from '../../../src/viability/render.ts';
import { scoreViability } from '../../../src/viability/score.ts';
import { STRONG_PROFILE } from '../../fixtures/viability-answers.ts';
import { createTestBot } from '../../helpers/context.ts';

const kb = loadKnowledge('knowledge');
const answers = STRONG_PROFILE;

/** Every displayed string under a `text` key, at any depth (button values are not shown, so skipped). */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'text' && typeof value === 'string' ? [value] : texts(value),
  );
}

/** Asserts Slack's hard limits on a message's blocks. */
function expectWithinLimits(blocks: KnownBlock[]): void {
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') expect(block.text?.text.length).toBeLessThanOrEqual(3000);
    if (block.type === 'context') {
      expect(block.elements.length).toBeLessThanOrEqual(10);
      for (const el of block.elements) if ('text' in el) expect(el.text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'actions') {
      const ids = block.elements.map((el) => ('action_id' in el ? el.action_id : undefined));
      expect(new Set(ids).size).toBe(ids.length);
      for (const el of block.elements) {
        if (el.type !== 'button') continue;
        expect(el.text.text.length).toBeLessThanOrEqual(75);
        expect(el.value?.length ?? 0).toBeLessThanOrEqual(2000);
      }
    }
  }
}

const actionsOf = (blocks: KnownBlock[]) => blocks.filter((b) => b.type === 'actions');

describe('renderReply', () => {
  it('renders a normal answer as header, body, facts with source and date, advice, buttons and footer', () => {
    const reply = answerReply(kb, 'compensation');
    const { text, blocks } = renderReply(reply, { share: true, question: 'what do prompt engineers earn?' });
    expectWithinLimits(blocks);
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      ...reply.facts.map(() => 'context'),
      'section',
      'actions',
      'context',
    ]);
    const [first] = reply.facts;
    const factBlock = blocks[2];
    expect(factBlock?.type === 'context' && texts(factBlock).join('\n')).toContain(`*${first?.figure}*`);
    expect(texts(factBlock).join('\n')).toMatch(new RegExp(`Source: .*${first?.source}.* · as of ${first?.asOf}`));
    expect(texts(blocks).join('\n')).toContain('*What to do*');
    const buttons = actionsOf(blocks)[0]?.elements ?? [];
    expect(buttons.map((b) => ('action_id' in b ? b.action_id : ''))).toEqual([
      ...reply.choices.map((_, i) => `${ACTION_ASK}_${i}`),
      ACTION_SHARE,
    ]);
    const ask = buttons[0];
    expect(ask?.type === 'button' && readButtonValue(ask.value)?.q).toBe(reply.choices[0]?.question);
    const share = buttons.at(-1);
    expect(share?.type === 'button' && share.value).toBe('what do prompt engineers earn?');
    expect(text).toContain(reply.title.toUpperCase());
  });

  it('links a fact source only when it has a URL', () => {
    const fact: ReplyFact = { ref: 'a/b', text: 't', figure: '42%', source: 'Survey', asOf: '2023-06' };
    const reply: Reply = { ...answerReply(kb, 'demand'), facts: [{ ...fact, sourceUrl: 'https://x.test/a' }, fact] };
    const joined = texts(renderReply(reply).blocks).join('\n');
    expect(joined).toContain('Source: <https://x.test/a|Survey> · as of 2023-06');
    expect(joined).toContain('Source: Survey · as of 2023-06');
  });

  it('splits a 10,000-character body into sections of at most 3,000 without cutting words', () => {
    const words = Array.from({ length: 1700 }, (_, i) => `word${i}`);
    const body = words.join(' ');
    expect(body.length).toBeGreaterThan(10_000);
    const { text, blocks } = renderReply({ ...answerReply(kb, 'compensation'), body });
    expectWithinLimits(blocks);
    const bodySections = blocks.slice(1).filter((b) => b.type === 'section' && b.text?.text.startsWith('word'));
    expect(bodySections.length).toBeGreaterThanOrEqual(4);
    expect(texts(bodySections).join(' ').split(' ')).toEqual(words);
    expect(text.length).toBeLessThanOrEqual(3000);
  });

  it('keeps a reply with 40 facts within 50 blocks, with header, body and buttons', () => {
    const base = answerReply(kb, 'compensation');
    const facts = Array.from({ length: 40 }, (_, i) => ({ ...(base.facts[0] as ReplyFact), figure: `fact ${i}` }));
    const advice = Array.from({ length: 30 }, (_, i) => `${'Do the thing. '.repeat(150)} ${i}`);
    const { blocks } = renderReply({ ...base, facts, advice }, { share: true, question: 'pay?' });
    expectWithinLimits(blocks);
    expect(blocks[0]?.type).toBe('header');
    expect(texts(blocks[1])).toEqual([base.body]);
    expect(actionsOf(blocks)[0]?.elements).toHaveLength(base.choices.length + 1);
    expect(texts(blocks).join('\n')).toContain('*fact 0*');
  });

  it('cuts a body too long for 50 blocks and still keeps the buttons', () => {
    const body = Array.from({ length: 60 }, () => 'x '.repeat(1400)).join('\n\n');
    const { blocks } = renderReply({ ...answerReply(kb, 'compensation'), body });
    expectWithinLimits(blocks);
    expect(blocks.length).toBe(50);
    expect(actionsOf(blocks)).toHaveLength(1);
  });

  it('trims a header over 150, button labels over 75 and button values over 2,000', () => {
    const reply = answerReply(kb, 'compensation');
    const long = {
      ...reply,
      title: 'T'.repeat(200),
      choices: [{ label: 'L'.repeat(100), question: '"q'.repeat(2000) }],
    };
    const { blocks } = renderReply(long, { share: true, question: 'why '.repeat(1000) });
    expectWithinLimits(blocks);
    const header = blocks[0];
    expect(header?.type === 'header' && header.text.text).toMatch(/^T{149}…$/);
    const button = actionsOf(blocks)[0]?.elements[0];
    expect(button?.type === 'button' && button.text.text).toMatch(/^L{74}…$/);
  });

  it('never shows user-looking mention markup unescaped, in any block or the fallback', () => {
    const evil = 'Hi <!channel> and @everyone, ping <@U123> @here <!subteam^S1> & <#C1>';
    const fact: ReplyFact = { ref: 'a/b', text: evil, figure: evil, source: evil, asOf: '2023' };
    const reply: Reply = {
      kind: 'clarify',
      title: evil,
      body: evil,
      facts: [fact],
      advice: [evil],
      choices: [{ label: evil, question: evil }],
      entryIds: [],
      footer: evil,
    };
    const { text, blocks } = renderReply(reply, { share: true, question: evil });
    for (const shown of [...texts(blocks), text]) {
      expect(shown).not.toMatch(/<[!@#]/);
      expect(shown).not.toMatch(/@(everyone|here|channel)/);
    }
    expect(escapeMrkdwn('a & b <c>')).toBe('a &amp; b &lt;c&gt;');
    const button = actionsOf(blocks)[0]?.elements[0];
    expect(button?.type === 'button' && button.style).toBe('primary');
  });

  it('renders a viability scorecard as nine factor lines with emoji and next steps', () => {
    const result = scoreViability(kb, answers, new Date('2025-01-02T00:00:00Z'));
    const { blocks } = renderReply(viabilityReply(kb, result));
    expectWithinLimits(blocks);
    const lines = texts(blocks).filter((t) => /^:(large_green_circle|large_yellow_circle|red_circle): \*/.test(t));
    expect(lines).toHaveLength(9);
    expect(lines[0]).toMatch(/ — (favourable|mixed|risk)\n.+ _\(.+, \d{4}(-\d{2})?(-\d{2})?\)_$/);
    expect(texts(blocks).join('\n')).toContain('*Next steps*');
  });

  it('marks a factor whose rating changed since the last check', () => {
    const before = scoreViability(kb, { ...answers, employment_type: 'full_time', coding: 'none' }, new Date());
    const after = scoreViability(kb, answers, new Date(), before);
    const joined = texts(renderReply(viabilityReply(kb, after, before)).blocks).join('\n');
    expect(joined).toMatch(/^:large_green_circle: \*Full-time[^*]*\* — favourable \(was risk\)$/m);
  });
});

describe('chunkText', () => {
  it('prefers paragraph boundaries and never exceeds the maximum', () => {
    expect(chunkText(`${'a'.repeat(60)}\n\n${'b'.repeat(60)}`, 100)).toEqual(['a'.repeat(60), 'b'.repeat(60)]);
    expect(chunkText('x'.repeat(250), 100).map((c) => c.length)).toEqual([100, 100, 50]);
    expect(chunkText('short')).toEqual(['short']);
  });
});

describe('viabilityModal', () => {
  it('has one required input per question, radio buttons or a select, and optional DM delivery', () => {
    const view = viabilityModal(kb.rubric.questions, { privateMetadata: '{"c":"C1"}', initial: { coding: 'basic' } });
    expect(view.title.text).toBe('Viability check');
    expect(view.private_metadata).toBe('{"c":"C1"}');
    const inputs = view.blocks.filter((b): b is InputBlock => b.type === 'input');
    const questions = inputs.filter((b) => b.block_id?.startsWith('q_'));
    expect(questions).toHaveLength(6);
    for (const [i, q] of kb.rubric.questions.entries()) {
      const block = questions[i];
      expect(block?.block_id).toBe(`q_${q.id}`);
      expect(block?.element.action_id).toBe('answer');
      expect(block?.element.type).toBe(q.options.length <= 3 ? 'radio_buttons' : 'static_select');
      expect(block?.optional).toBeFalsy();
    }
    expect(questions.some((b) => b.element.type === 'static_select')).toBe(true);
    const coding = questions[0]?.element;
    expect(coding && 'initial_option' in coding && coding.initial_option?.value).toBe('basic');
    const delivery = inputs.find((b) => b.block_id === 'delivery');
    expect(delivery?.optional).toBe(true);
    expect(delivery?.element.type).toBe('checkboxes');
    expect(delivery?.element.type === 'checkboxes' && delivery.element.options[0]?.value).toBe('dm');
  });
});

describe('readViabilityState', () => {
  const selected = (value: string) => ({ answer: { type: 'radio_buttons', selected_option: { value } } });
  /** The form read back with the core's verdict on its answers, as the modal's submit listener does. */
  async function readChecked(values: Parameters<typeof readViabilityState>[0]) {
    const { bot } = await createTestBot();
    const checked = await bot.submitViability({ platform: 'slack', id: 'U1' }, readViabilityState(values).answers);
    return readViabilityState(values, checked.ok ? [] : checked.problems);
  }

  it('returns the answers and the DM choice for a complete form', async () => {
    const values = {
      ...Object.fromEntries(Object.entries(answers).map(([id, v]) => [`q_${id}`, selected(v)])),
      delivery: { answer: { type: 'checkboxes', selected_options: [{ value: 'dm' }] } },
    };
    expect(await readChecked(values)).toEqual({ answers, sendDm: true, errors: {} });
  });

  it('names each missing or unknown answer by block id', async () => {
    const values = {
      q_coding: selected('wizard'),
      q_ai_tools: { answer: { type: 'radio_buttons', selected_option: null } },
      q_portfolio: selected('strong'),
    };
    const state = await readChecked(values);
    expect(state.answers).toEqual({ portfolio: 'strong' });
    expect(state.sendDm).toBe(false);
    expect(Object.keys(state.errors).sort()).toEqual(
      ['q_ai_tools', 'q_coding', 'q_employment_type', 'q_hybrid', 'q_salary'].sort(),
    );
    expect(state.errors.q_coding).toMatch(/listed answers/);
  });
});

describe('homeView', () => {
  it('invites a first-time user to run the check', () => {
    const view = homeView({ commands: ['/careers', '/viability'] });
    const joined = texts(view.blocks).join('\n');
    expect(view.type).toBe('home');
    expect(joined).toContain('`/viability`');
    expect(joined).toMatch(/haven't run the viability check/);
    expect(JSON.stringify(view.blocks)).toContain(ACTION_VIABILITY);
  });

  it('summarises the last result with its date and nine ratings', () => {
    const result = scoreViability(kb, answers, new Date('2025-03-04T10:00:00Z'));
    const view = homeView({
      commands: ['/careers'],
      lastResult: { title: result.verdict.title, verdict: result.verdict.text, at: result.at, rows: result.rows },
    });
    const joined = texts(view.blocks).join('\n');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(joined).toContain('2025-03-04');
    expect(joined).toContain(result.verdict.title);
    expect(joined.match(/:(large_green_circle|large_yellow_circle|red_circle): \*/g)).toHaveLength(9);
  });
});

describe('issue 12: notices and notes in Block Kit', () => {
  it('puts the reply notices in one context block right under the header, and a fact note beside its fact', () => {
    const base = answerReply(kb, 'compensation');
    const fact = { ...(base.facts[0] as ReplyFact), note: 'Read with care: one listing only.' };
    const reply: Reply = {
      ...base,
      facts: [fact],
      notices: ['These figures are from 2023; the market has changed since.'],
    };
    const { blocks } = renderReply(reply);
    expectWithinLimits(blocks);
    expect(blocks[1]?.type).toBe('context');
    expect(texts(blocks[1]).join(' ')).toContain('These figures are from 2023; the market has changed since.');
    expect(texts(blocks).join(' ')).toContain('Read with care: one listing only.');
  });
});
