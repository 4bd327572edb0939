import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.ts';
import { MIDDLING_PROFILE } from '../fixtures/viability-answers.ts';
import { captureLogger, createTestBot, message, tempDir } from '../helpers/context.ts';
import { refuseWrites } from '../helpers/failing-sqlite.ts';

const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A bot on a real SQLite store in a temp folder, and that store's file for fault injection. */
async function botOnDisk() {
  const { dir, cleanup } = tempDir();
  const store = await createStore({ dataDir: dir, logger: captureLogger().logger });
  cleanups.push(cleanup, () => store.close());
  const { bot } = await createTestBot({ store });
  return { bot, file: join(dir, 'careerbot.sqlite') };
}

const dm = { kind: 'direct' as const, conversation: { id: 'D1' } };

describe('viability check in chat when the store cannot save', () => {
  it('issue 10: an answer that cannot be saved is reported and the same question asked again; the retry counts', async () => {
    const { bot, file } = await botOnDisk();
    await bot.handle(message('/viability', dm));
    expect((await bot.handle(message('1', dm))).title).toMatch(/question 2 of 6/);

    const restore = refuseWrites(file, '%questionnaire:%');
    const failed = await bot.handle(message('rarely', dm));
    expect(failed.body).toMatch(/couldn't save that answer, please try again/i);
    expect(failed.title).toMatch(/question 2 of 6/);
    restore();

    // The retry answers question 2 (not question 3, and not a new question for the router).
    expect((await bot.handle(message('rarely', dm))).title).toMatch(/question 3 of 6/);
    for (const answer of ['1', '1', '3']) await bot.handle(message(answer, dm));
    expect((await bot.handle(message('3', dm))).kind).toBe('viability');
  });

  it('issue 10: /viability that cannot be saved says so instead of asking question 1', async () => {
    const { bot, file } = await botOnDisk();
    cleanups.push(refuseWrites(file, '%questionnaire:%'));
    const reply = await bot.handle(message('/viability', dm));
    expect(reply.title).not.toMatch(/question 1/);
    expect(`${reply.title} ${reply.body}`).toMatch(/couldn't start the viability check/i);
  });

  it('issue 10: a scored result that cannot be saved is shown with a note that it was not kept', async () => {
    const { bot, file } = await botOnDisk();
    cleanups.push(refuseWrites(file, '%viability:%'));
    const outcome = await bot.submitViability({ platform: 'test', id: 'U1' }, MIDDLING_PROFILE);
    if (!outcome.ok) throw new Error('the profile should be valid');
    const { reply } = outcome;
    expect(reply.kind).toBe('viability');
    expect(reply.footer).toMatch(/couldn't save this result/i);
  });

  it('a saved result has no such note', async () => {
    const { bot } = await botOnDisk();
    const outcome = await bot.submitViability({ platform: 'test', id: 'U1' }, MIDDLING_PROFILE);
    if (!outcome.ok) throw new Error('the profile should be valid');
    expect(outcome.reply.footer ?? '').not.toMatch(/couldn't save/i);
  });
});
