/** Starts the real Discord adapter (real discord.js) against a FakeDiscord, over the real bot and knowledge base. */
import { afterEach } from 'vitest';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord/index.ts';
import type { AppContext } from '../../src/context.ts';
import type { JobsDesk } from '../../src/jobs/desk.ts';
import type { JobSource } from '../../src/jobs/sources-file.ts';
import type { Bot } from '../../src/ports.ts';
import { createScopedStore } from '../../src/store/scoped.ts';
import type { Store } from '../../src/store/store.ts';
import { FakeDiscord } from '../harness/discord-fake.ts';
import { createTestBot } from './context.ts';
import { useRig } from './rig.ts';

/** A running adapter, its fake Discord, the context and the captured log lines. */
export interface DiscordRig {
  fake: FakeDiscord;
  adapter: DiscordAdapter;
  ctx: AppContext;
  /** The bot behind the adapter. */
  bot: Bot;
  /** The jobs desk behind the bot, so a test can spy on what `/jobs` reaches in the core. */
  desk: JobsDesk;
  lines: string[];
  stop(): Promise<void>;
}

/** Logs a Discord adapter in to a fresh fake; `deferAfterMs: 0` forces the defer-then-edit path. */
export async function startDiscordRig(
  options: {
    store?: Store;
    deferAfterMs?: number;
    cooldown?: { limit: number; windowMs: number };
    /** Environment for the bot's config, e.g. `llmTestEnv(...)` to turn the LLM layer on. */
    env?: Record<string, string>;
    progressIntervalMs?: number;
    /** Job boards behind `/jobs` (none by default: the real list would reach for the internet). */
    jobSources?: JobSource[];
  } = {},
): Promise<DiscordRig> {
  const fake = await FakeDiscord.start();
  const { bot, ctx, lines, jobs } = await createTestBot({
    store: options.store,
    env: options.env,
    jobSources: options.jobSources,
  });
  const adapter = createDiscordAdapter({
    bot,
    logger: ctx.logger.child({ adapter: 'discord' }),
    store: createScopedStore(ctx.store, 'discord'),
    config: {
      token: 'discord-test-token',
      apiUrl: fake.api,
      waitGuildTimeout: 1_000,
      restRetries: 0,
      deferAfterMs: options.deferAfterMs,
      progressIntervalMs: options.progressIntervalMs,
      // Tests send many interactions as one user; the cooldown has a test of its own.
      cooldown: options.cooldown ?? { limit: 1_000, windowMs: 1_000 },
    },
  });
  await adapter.start();
  return {
    fake,
    adapter,
    ctx,
    bot,
    desk: jobs.desk,
    lines,
    async stop() {
      await adapter.stop();
      await fake.stop();
      assertNoFormRejections(fake);
    },
  };
}

/** Throws Discord's own error text when the bot sent anything the fake rejected as an invalid form body. */
export function assertNoFormRejections(fake: FakeDiscord): void {
  if (fake.formRejections.length === 0) return;
  const lines = fake.formRejections.map((r) => `${r.method} ${r.route}: ${JSON.stringify(r.errors)}`);
  throw new Error(`Discord would answer 400 50035 Invalid Form Body to:\n${lines.join('\n')}`);
}

/**
 * One rig for a whole test file; its fake's records are cleared before each test, and a test fails when the bot sent
 * a body Discord would reject (issue 10), even if the adapter caught and logged the 400.
 */
export function useDiscordRig(options: Parameters<typeof startDiscordRig>[0] = {}): () => DiscordRig {
  const rig = useRig(() => startDiscordRig(options), 'Discord');
  afterEach(() => assertNoFormRejections(rig().fake));
  return rig;
}

/** Discord's flag for a message only the asker sees. */
export const EPHEMERAL = 64;

/** The body of an interaction callback, as the tests read it. */
export type CallbackBody = {
  type?: number;
  data?: { flags?: number; embeds?: unknown[]; components?: unknown[]; allowed_mentions?: unknown; content?: string };
};

/** Waits for the adapter's callback (initial response) to interaction `id`. */
export function interactionCallback(rig: DiscordRig, id: string) {
  return rig.fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${id}/[^/]+/callback$`) });
}
