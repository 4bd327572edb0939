/** Core tests of weekly delivery: catch-up, exactly once, recovery after a crash, gone channels, edits. */
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { createJobs } from '../../src/jobs/jobs.ts';
import type { ChannelRef } from '../../src/ports.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import { captureLogger, realKnowledge } from '../helpers/context.ts';
import { memoryPublisher } from '../helpers/jobs.ts';

const channel: ChannelRef = { platform: 'test', channelId: 'C1', workspaceId: 'T1', name: 'jobs' };
const stores: Store[] = [];
afterEach(async () => {
  for (const s of stores.splice(0)) await s.close();
});

/** One "process": its own jobs wiring over a shared store and a settable clock. */
async function replica(store: Store, clock: { now: Date }, env: Record<string, string> = {}) {
  const { logger, lines } = captureLogger();
  const { kb, router } = realKnowledge();
  const ctx = await createContext(loadConfig({ JOBS_SCHEDULE: '0 9 * * 1', TZ: 'Europe/London', ...env }), logger, {
    kb,
    router,
    store,
    clock: () => clock.now,
  });
  return { jobs: createJobs(ctx, { sources: [] }), lines };
}

async function setup() {
  const { logger } = captureLogger();
  const store = await createStore({ dataDir: ':memory:', logger });
  stores.push(store);
  const clock = { now: new Date('2026-11-18T12:00:00Z') };
  const publisher = memoryPublisher();
  const a = await replica(store, clock);
  await a.jobs.desk.subscribe(channel, 'U1');
  return { store, clock, publisher, a };
}

describe('weekly digest delivery', () => {
  it('catches up a missed Monday post once when the bot comes back, and not again after a restart', async () => {
    const { store, clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T15:30:00Z');
    const scheduler = a.jobs.scheduler([publisher]);
    expect(await scheduler.run()).toMatchObject({ posted: 1 });
    await scheduler.stop();
    const b = await replica(store, clock);
    const restarted = b.jobs.scheduler([publisher]);
    expect(await restarted.run()).toEqual({ skipped: 1 });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.posts[0]?.marker).toBe('careerbot jobs digest 2026-W48');
    expect(publisher.posts[0]?.reply.title).toContain('2026-W48');
    const status = await b.jobs.desk.status(channel);
    expect(status.body).toMatch(/Last post: week 2026-W48/);
  });

  it('does not post to a channel subscribed after this week’s scheduled time until the next one', async () => {
    const { clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T15:30:00Z');
    await a.jobs.desk.subscribe({ ...channel, channelId: 'C2' }, 'U2');
    await a.jobs.scheduler([publisher]).run();
    expect(publisher.posts.map((p) => p.channelId)).toEqual(['C1']);
    clock.now = new Date('2026-11-30T09:00:00Z');
    await a.jobs.scheduler([publisher]).run();
    expect(publisher.posts.map((p) => p.channelId).sort()).toEqual(['C1', 'C1', 'C2']);
  });

  it('posts once when two replicas run the same week at the same moment', async () => {
    const { store, clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T09:00:00Z');
    const b = await replica(store, clock);
    const results = await Promise.all([a.jobs.scheduler([publisher]).run(), b.jobs.scheduler([publisher]).run()]);
    expect(publisher.posts).toHaveLength(1);
    expect(results.map((r) => (r.posted ?? 0) + (r.busy ?? 0) + (r.skipped ?? 0))).toEqual([1, 1]);
  });

  it('after a crash between sending and recording, finds the post on the platform instead of posting again', async () => {
    const { clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T09:00:00Z');
    const real = publisher.publish.bind(publisher);
    // The platform stores the message, but the answer never reaches the bot.
    publisher.publish = async (...args) => {
      await real(...args);
      throw new Error('socket hang up');
    };
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ failed: 1 });
    publisher.publish = real;
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ recovered: 1 });
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ skipped: 1 });
    expect(publisher.posts).toHaveLength(1);
  });

  it('retries a failed post on the next run and then posts it once', async () => {
    const { clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T09:00:00Z');
    publisher.failTimes(1);
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ failed: 1 });
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ posted: 1 });
    expect(publisher.posts).toHaveLength(1);
  });

  it('edits the week’s post when the schedule runs again in the same week', async () => {
    const { store, clock, publisher } = await setup();
    const twice = await replica(store, clock, { JOBS_SCHEDULE: '0 9 * * 1,4' });
    clock.now = new Date('2026-11-23T09:00:00Z');
    expect(await twice.jobs.scheduler([publisher]).run()).toEqual({ posted: 1 });
    clock.now = new Date('2026-11-26T09:00:00Z');
    expect(await twice.jobs.scheduler([publisher]).run()).toEqual({ edited: 1 });
    expect(publisher.posts).toHaveLength(1);
    expect(publisher.posts[0]?.edits).toBe(1);
  });

  it('posts the week again when the earlier post was deleted before a second run in the same week', async () => {
    const { store, clock, publisher } = await setup();
    const twice = await replica(store, clock, { JOBS_SCHEDULE: '0 9 * * 1,4' });
    clock.now = new Date('2026-11-23T09:00:00Z');
    await twice.jobs.scheduler([publisher]).run();
    publisher.posts.splice(0);
    clock.now = new Date('2026-11-26T09:00:00Z');
    expect(await twice.jobs.scheduler([publisher]).run()).toEqual({ posted: 1 });
    expect(publisher.posts).toHaveLength(1);
  });

  it('pauses a channel that is gone, reports it, skips it afterwards, and resumes on re-subscribe', async () => {
    const { clock, publisher, a } = await setup();
    clock.now = new Date('2026-11-23T09:00:00Z');
    publisher.gone.set('C1', 'archived');
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ gone: 1 });
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({});
    expect((await a.jobs.desk.status(channel)).body).toMatch(/paused: the channel is archived/);
    publisher.gone.delete('C1');
    const again = await a.jobs.desk.subscribe(channel, 'U1');
    expect(again.body).toMatch(/back on/);
    clock.now = new Date('2026-11-30T09:00:00Z');
    expect(await a.jobs.scheduler([publisher]).run()).toEqual({ posted: 1 });
  });

  it('answers subscribe, unsubscribe and status with the schedule and the next post time', async () => {
    const { a } = await setup();
    expect((await a.jobs.desk.subscribe(channel, 'U1')).title).toBe('Already subscribed');
    const status = await a.jobs.desk.status(channel);
    expect(status.body).toContain('`0 9 * * 1` in Europe/London; next post Mon 23 Nov 2026, 09:00');
    expect((await a.jobs.desk.unsubscribe(channel, 'U1')).title).toBe('Unsubscribed');
    expect((await a.jobs.desk.unsubscribe(channel, 'U1')).title).toBe('Not subscribed');
    expect(await a.jobs.subscriptions.list()).toEqual([]);
  });
});
