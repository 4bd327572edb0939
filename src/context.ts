/**
 * The one context object built in the composition root and passed down: no container, no module
 * singletons. Tests build their own with `createContext`.
 */
import type { Config } from './config.ts';
import { type KnowledgeBase, loadKnowledge } from './knowledge/loader.ts';
import type { Llm } from './llm/types.ts';
import type { Logger } from './logger.ts';
import { createRouter, type Router } from './router/router.ts';
import { createStore, type Store } from './store/store.ts';

/** Everything a handler may need. `llm` is null unless `OPENAI_API_KEY` is set. */
export interface AppContext {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  router: Router;
  store: Store;
  llm: Llm | null;
  clock: () => Date;
}

/**
 * The LLM layer when `OPENAI_API_KEY` is set. Imported only then: the openai SDK adds memory that a bot
 * without a model should not pay for.
 */
async function loadLlm(config: Config, logger: Logger, store: Store, kb: KnowledgeBase, clock: () => Date) {
  if (!config.openai.apiKey) return null;
  const { createLlm } = await import('./llm/llm.ts');
  const { slack, discord, openai } = config;
  // Platform secrets join the API key on the list of values an answer must never contain.
  const secrets = [slack.botToken, slack.signingSecret, slack.appToken, discord.token].filter(
    (s): s is string => typeof s === 'string',
  );
  return createLlm({
    config: openai,
    logger,
    store,
    kb,
    clock,
    timeoutMs: openai.timeoutMs,
    limits: openai.limits,
    secrets,
  });
}

/** Loads the knowledge base, trains the router, opens the store and, when configured, the LLM layer. */
export async function createContext(
  config: Config,
  logger: Logger,
  overrides: Partial<AppContext> = {},
): Promise<AppContext> {
  const kb = overrides.kb ?? loadKnowledge(config.knowledgeDir);
  const store = overrides.store ?? (await createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger }));
  const clock = overrides.clock ?? (() => new Date());
  return {
    config,
    logger,
    kb,
    router: overrides.router ?? createRouter(kb),
    store,
    llm: overrides.llm !== undefined ? overrides.llm : await loadLlm(config, logger, store, kb, clock),
    clock,
  };
}
