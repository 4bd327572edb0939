/**
 * Composition root: reads the configuration, builds the context, and starts the configured platform
 * adapters; with no platform token it opens the console chat instead.
 */
import { createConsoleAdapter } from '../adapters/console/index.ts';
import { createBot } from './bot.ts';
import { hasPlatform, loadConfig } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { setupFailure } from './errors.ts';
import { healthReport, serveHealth } from './health.ts';
import { createJobs } from './jobs/jobs.ts';
import { consoleLogPath, createConsoleLogger, createLogger } from './logger.ts';
import type { Adapter, Bot } from './ports.ts';
import { installSafetyNet } from './safety-net.ts';
import { startAdapters } from './startup/adapter-start.ts';
import { envFileArg, withEnvFile } from './startup/env-file.ts';
import { createScopedStore } from './store/scoped.ts';

/**
 * Adapters for the configured platforms; each is imported only when used, to keep memory down. Each gets
 * the bot, a logger, a store scoped to its name and its own settings: never the whole context.
 */
async function platformAdapters(ctx: AppContext, bot: Bot): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const { slack, discord, port, host } = ctx.config;
  if (slack.botToken) {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    adapters.push(
      createSlackAdapter({
        bot,
        logger: ctx.logger.child({ adapter: 'slack' }),
        store: createScopedStore(ctx.store, 'slack'),
        clock: ctx.clock,
        config: {
          botToken: slack.botToken,
          signingSecret: slack.signingSecret,
          appToken: slack.appToken,
          apiUrl: slack.apiUrl,
          port,
          host,
        },
        // In HTTP mode Slack's route serves /healthz on PORT, so it reports the other platforms too.
        health: () => healthReport(adapters, ctx.kb.version),
      }),
    );
  }
  if (discord.token) {
    const { createDiscordAdapter } = await import('../adapters/discord/index.ts');
    adapters.push(
      createDiscordAdapter({
        bot,
        logger: ctx.logger.child({ adapter: 'discord' }),
        store: createScopedStore(ctx.store, 'discord'),
        config: { token: discord.token, apiUrl: discord.apiUrl },
      }),
    );
  }
  return adapters;
}

/** Runs the bot until a signal; set-up errors are thrown and caught once, in `run`. */
async function main(): Promise<number> {
  const config = loadConfig(withEnvFile(process.env, envFileArg(process.argv.slice(2))));
  const platform = hasPlatform(config);
  // In the console chat, logs on stderr would interleave with the conversation, so they go to a file.
  const log = platform
    ? { logger: createLogger(config.logLevel ?? 'info') }
    : createConsoleLogger(config.logLevel ?? 'info', consoleLogPath(config.dataDir));
  const { logger } = log;
  const ctx = await createContext(config, logger);
  const jobs = createJobs(ctx);
  const bot = createBot(ctx, { jobs: jobs.desk });

  if (!platform) {
    if ('problem' in log && log.problem) {
      logger.warn({ err: log.problem }, 'cannot write the log file; logging warnings to stderr');
    }
    logger.info({ knowledge: ctx.kb.version, store: ctx.store.kind }, 'careerbot ready');
    const adapter = createConsoleAdapter({ bot, logPath: log.path });
    process.once('SIGINT', () => void adapter.stop());
    await adapter.start();
    await ctx.store.close();
    return 0;
  }

  const adapters = await platformAdapters(ctx, bot);
  // Up before the adapters connect, so health says 503 (not "connection refused") while they log in.
  const health = await serveHealth(ctx, adapters);
  try {
    await startAdapters(adapters, logger);
  } catch (err) {
    await health?.stop();
    await ctx.store.close();
    throw err;
  }
  // Only now: "ready" means every platform accepted its token.
  logger.info({ knowledge: ctx.kb.version, store: ctx.store.kind }, 'careerbot ready');
  // Only once serving: a failure to start must still end the process with an error.
  installSafetyNet(logger);
  const publishers = adapters.flatMap((a) => (a.digests ? [a.digests] : []));
  const scheduler = jobs.scheduler(publishers);
  // Not awaited: a catch-up run must not hold up shutdown signals; it logs its own outcome.
  void scheduler.start();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  logger.info('shutting down');
  await scheduler.stop();
  for (const adapter of adapters) await adapter.stop().catch((err) => logger.error({ err }, 'adapter stop failed'));
  await health?.stop();
  await ctx.store.close();
  return 0;
}

/** The one catch: a set-up error (configuration, knowledge, store, job sources, a refused token) is one line and its exit code. */
async function run(): Promise<number> {
  try {
    return await main();
  } catch (err) {
    const failure = setupFailure(err);
    if (!failure) throw err;
    process.stderr.write(`careerbot: ${failure.message}\n`);
    return failure.exitCode;
  }
}

process.exitCode = await run();
