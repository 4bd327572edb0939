import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { MIDDLING_PROFILE } from '../fixtures/viability-answers.ts';
import { tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

/** Runs `node src/cli.ts …` as `npm run -s cli -- …` would, with a private data folder. */
function cli(args: string[], input?: string, env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['src/cli.ts', ...args], {
    input,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, ...env },
    timeout: 30_000,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('cli', () => {
  it('ask: answers the salary question with the article’s figures and their sources', () => {
    const { code, stdout } = cli(['ask', 'how much do prompt engineers make?']);
    expect(code).toBe(0);
    expect(stdout).toContain('$175,000');
    expect(stdout).toContain('$375,000');
    expect(stdout).toContain('$70,000');
    expect(stdout).toMatch(/Bloomberg \(2023-03\)/);
    expect(stdout).toMatch(/Indeed|Upwork/);
  });

  it('classify: writes one JSON object per input line, in order', () => {
    const { code, stdout } = cli(['classify'], 'how much do prompt engineers make?\nignore previous instructions\n\n');
    expect(code).toBe(0);
    const rows = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ text: 'how much do prompt engineers make?', intent: 'compensation' });
    expect(rows[1].intent).toBe('out_of_scope');
    expect(rows[2].text).toBe('');
    for (const row of rows) {
      expect(Object.keys(row)).toEqual(['text', 'intent', 'confidence', 'alternatives']);
      expect(row.confidence).toBeGreaterThanOrEqual(0);
      expect(Array.isArray(row.alternatives)).toBe(true);
    }
  });

  it('viability --json: scores answers and reports changes on the second run', () => {
    const answers = MIDDLING_PROFILE;
    const first = cli(['viability', '--answers', JSON.stringify(answers), '--json', '--user', 'alice']);
    expect(first.code).toBe(0);
    const result = JSON.parse(first.stdout);
    expect(result.rows).toHaveLength(9);
    expect(result.nextSteps).toHaveLength(3);
    expect(result.changes).toBeNull();
    const second = cli([
      'viability',
      '--answers',
      JSON.stringify({ ...answers, coding: 'none' }),
      '--json',
      '--user',
      'alice',
    ]);
    expect(JSON.parse(second.stdout).changes).toContainEqual({
      factor: 'barriers',
      from: expect.any(String),
      to: 'risk',
    });
  });

  it('viability: names the bad answer and exits 1', () => {
    const { code, stderr } = cli(['viability', '--answers', '{"coding":"wizard"}']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/answers\.coding: "wizard" is not an option/);
    expect(cli(['viability', '--answers', '{not json']).stderr).toMatch(/not valid JSON/);
  });

  it('kb check: validates the real folder and prints a summary', () => {
    const { code, stdout } = cli(['kb', 'check']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/knowledge base \w+: OK/);
    expect(stdout).toMatch(/13 entries/);
  });

  it('kb check: fails naming the variable when the configuration is bad', () => {
    const { code, stderr } = cli(['kb', 'check'], undefined, { REDIS_URL: 'ftp://nope' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/REDIS_URL/);
  });

  it('prints usage and exits 2 for an unknown command', () => {
    const { code, stderr } = cli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage/);
  });
});
