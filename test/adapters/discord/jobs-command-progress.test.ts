/**
 * Issue 10, item 9: Discord's `/jobs` defers privately and shows a collecting note while it reads the boards,
 * then edits the digest in. One source hangs until its timeout, so the collection reliably takes a moment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadJobSources } from '../../../src/jobs/sources-file.ts';
import { type JobBoardsFake, startJobBoardsFake, writeSourcesFile } from '../../harness/job-boards-fake.ts';
import { tempDir } from '../../helpers/context.ts';
import { type DiscordRig, startDiscordRig } from '../../helpers/discord.ts';
import { SLOW_SOURCES } from '../../helpers/jobs.ts';

const { dir, cleanup } = tempDir();
let boards: JobBoardsFake;
let rig: DiscordRig;
const EPHEMERAL = 64;

beforeAll(async () => {
  boards = await startJobBoardsFake();
  const jobSources = loadJobSources(writeSourcesFile(dir, boards, SLOW_SOURCES));
  rig = await startDiscordRig({ jobSources });
});
afterAll(async () => {
  await rig?.stop();
  await boards.close();
  cleanup();
});

describe('issue 10: /jobs on Discord while the boards are read', () => {
  it('defers privately, shows the collecting note, then edits the digest in', async () => {
    const interaction = rig.fake.sendInteraction(rig.fake.chatInput({ name: 'jobs', options: { action: 'digest' } }));
    const callback = await rig.fake.waitForCall({
      method: 'POST',
      route: new RegExp(`^/interactions/${interaction.id}/`),
    });
    expect(callback.body).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    await expect
      .poll(() => rig.fake.callsTo('PATCH', /\/messages\/@original$/).map((c) => JSON.stringify(c.body)), {
        timeout: 10_000,
      })
      .toEqual([
        expect.stringMatching(/Collecting this week’s openings/),
        expect.stringMatching(/open roles at \d+ companies/),
      ]);
  });
});
