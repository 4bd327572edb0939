/**
 * Issue 10, item 9: a collection that reached no job board must not poison the hours after it. Real fetches
 * against the job-boards fake; "the network" is a switch between a source list whose every route fails and one
 * that answers, so the same process sees the boards go away and come back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { collectPostings } from '../../src/jobs/collect.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import { weekKey } from '../../src/jobs/market.ts';
import { type JobSource, loadJobSources } from '../../src/jobs/sources-file.ts';
import { isoWeek } from '../../src/jobs/week.ts';
import { plainLiterals } from '../../src/literal.ts';
import type { ChannelRef } from '../../src/ports.ts';
import { createStore } from '../../src/store/store.ts';
import {
  FIXTURE_NOW,
  FIXTURE_SOURCES,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { captureLogger, realKnowledge, tempDir } from '../helpers/context.ts';
import { memoryPublisher } from '../helpers/jobs.ts';

const { dir, cleanup } = tempDir();
let boards: JobBoardsFake;
let online: JobSource[];
let offline: JobSource[];

beforeAll(async () => {
  boards = await startJobBoardsFake();
  online = loadJobSources(writeSourcesFile(dir, boards, FIXTURE_SOURCES, 'online.yaml'));
  const down = FIXTURE_SOURCES.map((s) => ({ ...s, fail: '500' as const }));
  offline = loadJobSources(writeSourcesFile(dir, boards, down, 'offline.yaml'));
});
afterAll(async () => {
  await boards.close();
  cleanup();
});

/** Jobs wiring over a fresh store whose collections go through `network.up` to the answering or failing list. */
async function rig() {
  const { logger, lines } = captureLogger();
  const store = await createStore({ dataDir: ':memory:', logger });
  const clock = { now: FIXTURE_NOW };
  const network = { up: false, collections: 0 };
  const { kb, router } = realKnowledge();
  const config = loadConfig({ JOBS_SCHEDULE: '0 9 * * 1', TZ: 'UTC' });
  const ctx = await createContext(config, logger, { kb, router, store, clock: () => clock.now });
  const jobs = createJobs(ctx, {
    sources: online,
    collect: (now) => {
      network.collections += 1;
      return collectPostings(network.up ? online : offline, { now, logger, retry: { limit: 0 } });
    },
  });
  return { jobs, store, clock, network, lines };
}

const HOUR = 60 * 60 * 1000;

describe('issue 10: an offline collection', () => {
  it('is not cached: /jobs says the boards are unreachable, then collects again once they are back', async () => {
    const { jobs, clock, network } = await rig();
    expect((await jobs.desk.digest()).title).toBe('The job boards could not be reached');
    network.up = true;
    clock.now = new Date(FIXTURE_NOW.getTime() + 5 * 60_000);
    const reply = await jobs.desk.digest();
    expect(reply.title).toMatch(/AI-interaction jobs, week 2026-W48/);
    expect(reply.body).toMatch(/open roles at [1-9]\d* companies/);
    expect(network.collections).toBe(2);
  });

  it("is not saved as the week's snapshot, so next week compares against the last real one", async () => {
    const { jobs, store, clock, network } = await rig();
    await jobs.market.build(clock.now);
    expect(await store.get(weekKey(isoWeek(clock.now, 'UTC').label))).toBeUndefined();
    network.up = true;
    clock.now = new Date(FIXTURE_NOW.getTime() + 7 * 24 * HOUR);
    const { stats } = await jobs.market.build(clock.now);
    expect(stats.previousWeek).toBeNull();
    expect(stats.changes).toEqual([]);
  });

  it('is not posted to subscribed channels; the next run posts the real digest', async () => {
    const { jobs, clock, network, lines } = await rig();
    const channel: ChannelRef = { platform: 'test', channelId: 'C1' };
    await jobs.subscriptions.put({
      channel,
      by: 'U1',
      at: new Date(FIXTURE_NOW.getTime() - 8 * 24 * HOUR).toISOString(),
    });
    const publisher = memoryPublisher();
    const scheduler = jobs.scheduler([publisher]);
    expect(await scheduler.run()).toEqual({});
    expect(publisher.posts).toHaveLength(0);
    expect(lines.join('')).toMatch(/jobs digest not posted: no job source answered/);
    network.up = true;
    clock.now = new Date(FIXTURE_NOW.getTime() + 15 * 60_000);
    expect(await scheduler.run()).toMatchObject({ posted: 1 });
    expect(publisher.posts[0]?.reply.body).toMatch(/open roles at [1-9]\d* companies/);
    await scheduler.stop();
  });
});

describe('issue 10: a reused collection', () => {
  it('says how old it is, and /jobs shows the collecting note only when it reads the boards', async () => {
    const { jobs, clock, network } = await rig();
    network.up = true;
    const notes: string[] = [];
    const first = await jobs.desk.digest({ onCollecting: (note) => notes.push(note) });
    expect(plainLiterals(first.footer ?? '')).not.toMatch(/collected/);
    expect(notes).toEqual(['Collecting this week’s openings…']);
    clock.now = new Date(FIXTURE_NOW.getTime() + 2 * HOUR + 5 * 60_000);
    const again = await jobs.desk.digest({ onCollecting: (note) => notes.push(note) });
    expect(plainLiterals(again.footer ?? '')).toMatch(/figures collected 2 h ago/);
    expect(notes).toHaveLength(1);
    expect(network.collections).toBe(1);
  });

  it('credits Remotive and Himalayas in the footer only when their listings are shown', async () => {
    const { jobs, network } = await rig();
    network.up = true;
    const { reply, notable } = await jobs.market.build(FIXTURE_NOW);
    const shown = new Set(notable.map((n) => n.sourceType));
    const footer = plainLiterals(reply.footer ?? '');
    expect(footer.includes('Remotive')).toBe(shown.has('remotive'));
    expect(footer.includes('Himalayas')).toBe(shown.has('himalayas'));
  });
});
