/**
 * The command registry and the bot's one entry point (issue 13): commands arrive as fields of the message
 * (never as a `/name …` string an adapter builds), picked choices too, and the viability form has one
 * submission that returns the core's validation problems.
 */
import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, commandInfos, findCommand, jobsAction, parseTypedCommand } from '../src/commands.ts';
import { MIDDLING_PROFILE } from './fixtures/viability-answers.ts';
import { createTestBot, message } from './helpers/context.ts';

const channel = { platform: 'test', channelId: 'C1', workspaceId: 'T1' };

describe('the command registry', () => {
  it('lists every command once, with a description, and the bot publishes them without their code', async () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['careers', 'viability', 'jobs', 'help', 'cancel']);
    expect(COMMANDS.every((c) => c.description.length > 0 && c.description.length <= 100)).toBe(true);
    const { bot } = await createTestBot();
    expect(bot.commands).toEqual(commandInfos());
    expect(bot.commands.some((c) => 'run' in c)).toBe(false);
  });

  it('finds commands by alias and parses typed ones, and leaves plain text alone', () => {
    expect(findCommand('ASK')?.name).toBe('careers');
    expect(findCommand('start')?.name).toBe('help');
    expect(findCommand('nope')).toBeUndefined();
    expect(parseTypedCommand('/careers how much do they make?')).toEqual({
      name: 'careers',
      text: 'how much do they make?',
    });
    expect(parseTypedCommand('how much? /careers')).toBeUndefined();
    expect(jobsAction('')).toBe('digest');
    expect(jobsAction(' Subscribe ')).toBe('subscribe');
    expect(jobsAction('subscrbe please')).toBeUndefined();
  });
});

describe('bot.handle: commands and choices as message fields', () => {
  it('answers a /careers command field like the typed command, in the asker’s own conversation', async () => {
    const { bot } = await createTestBot();
    const field = await bot.handle(
      message('', { kind: 'command', command: { name: 'careers', text: 'how much do prompt engineers make?' } }),
    );
    const typed = await bot.handle(message('/careers how much do prompt engineers make?'));
    expect(field.title).toBe(typed.title);
    expect(field.facts.map((f) => f.ref)).toEqual(typed.facts.map((f) => f.ref));
    expect(field.kind).toBe('answer');
  });

  it('shows help for an empty /careers, for /careers help and for /help', async () => {
    const { bot } = await createTestBot();
    for (const command of [
      { name: 'careers', text: '' },
      { name: 'careers', text: 'help' },
      { name: 'help', text: '' },
    ]) {
      expect((await bot.handle(message('', { command }))).kind).toBe('help');
    }
  });

  it('names the known commands when asked for an unknown one', async () => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message('', { command: { name: 'frobnicate', text: '' } }));
    expect(reply.title).toBe('Unknown command');
    for (const c of COMMANDS) expect(reply.body).toContain(`/${c.name}`);
  });

  it('answers a picked topic directly, without routing its question', async () => {
    const { bot, lines } = await createTestBot();
    const reply = await bot.handle(
      message('(button)', { choice: { label: 'All figures', question: 'All figures on pay', intent: 'compensation' } }),
    );
    expect(reply.entryIds).toContain('compensation');
    expect(lines.some((l) => l.includes('"routed message"'))).toBe(false);
  });

  it('runs a picked command choice and asks a picked plain question', async () => {
    const { bot } = await createTestBot();
    const started = await bot.handle(message('', { choice: { label: 'Start', question: '/viability' } }));
    expect(started.title).toMatch(/question 1 of/i);
    const asked = await bot.handle(
      message('', {
        conversation: { id: 'C2' },
        choice: { label: 'Pay?', question: 'how much do prompt engineers make?' },
      }),
    );
    expect(asked.entryIds).toContain('compensation');
  });

  it('/jobs without a checked channel explains where subscriptions are set up, and never subscribes', async () => {
    const { bot, jobs } = await createTestBot();
    const subscribe = vi.spyOn(jobs.desk, 'subscribe');
    const reply = await bot.handle(message('/jobs subscribe'));
    expect(reply.title).toBe('Subscriptions are set up in a channel');
    expect(subscribe).not.toHaveBeenCalled();
  });

  it('/jobs with the channel an adapter checked subscribes it, by the asker', async () => {
    const { bot, jobs } = await createTestBot();
    const subscribe = vi.spyOn(jobs.desk, 'subscribe');
    await bot.handle(message('', { author: { id: 'U9' }, command: { name: 'jobs', text: 'subscribe', channel } }));
    expect(subscribe).toHaveBeenCalledWith(channel, 'U9');
  });

  it('/jobs with an unknown action shows its usage; a failing desk gives a polite error, not a throw', async () => {
    const { bot, jobs } = await createTestBot();
    const usage = await bot.handle(message('', { command: { name: 'jobs', text: 'subscrbe please', channel } }));
    expect(usage.title).toBe('How to use /jobs');
    expect(usage.body).toContain('/jobs unsubscribe');
    vi.spyOn(jobs.desk, 'status').mockRejectedValueOnce(new Error('store down'));
    const failed = await bot.handle(message('', { command: { name: 'jobs', text: 'status', channel } }));
    expect(failed.kind).toBe('error');
    expect(failed.body).toMatch(/try `\/jobs` again/);
  });

  it('passes the collecting note of a fresh digest to onNote', async () => {
    const { bot, jobs } = await createTestBot();
    vi.spyOn(jobs.desk, 'digest').mockImplementationOnce(async (options) => {
      options?.onCollecting?.('Collecting…');
      return { kind: 'notice', title: 'Digest', body: '', facts: [], advice: [], choices: [], entryIds: ['jobs'] };
    });
    const notes: string[] = [];
    await bot.handle(message('', { command: { name: 'jobs', text: '' } }), { onNote: (n) => notes.push(n) });
    expect(notes).toEqual(['Collecting…']);
  });
});

describe('bot.submitViability: one form submission for every platform', () => {
  it('returns every problem with the answers, and stores nothing', async () => {
    const { bot } = await createTestBot();
    const outcome = await bot.submitViability({ platform: 'test', id: 'U1' }, { coding: 'wizard' });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.find((p) => p.question === 'coding')?.message).toMatch(/"wizard" is not an option/);
    expect(outcome.problems.length).toBe(bot.questionnaire.length);
    expect(await bot.lastViability({ platform: 'test', id: 'U1' })).toBeUndefined();
  });

  it('scores valid answers, keeps the result per user and shows what changed on the next run', async () => {
    const { bot } = await createTestBot();
    const user = { platform: 'test', id: 'U1' };
    const first = await bot.submitViability(user, MIDDLING_PROFILE);
    expect(first.ok && first.reply.kind).toBe('viability');
    expect((await bot.lastViability(user))?.score).toBe(first.ok ? first.result.score : Number.NaN);
    expect(await bot.lastViability({ platform: 'other', id: 'U1' })).toBeUndefined();
    const second = await bot.submitViability(user, MIDDLING_PROFILE);
    expect(second.ok && second.previous?.score).toBe(first.ok ? first.result.score : Number.NaN);
  });

  it('offers the questionnaire the forms show: every question with its options', async () => {
    const { bot } = await createTestBot();
    expect(bot.questionnaire.length).toBeGreaterThanOrEqual(4);
    expect(bot.questionnaire.every((q) => q.options.length >= 2)).toBe(true);
    expect(bot.starters.length).toBeGreaterThan(0);
    expect(bot.knowledgeVersion).toMatch(/\w/);
  });
});

describe('the problems a form shows', () => {
  it('say what kind each is and carry a field-sized sentence, so every platform shows the core’s words', async () => {
    const { bot } = await createTestBot();
    const { coding: _missing, ...rest } = MIDDLING_PROFILE;
    const outcome = await bot.submitViability(
      { platform: 'test', id: 'U2' },
      { ...rest, portfolio: 'wizard', shoe: '42' },
    );
    if (outcome.ok) throw new Error('the answers are invalid');
    const byQuestion = Object.fromEntries(outcome.problems.map((p) => [p.question, p]));
    expect(byQuestion.coding).toMatchObject({ kind: 'missing', hint: 'Please choose an answer.' });
    expect(byQuestion.portfolio).toMatchObject({
      kind: 'not_an_option',
      hint: 'Please choose one of the listed answers.',
    });
    expect(byQuestion.shoe?.kind).toBe('unknown_question');
  });
});
