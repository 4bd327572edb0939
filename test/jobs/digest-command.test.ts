/** `jobs digest` end to end: the real CLI process over recorded boards served by the local fake. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FIXTURE_NOW,
  FIXTURE_PREVIOUS_NOW,
  FIXTURE_SOURCES,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { tempDir } from '../helpers/context.ts';

const run = promisify(execFile);
const { dir, cleanup } = tempDir();
let fake: JobBoardsFake;
let sources: string;

beforeAll(async () => {
  fake = await startJobBoardsFake();
  sources = writeSourcesFile(dir, fake, [...FIXTURE_SOURCES, { type: 'greenhouse', board: 'no-such-board' }]);
});
afterAll(async () => {
  await fake.close();
  cleanup();
});

async function digest(now: Date, json: boolean) {
  const args = ['src/cli.ts', 'jobs', 'digest', '--sources', sources, '--now', now.toISOString()];
  const { stdout } = await run(process.execPath, json ? [...args, '--json'] : args, {
    env: { ...process.env, DATA_DIR: `${dir}/data`, TZ: 'UTC', LOG_LEVEL: 'silent' },
  });
  return stdout;
}

describe('npm run -s cli -- jobs digest', () => {
  it('prints the week as JSON, reports the failed source, and compares with the week before', async () => {
    const first = JSON.parse(await digest(FIXTURE_PREVIOUS_NOW, true));
    expect(first.week).toBe('2026-W47');
    expect(first.changes).toEqual([]);
    const second = JSON.parse(await digest(FIXTURE_NOW, true));
    expect(second).toMatchObject({ week: '2026-W48', previousWeek: '2026-W47' });
    for (const field of ['total', 'new', 'byFamily', 'companies', 'remoteShare', 'salaries', 'sources', 'changes']) {
      expect(second).toHaveProperty(field);
    }
    expect(second.total).toBeGreaterThan(first.total);
    const open = second.changes.find((c: { metric: string }) => c.metric === 'open');
    expect(open).toMatchObject({ current: second.total, previous: first.total, delta: second.total - first.total });
    const failed = second.sources.filter((s: { ok: boolean }) => !s.ok);
    expect(failed).toEqual([{ id: 'greenhouse:no-such-board', ok: false, count: 0, error: 'HTTP 404' }]);
    expect(second.sources.filter((s: { ok: boolean }) => s.ok)).toHaveLength(FIXTURE_SOURCES.length);
    const hourly = second.salaries.find((g: { kind: string }) => g.kind === 'hourly');
    expect(hourly?.n).toBeGreaterThan(0);
  });

  it('prints a readable digest with linked openings, credited aggregators and the failed source', async () => {
    const text = await digest(FIXTURE_NOW, false);
    expect(text).toMatch(/AI-INTERACTION JOBS, WEEK 2026-W48/);
    expect(text).toMatch(/open roles at \d+ companies/);
    expect(text).toMatch(/https?:\/\/\S+/);
    expect(text).toMatch(/failed: greenhouse:no-such-board \(HTTP 404\)/);
    expect(text).toMatch(/3–6 months/);
  });

  it.each([false, true])(
    'issue 10: says in one line that no source answered, prints no digest and exits 1 (--json %s)',
    async (json) => {
      const down = writeSourcesFile(
        dir,
        fake,
        FIXTURE_SOURCES.map((s) => ({ ...s, fail: 'shape' as const })),
        'down.yaml',
      );
      const args = ['src/cli.ts', 'jobs', 'digest', '--sources', down, '--now', FIXTURE_NOW.toISOString()];
      const failure = await run(process.execPath, json ? [...args, '--json'] : args, {
        env: { ...process.env, DATA_DIR: `${dir}/down-data`, TZ: 'UTC', LOG_LEVEL: 'silent' },
      }).then(
        () => undefined,
        (err: { code: number; stdout: string; stderr: string }) => err,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stdout).toBe('');
      expect(failure?.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(
          /^careerbot: none of the 5 job sources answered \(for example greenhouse:northwind: .+\)/,
        ),
      ]);
    },
  );

  it('refuses a --now that is not a date, with exit code 2', async () => {
    await expect(
      run(process.execPath, ['src/cli.ts', 'jobs', 'digest', '--sources', sources, '--now', 'next monday']),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--now "next monday" is not an ISO date/) });
  });
});
