/**
 * Composition root: reads the configuration, builds the context, and starts the configured platform
 * adapters; with no platform token it opens the console chat instead.
 */
import { createConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { createBot } from './bot.ts';
import { ConfigError, hasPlatform, loadConfig } from './config.ts';
import { type AppContext, createContext } from './context.ts';
import { healthReport, serveHealth } from './health.ts';
import { createJobs, type Jobs } from './jobs/jobs.ts';
import { JobSourcesError } from './jobs/sources-file.ts';
import { KnowledgeError } from './knowledge/loader.ts';
import { consoleLogPath, createConsoleLogger, createLogger } from './logger.ts';
import { installSafetyNet } from './safety-net.ts';
import { AdapterStartError, startAdapters } from './startup/adapter-start.ts';
import { envFileArg, withEnvFile } from './startup/env-file.ts';
import { StoreOpenError } from './store/open-sqlite.ts';
import type { Adapter } from './types.ts';

/** Adapters for the configured platforms; each is imported only when used, to keep memory down. */
async function platformAdapters(ctx: AppContext, bot: ReturnType<typeof createBot>): Promise<Adapter[]> {
  const adapters: Adapter[] = [];
  const { slack } = ctx.config;
  if (slack.botToken) {
    const { createSlackAdapter } = await import('../adapters/slack/slack-adapter.ts');
    adapters.push(
      createSlackAdapter({
        ctx,
        bot,
        botToken: slack.botToken,
        signingSecret: slack.signingSecret,
        appToken: slack.appToken,
        apiUrl: slack.apiUrl,
        // In HTTP mode Slack's route serves /healthz on PORT, so it reports the other platforms too.
        health: () => healthReport(adapters, ctx.kb.version),
      }),
    );
  }
  const { discord } = ctx.config;
  if (discord.token) {
    const { createDiscordAdapter } = await import('../adapters/discord/discord-adapter.ts');
    adapters.push(createDiscordAdapter({ ctx, bot, token: discord.token, apiUrl: discord.apiUrl }));
  }
  return adapters;
}

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(withEnvFile(process.env, envFileArg(process.argv.slice(2))));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`careerbot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const platform = hasPlatform(config);
  // In the console chat, logs on stderr would interleave with the conversation, so they go to a file.
  const log = platform
    ? { logger: createLogger(config.logLevel ?? 'info') }
    : createConsoleLogger(config.logLevel ?? 'info', consoleLogPath(config.dataDir));
  const { logger } = log;
  let ctx: AppContext;
  try {
    ctx = await createContext(config, logger);
  } catch (err) {
    if (err instanceof KnowledgeError || err instanceof StoreOpenError) {
      process.stderr.write(`careerbot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  let jobs: Jobs;
  try {
    jobs = createJobs(ctx);
  } catch (err) {
    if (err instanceof JobSourcesError) {
      process.stderr.write(`careerbot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
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
    if (!(err instanceof AdapterStartError)) throw err;
    process.stderr.write(`careerbot: ${err.message}\n`);
    await health?.stop();
    await ctx.store.close();
    return 2;
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

process.exitCode = await main();
