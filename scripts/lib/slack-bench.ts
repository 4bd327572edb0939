/**
 * Slack figure for `npm run bench`: time to ack for 200 concurrent signed slash commands on loopback,
 * for careerbot's adapter and for a bare Bolt app that only acks, measured in the same run.
 */
import { fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';
import { createSlackAdapter } from '../../adapters/slack/index.ts';
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';
import { createScopedStore } from '../../src/store/scoped.ts';

const CONCURRENCY = 200;
const ROUNDS = 10;
const WARMUP_BURSTS = 3;

type LoadReply = { ready?: boolean; apiUrl: string; signingSecret: string; times: number[]; failed: number };

/** Starts the load generator process and returns a function that runs one burst against a URL. */
async function startLoad(): Promise<{
  apiUrl: string;
  signingSecret: string;
  burst(url: string): Promise<number[]>;
  stop(): void;
}> {
  const child = fork(fileURLToPath(new URL('./slack-load.ts', import.meta.url)), { stdio: 'inherit' });
  const next = () => new Promise<LoadReply>((resolve) => child.once('message', (m) => resolve(m as LoadReply)));
  const ready = await next();
  return {
    apiUrl: ready.apiUrl,
    signingSecret: ready.signingSecret,
    async burst(url) {
      const reply = next();
      child.send({ url, concurrency: CONCURRENCY });
      const { times, failed } = await reply;
      if (failed > 0) throw new Error(`${failed} commands were not acked with 200`);
      return times;
    },
    stop: () => child.send({ stop: true }),
  };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Runs both apps (`ROUNDS` bursts each after a warm-up) and returns a printable summary and the figures. */
export async function slackAckBench(): Promise<{
  lines: string[];
  ours: { p50: number; p99: number };
  bare: { p50: number; p99: number };
}> {
  const load = await startLoad();
  const logger = createLogger('silent');
  const ctx = await createContext(loadConfig({ DATA_DIR: ':memory:' }), logger);
  const adapter = createSlackAdapter({
    bot: createBot(ctx),
    logger,
    store: createScopedStore(ctx.store, 'slack'),
    config: { botToken: 'xoxb-bench', signingSecret: load.signingSecret, apiUrl: load.apiUrl, port: 0 },
  });
  await adapter.start();

  const bare = new App({
    token: 'xoxb-bench',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    logLevel: LogLevel.ERROR,
    receiver: new HTTPReceiver({ signingSecret: load.signingSecret }),
    clientOptions: { slackApiUrl: load.apiUrl },
  });
  bare.command('/careers', async ({ ack }) => {
    await ack();
  });
  const bareServer = await bare.start(0);

  const ourUrl = `http://127.0.0.1:${adapter.port}/slack/events`;
  const bareUrl = `http://127.0.0.1:${(bareServer.address() as AddressInfo).port}/slack/events`;
  // Warm both apps up (JIT, connection pools) with a few bursts each, as a long-running server is, then
  // let the warm-up's follow-up work finish. With a single warm-up burst the first timed round of the
  // larger app still runs partly unoptimised code.
  for (let i = 0; i < WARMUP_BURSTS; i++) {
    await load.burst(ourUrl);
    await load.burst(bareUrl);
  }
  const ours: number[] = [];
  const plain: number[] = [];
  // Alternate which app goes first, and let each burst's follow-up work (answers to response_url) drain
  // before the next burst, so neither app is timed while the other is still busy.
  const settle = () => new Promise((r) => setTimeout(r, 500));
  await settle();
  const run = async (name: string, url: string, sink: number[], round: number) => {
    const times = await load.burst(url);
    sink.push(...times);
    if (process.env.BENCH_VERBOSE) {
      const sorted = [...times].sort((a, b) => a - b);
      process.stderr.write(`round ${round} ${name}: p99 ${quantile(sorted, 0.99).toFixed(1)} ms\n`);
    }
  };
  for (let round = 0; round < ROUNDS; round++) {
    const runOurs = () => run('careerbot', ourUrl, ours, round);
    const runBare = () => run('bare', bareUrl, plain, round);
    if (round % 2 === 0) {
      await runOurs();
      await settle();
      await runBare();
    } else {
      await runBare();
      await settle();
      await runOurs();
    }
    await settle();
  }
  ours.sort((a, b) => a - b);
  plain.sort((a, b) => a - b);
  await adapter.stop();
  await bare.stop();
  await ctx.store.close();
  load.stop();

  const o = { p50: quantile(ours, 0.5), p99: quantile(ours, 0.99) };
  const b = { p50: quantile(plain, 0.5), p99: quantile(plain, 0.99) };
  return {
    ours: o,
    bare: b,
    lines: [
      `slack ack, ${CONCURRENCY} concurrent signed /careers commands × ${ROUNDS} rounds after ${WARMUP_BURSTS} warm-up bursts (load from a separate process):`,
      `  careerbot: p50 ${o.p50.toFixed(1)} ms · p99 ${o.p99.toFixed(1)} ms`,
      `  bare Bolt: p50 ${b.p50.toFixed(1)} ms · p99 ${b.p99.toFixed(1)} ms · careerbot p50 / bare p50 = ${(o.p50 / b.p50).toFixed(2)}`,
    ],
  };
}
