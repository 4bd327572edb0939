import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreViability } from '../../src/viability/score.ts';
import { VIABILITY_PROFILES } from '../fixtures/viability-profiles.ts';
import { createTestBot, message, realKnowledge, tempDir } from '../helpers/context.ts';

const { kb } = realKnowledge();
const titleOf = (id: string) => kb.rubric.verdicts.find((v) => v.id === id)?.title;
const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('issue 12: ten contrasting profiles get the verdict that fits them', () => {
  it.each(VIABILITY_PROFILES)('$name → $verdict, because $because', ({ answers, verdict }) => {
    expect(scoreViability(kb, answers, new Date('2026-12-01T00:00:00Z')).verdict.id).toBe(verdict);
  });

  it.each(VIABILITY_PROFILES)(
    'in chat, $name answering question by question → $verdict',
    async ({ answers, verdict }) => {
      const { bot } = await createTestBot();
      let reply = await bot.handle(message('/viability'));
      // Each answer is given as its option value, the way a user may type it.
      for (const q of kb.rubric.questions) reply = await bot.handle(message(answers[q.id] ?? ''));
      expect(reply.kind).toBe('viability');
      expect(reply.title).toBe(`Your viability check: ${titleOf(verdict)}`);
    },
  );

  it('from the CLI, no skills but yes to hybrid work is scored high risk in --json', () => {
    const profile = VIABILITY_PROFILES.find((p) => p.name.startsWith('no coding, no AI practice'));
    const run = spawnSync(
      process.execPath,
      ['src/cli.ts', 'viability', '--answers', JSON.stringify(profile?.answers), '--json'],
      { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', DATA_DIR: dir }, timeout: 30_000 },
    );
    expect(run.status).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.verdict.id).toBe('high-risk');
    expect(result.verdict.id).toBe(profile?.verdict);
  });
});
