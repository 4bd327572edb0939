/**
 * Issue 10, item 9: Slack's `/jobs` says privately that it is collecting while it reads the boards, then replaces
 * that note with the digest; a digest from a recent collection comes at once, with no note. One source hangs
 * until its timeout, so the collection reliably takes a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJobSources } from '../../../src/jobs/sources-file.ts';
import { type JobBoardsFake, startJobBoardsFake, writeSourcesFile } from '../../harness/job-boards-fake.ts';
import { tempDir } from '../../helpers/context.ts';
import { SLOW_SOURCES } from '../../helpers/jobs.ts';
import { blockText, type SlackRig, startSlackRig } from '../../helpers/slack.ts';

const { dir, cleanup } = tempDir();
let boards: JobBoardsFake;
let rig: SlackRig;

beforeAll(async () => {
  boards = await startJobBoardsFake();
  const jobSources = loadJobSources(writeSourcesFile(dir, boards, SLOW_SOURCES));
  rig = await startSlackRig({ jobSources });
});
afterAll(async () => {
  await rig?.stop();
  await boards.close();
  cleanup();
});

async function jobs(): Promise<string> {
  const res = await rig.fake.sendCommand({ command: '/jobs', text: '' });
  expect(res.status).toBe(200);
  return decodeURIComponent(res.payload.response_url.split('/').pop() ?? '');
}

describe('issue 10: /jobs on Slack while the boards are read', () => {
  it('shows an ephemeral collecting note, then replaces it with the digest', async () => {
    const id = await jobs();
    const digest = await rig.fake.waitForResponse(id, 10_000, (r) => JSON.stringify(r.body).includes('open roles'));
    const responses = rig.fake.responses.filter((r) => r.id === id);
    expect(responses).toHaveLength(2);
    expect(responses[0]?.body).toMatchObject({ response_type: 'ephemeral', text: 'Collecting this week’s openings…' });
    expect(digest.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(blockText(digest.body.blocks)).toMatch(/AI-interaction jobs, week \d{4}-W\d{2}/);
  });

  it('answers from a recent collection at once, with no note to replace', async () => {
    const id = await jobs();
    const digest = await rig.fake.waitForResponse(id, 10_000);
    expect(blockText(digest.body.blocks)).toMatch(/open roles at \d+ companies/);
    expect(digest.body.replace_original).toBeUndefined();
    expect(rig.fake.responses.filter((r) => r.id === id)).toHaveLength(1);
  });
});
