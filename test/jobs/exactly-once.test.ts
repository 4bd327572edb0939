/**
 * Exactly-once weekly delivery across real processes: two replicas of `src/main.ts` sharing one real
 * redis-server, a replica killed mid-post, and restarts, all posting to the fake Slack Web API. The bot
 * was "down" at this week's scheduled time, so every start catches up; only one digest may appear.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSubscriptions } from '../../src/jobs/subscriptions.ts';
import { isoWeek } from '../../src/jobs/week.ts';
import { createStore, type Store } from '../../src/store/store.ts';
import {
  FIXTURE_SOURCES,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { FAKE_IDS, FakeSlack } from '../harness/slack-fake.ts';
import { captureLogger, tempDir } from '../helpers/context.ts';
import { type BotProcess, freePort, spawnBot } from '../helpers/process.ts';
import { type RedisServer, startRedis } from '../helpers/redis-server.ts';

const { dir, cleanup } = tempDir();
let redis: RedisServer;
let slack: FakeSlack;
let boards: JobBoardsFake;
let sources: string;
let store: Store;
const running: BotProcess[] = [];
const channel = { platform: 'slack', channelId: FAKE_IDS.channelId, workspaceId: FAKE_IDS.teamId, name: 'general' };

beforeAll(async () => {
  [redis, slack, boards] = await Promise.all([startRedis(), FakeSlack.start(), startJobBoardsFake()]);
  sources = writeSourcesFile(dir, boards, FIXTURE_SOURCES);
  store = await createStore({ dataDir: ':memory:', redisUrl: redis.url, logger: captureLogger().logger });
});
afterAll(async () => {
  await Promise.all(running.map((p) => p.kill()));
  await store.close();
  await Promise.all([redis.stop(), slack.stop(), boards.close()]);
  cleanup();
});

let db = 0;
/** A clean Redis database per test, with the channel subscribed eight days ago (before this week's run). */
async function freshSubscription(): Promise<string> {
  db += 1;
  const url = `${redis.url}/${db}`;
  const own = await createStore({ dataDir: ':memory:', redisUrl: url, logger: captureLogger().logger });
  const at = new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString();
  await createSubscriptions(own).put({ channel, by: FAKE_IDS.userId, at });
  await own.close();
  return url;
}

async function replica(redisUrl: string): Promise<BotProcess> {
  const bot = spawnBot({
    SLACK_BOT_TOKEN: 'xoxb-replica-test',
    SLACK_SIGNING_SECRET: slack.signingSecret,
    SLACK_API_URL: slack.apiUrl,
    PORT: String(await freePort()),
    REDIS_URL: redisUrl,
    DATA_DIR: `${dir}/data`,
    JOBS_SOURCES: sources,
    JOBS_SCHEDULE: '0 9 * * 1',
    TZ: 'UTC',
    JOBS_LEASE_SECONDS: '2',
    LOG_LEVEL: 'info',
  });
  running.push(bot);
  return bot;
}

const digestPosts = () =>
  slack.callsTo('chat.postMessage').filter((c) => JSON.stringify(c.params.metadata ?? '').includes('careerbot_digest'));
const runDone = (line: Record<string, unknown>) => line.msg === 'jobs digest run' || line.msg === 'jobs schedule';
const outcomeOf = (bot: BotProcess) =>
  bot.waitForLog((l) => l.msg === 'digest delivery' || l.msg === 'jobs digest run');

beforeEach(() => slack.reset());

describe('weekly digest delivery across processes', () => {
  it('posts once when two replicas sharing Redis both catch up at start, and not again after a restart', async () => {
    const url = await freshSubscription();
    const [a, b] = await Promise.all([replica(url), replica(url)]);
    await Promise.all([a.waitForLog(runDone), b.waitForLog(runDone)]);
    // Each replica logs its run once it has either posted or found the post taken.
    await Promise.all([outcomeOf(a), outcomeOf(b)]);
    await expect.poll(() => digestPosts().length, { timeout: 15_000 }).toBe(1);
    await Promise.all([a.kill(), b.kill()]);
    const week = isoWeek(new Date(), 'UTC').label;
    expect(JSON.stringify(digestPosts()[0]?.params.metadata)).toContain(`careerbot jobs digest`);
    const c = await replica(url);
    await c.waitForLog((l) => l.msg === 'jobs digest run' && l.skipped === 1);
    await c.kill();
    expect(digestPosts()).toHaveLength(1);
    expect(week).toMatch(/^\d{4}-W\d{2}$/);
  });

  it('after a replica is killed mid-post, the next one finds the post in the channel instead of posting again', async () => {
    const url = await freshSubscription();
    // Slack stores the message, but the reply never reaches the first replica: it is killed first.
    slack.failNext('chat.postMessage', { holdReplyMs: 60_000 });
    const first = await replica(url);
    await expect
      .poll(() => (slack.channels.messages.get(FAKE_IDS.channelId) ?? []).length, { timeout: 20_000 })
      .toBe(1);
    await first.kill();
    // Let the dead replica's lease (JOBS_LEASE_SECONDS=2) run out, as it would after a crash.
    await new Promise((r) => setTimeout(r, 2_500));
    const second = await replica(url);
    const outcome = await second.waitForLog((l) => l.msg === 'digest delivery');
    expect(outcome.outcome).toBe('recovered');
    expect(slack.callsTo('conversations.history').length).toBeGreaterThan(0);
    await second.kill();
    expect(digestPosts()).toHaveLength(1);
    expect(slack.channels.messages.get(FAKE_IDS.channelId)).toHaveLength(1);
  });
});
