/** `/jobs` through the core: a digest from reachable boards, and a clear answer when none can be reached. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJobSources } from '../../src/jobs/sources-file.ts';
import { plainLiterals } from '../../src/literal.ts';
import {
  FIXTURE_SOURCES,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { createTestBot, message, tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
let boards: JobBoardsFake;
beforeAll(async () => {
  boards = await startJobBoardsFake();
});
afterAll(async () => {
  await boards.close();
  cleanup();
});

describe('/jobs in a chat', () => {
  it('shows the digest built from the reachable boards, naming the one that failed', async () => {
    const file = writeSourcesFile(dir, boards, [...FIXTURE_SOURCES, { type: 'ashby', board: 'vanished' }], 'some.yaml');
    const { bot } = await createTestBot({
      jobSources: loadJobSources(file),
      clock: () => new Date('2026-11-23T09:00:00Z'),
    });
    const reply = await bot.handle(message('/jobs', { kind: 'direct' }));
    expect(reply.title).toBe('AI-interaction jobs, week 2026-W48');
    expect(reply.body).toMatch(/open roles at \d+ companies/);
    expect(plainLiterals(reply.footer ?? '')).toMatch(/5 of 6 sources answered · failed: ashby:vanished \(HTTP 404\)/);
  });

  it('says plainly that no job board could be reached when every source fails', async () => {
    const file = writeSourcesFile(
      dir,
      boards,
      [
        { type: 'greenhouse', board: 'gone-one' },
        { type: 'ashby', board: 'gone-two' },
      ],
      'none.yaml',
    );
    const { bot, lines } = await createTestBot({ jobSources: loadJobSources(file) });
    const reply = await bot.handle(message('/jobs', { kind: 'direct' }));
    expect(reply.title).toBe('The job boards could not be reached');
    expect(plainLiterals(reply.body)).toMatch(/None of the 2 job sources answered just now \(for example: HTTP 404\)/);
    expect(lines.join('')).toMatch(/job collection done with failed sources/);
  });
});
