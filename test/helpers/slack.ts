/** Starts the real Slack adapter (real Bolt) against a FakeSlack, over the real bot and knowledge base. */
import type { EndpointLimits } from '../../adapters/slack/guarded-receiver.ts';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack/index.ts';
import type { AppContext } from '../../src/context.ts';
import type { JobsDesk } from '../../src/jobs/desk.ts';
import type { JobSource } from '../../src/jobs/sources-file.ts';
import type { Bot, ScopedStore } from '../../src/ports.ts';
import { createScopedStore } from '../../src/store/scoped.ts';
import type { Store } from '../../src/store/store.ts';
import { FAKE_IDS, FakeSlack } from '../harness/slack-fake.ts';
import { createTestBot } from './context.ts';
import { useRig } from './rig.ts';

/** A running adapter, its fake Slack, the context and the captured log lines. */
export interface SlackRig {
  fake: FakeSlack;
  adapter: SlackAdapter;
  ctx: AppContext;
  /** The bot behind the adapter. */
  bot: Bot;
  /** The jobs desk behind the bot's `/jobs`, so a test can spy on the core it calls. */
  desk: JobsDesk;
  /** The adapter's own store (keys under `slack:`), as the adapter sees it. */
  store: ScopedStore;
  lines: string[];
  stop(): Promise<void>;
}

/** Starts an HTTP-mode (or Socket Mode, with `socketMode`) adapter; `store` lets two replicas share state. */
export async function startSlackRig(
  options: {
    processBeforeResponse?: boolean;
    store?: Store;
    fake?: FakeSlack;
    socketMode?: boolean;
    /** Environment for the bot's config, e.g. `llmTestEnv(...)` to turn the LLM layer on. */
    env?: Record<string, string>;
    progressIntervalMs?: number;
    /** Job boards behind `/jobs` (none by default: the real list would reach for the internet). */
    jobSources?: JobSource[];
    /** Endpoint limits (HTTP mode), shrunk by the tests that exercise them. */
    limits?: EndpointLimits;
  } = {},
): Promise<SlackRig> {
  const fake = options.fake ?? (await FakeSlack.start());
  // Bolt's assistant reads the thread's context from its first message; an empty thread is a valid answer.
  fake.on('conversations.replies', () => ({ ok: true, messages: [], has_more: false }));
  const { bot, ctx, lines, jobs } = await createTestBot({
    store: options.store,
    env: options.env,
    jobSources: options.jobSources,
  });
  const store = createScopedStore(ctx.store, 'slack');
  const adapter = createSlackAdapter({
    bot,
    logger: ctx.logger.child({ adapter: 'slack' }),
    store,
    clock: ctx.clock,
    config: {
      botToken: 'xoxb-test-token',
      signingSecret: fake.signingSecret,
      appToken: options.socketMode ? 'xapp-1-test' : undefined,
      apiUrl: fake.apiUrl,
      port: 0,
      host: ctx.config.host,
      processBeforeResponse: options.processBeforeResponse ?? true,
      progressIntervalMs: options.progressIntervalMs,
      limits: options.limits,
    },
  });
  await adapter.start();
  // A replica sharing another rig's fake is addressed per request, so the shared default stays put.
  if (!options.socketMode && !options.fake) fake.setAppUrl(`http://127.0.0.1:${adapter.port}/slack/events`);
  return {
    fake,
    adapter,
    ctx,
    bot,
    desk: jobs.desk,
    store,
    lines,
    async stop() {
      await adapter.stop();
      if (!options.fake) await fake.stop();
    },
  };
}

/** An `app_mention` event from the default test user in the default channel. */
export function mention(text: string, extra: Record<string, unknown> = {}) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return {
    type: 'app_mention' as const,
    user: FAKE_IDS.userId,
    text: `<@${FAKE_IDS.botUserId}> ${text}`,
    ts,
    channel: FAKE_IDS.channelId,
    event_ts: ts,
    ...extra,
  };
}

/** A plain `message` event (a DM when `channel_type` is `im`). */
export function messageEvent(text: string, extra: Record<string, unknown> = {}) {
  const ts = `${Math.floor(Date.now() / 1000)}.${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
  return {
    type: 'message' as const,
    user: FAKE_IDS.userId,
    text,
    ts,
    channel: 'D0DM',
    channel_type: 'im',
    event_ts: ts,
    ...extra,
  };
}

/** Every text a Block Kit payload would show, flattened. */
export function blockText(blocks: unknown): string {
  return JSON.stringify(blocks ?? []);
}

/** One rig for a whole test file; its fake's records are cleared before each test. */
export function useSlackRig(options: Parameters<typeof startSlackRig>[0] = {}): () => SlackRig {
  return useRig(() => startSlackRig(options), 'Slack');
}
