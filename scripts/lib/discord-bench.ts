/**
 * Discord figure for `npm run bench`: for 200 concurrent `/careers` interactions dispatched by a local
 * gateway, the time from dispatch to the interaction callback, for careerbot's adapter and for a bare
 * discord.js client that only acknowledges (deferReply), measured in the same run; plus, for careerbot,
 * the time until the answer itself is in (a direct reply, or the edit after a deferral).
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { Client, Events, GatewayIntentBits, Partials } from 'discord.js';
import { createDiscordAdapter } from '../../adapters/discord/index.ts';
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';
import { createScopedStore } from '../../src/store/scoped.ts';

const CONCURRENCY = 200;
const ROUNDS = 10;
const WARMUP_BURSTS = 3;

type LoadReply = { ready?: boolean; ours: string; bare: string; times: number[]; full: number[]; missing: number };
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Runs both clients and returns a printable summary. */
export async function discordInteractionBench(): Promise<{ lines: string[] }> {
  const child = fork(fileURLToPath(new URL('./discord-load.ts', import.meta.url)), { stdio: 'inherit' });
  const next = () => new Promise<LoadReply>((resolve) => child.once('message', (m) => resolve(m as LoadReply)));
  const ready = await next();
  const burst = async (target: 'ours' | 'bare') => {
    const reply = next();
    child.send({ target, concurrency: CONCURRENCY });
    const { times, full, missing } = await reply;
    if (missing > 0) throw new Error(`${missing} interactions got no callback from ${target}`);
    return { times, full };
  };

  const ctx = await createContext(loadConfig({ DATA_DIR: ':memory:' }), createLogger('silent'));
  const ours = createDiscordAdapter({
    bot: createBot(ctx),
    logger: ctx.logger,
    store: createScopedStore(ctx.store, 'discord'),
    config: { token: 'bench', apiUrl: ready.ours, waitGuildTimeout: 1_000 },
  });
  await ours.start();
  const bare = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: ready.bare },
    waitGuildTimeout: 1_000,
  });
  bare.on(Events.InteractionCreate, (interaction) => {
    if (interaction.isChatInputCommand()) interaction.deferReply().catch(() => undefined);
  });
  const bareReady = once(bare, Events.ClientReady);
  await bare.login('bench');
  await bareReady;

  for (let i = 0; i < WARMUP_BURSTS; i++) {
    await burst('ours');
    await burst('bare');
  }
  const settle = () => new Promise((r) => setTimeout(r, 300));
  const o: number[] = [];
  const b: number[] = [];
  const answers: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const order: ('ours' | 'bare')[] = round % 2 === 0 ? ['ours', 'bare'] : ['bare', 'ours'];
    for (const target of order) {
      const { times, full } = await burst(target);
      (target === 'ours' ? o : b).push(...times);
      if (target === 'ours') answers.push(...full);
      await settle();
    }
  }
  answers.sort((x, y) => x - y);
  await ours.stop();
  await bare.destroy();
  await ctx.store.close();
  child.send({ stop: true });
  o.sort((x, y) => x - y);
  b.sort((x, y) => x - y);
  const op50 = quantile(o, 0.5);
  const bp50 = quantile(b, 0.5);
  return {
    lines: [
      `discord, ${CONCURRENCY} concurrent /careers interactions × ${ROUNDS} rounds after ${WARMUP_BURSTS} warm-up bursts, dispatch → callback (gateway in a separate process):`,
      `  careerbot, first response: p50 ${op50.toFixed(1)} ms · p99 ${quantile(o, 0.99).toFixed(1)} ms (answer complete: p50 ${quantile(answers, 0.5).toFixed(1)} ms · p99 ${quantile(answers, 0.99).toFixed(1)} ms)`,
      `  bare discord.js (defer only): p50 ${bp50.toFixed(1)} ms · p99 ${quantile(b, 0.99).toFixed(1)} ms · careerbot p50 / bare p50 = ${(op50 / bp50).toFixed(2)}`,
    ],
  };
}
