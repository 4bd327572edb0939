/** `npm start` with no platform token: the console chat as the composition root wires it. */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/context.ts';
import { freePort } from '../helpers/process.ts';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('issue 10: console chat logs', () => {
  it('writes logs to a file under DATA_DIR, says where once, and keeps JSON out of the conversation', async () => {
    // One job board on a loopback port nobody listens on: /jobs fails and logs a warning, as offline.
    const port = await freePort();
    const sources = join(dir, 'job-sources.yaml');
    writeFileSync(
      sources,
      `version: 1\nsources:\n  - type: remotive\n    query: prompt engineer\n    url: http://127.0.0.1:${port}/remote-jobs\n`,
    );
    const run = spawnSync(process.execPath, ['src/main.ts'], {
      input: '/jobs\n/quit\n',
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dir, JOBS_SOURCES: sources },
      timeout: 30_000,
    });
    expect(run.status).toBe(0);
    const shown = `${run.stdout}${run.stderr}`;
    expect(shown).toMatch(/THE JOB BOARDS COULD NOT BE REACHED/);
    expect(shown).not.toMatch(/"level"|"msg"/);
    const logPath = join(dir, 'careerbot.log');
    expect(shown.split(logPath)).toHaveLength(2);
    const logged = readFileSync(logPath, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(logged.some((l) => l.msg === 'job collection done with failed sources')).toBe(true);
  });
});
