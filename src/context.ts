/**
 * The one context object built in the composition root and passed down: no container, no module
 * singletons. Tests build their own with `createContext`.
 */
import type { Config } from './config.ts';
import { type KnowledgeBase, loadKnowledge } from './knowledge/loader.ts';
import type { Logger } from './logger.ts';
import { createRouter, type Router } from './router/router.ts';
import { createStore, type Store } from './store/store.ts';

/** Everything a handler may need. `llm` arrives with the LLM issue and is null until then. */
export interface AppContext {
  config: Config;
  logger: Logger;
  kb: KnowledgeBase;
  router: Router;
  store: Store;
  llm: null;
  clock: () => Date;
}

/** Loads the knowledge base, trains the router and opens the store. */
export async function createContext(
  config: Config,
  logger: Logger,
  overrides: Partial<AppContext> = {},
): Promise<AppContext> {
  const kb = overrides.kb ?? loadKnowledge(config.knowledgeDir);
  return {
    config,
    logger,
    kb,
    router: overrides.router ?? createRouter(kb),
    store: overrides.store ?? (await createStore({ dataDir: config.dataDir, redisUrl: config.redisUrl, logger })),
    llm: null,
    clock: overrides.clock ?? (() => new Date()),
  };
}
