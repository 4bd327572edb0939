/**
 * Composition root: reads the configuration, builds the context, and starts the console chat when no
 * platform token is configured (the Slack and Discord adapters plug in here in later issues).
 */
import { createConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { createBot } from './bot.ts';
import { ConfigError, hasPlatform, loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { KnowledgeError } from './knowledge/loader.ts';
import { createLogger } from './logger.ts';

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`careerbot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  const platform = hasPlatform(config);
  // In the console chat, info logs would interleave with the conversation; warnings still show.
  const logger = createLogger(config.logLevel ?? (platform ? 'info' : 'warn'));
  let ctx: Awaited<ReturnType<typeof createContext>>;
  try {
    ctx = await createContext(config, logger);
  } catch (err) {
    if (err instanceof KnowledgeError) {
      process.stderr.write(`careerbot: ${err.message}\n`);
      return 2;
    }
    throw err;
  }
  logger.info({ knowledge: ctx.kb.version, store: ctx.store.kind }, 'careerbot ready');
  if (platform) {
    logger.error(
      'Slack and Discord adapters are not part of this build yet; unset their tokens to use the console chat',
    );
    await ctx.store.close();
    return 2;
  }
  const adapter = createConsoleAdapter({ bot: createBot(ctx) });
  const shutdown = async () => {
    await adapter.stop();
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  await adapter.start();
  await ctx.store.close();
  return 0;
}

process.exitCode = await main();
