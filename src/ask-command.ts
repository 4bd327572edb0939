/**
 * `ask`: one answer as the console shows it, or with `--json` a machine-readable object (a stable
 * interface, as `classify` is). Without a question, `ask --json` answers stdin one line at a time, each
 * line a conversation of its own so one answer never colours the next.
 */
import { createInterface } from 'node:readline';
import { createBot } from './bot.ts';
import type { Config } from './config.ts';
import { createContext } from './context.ts';
import { renderLiterals } from './literal.ts';
import type { Logger } from './logger.ts';
import { renderText } from './render-text.ts';
import type { RouteResult } from './router/router.ts';
import { createStore } from './store/store.ts';
import type { Reply } from './types.ts';

/** The `ask --json` object for one question. Field names and meanings are a stable interface. */
export interface AskJson {
  text: string;
  intent: string;
  decision: RouteResult['decision'];
  confidence: number;
  title: string;
  body: string;
  facts: {
    id: string;
    text: string;
    figure: string;
    source: string;
    url: string | null;
    asOf: string;
    note?: string;
  }[];
  advice: string[];
  followUps: { label: string; question: string }[];
  notices: string[];
}

// Plain text, as the console shows it: our own bold markers go, outside words (literal spans) stay as typed.
const plain = (text: string) =>
  renderLiterals(
    text,
    (s) => s,
    (own) => own.replace(/\*/g, ''),
  );

/** The machine-readable form of a reply and the route that led to it. */
export function toAskJson(text: string, route: RouteResult, reply: Reply): AskJson {
  return {
    text,
    intent: route.intent,
    decision: route.decision,
    confidence: Number(route.confidence.toFixed(4)),
    title: plain(reply.title),
    body: plain(reply.body),
    facts: reply.facts.map((f) => ({
      id: f.ref,
      text: f.text,
      figure: f.figure,
      source: f.source,
      url: f.sourceUrl ?? null,
      asOf: f.asOf,
      ...(f.note ? { note: f.note } : {}),
    })),
    advice: reply.advice,
    followUps: reply.choices.map((c) => ({ label: c.label, question: c.question })),
    notices: reply.notices ?? [],
  };
}

/** Runs `ask`: prints the answer (text or JSON) to `out`; returns the exit code. */
export async function askCommand(
  config: Config,
  logger: Logger,
  options: { question: string; json?: boolean },
  out: (text: string) => void,
): Promise<number> {
  // A throwaway in-memory store: `ask` answers and leaves no state behind.
  const store = await createStore({ dataDir: ':memory:', logger });
  const ctx = await createContext(config, logger, { store });
  const bot = createBot(ctx);
  let asked = 0;
  const answer = async (text: string) => {
    asked += 1;
    let route: RouteResult | undefined;
    const reply = await bot.handle(
      {
        id: `cli-ask-${asked}`,
        platform: 'cli',
        text,
        author: { id: 'cli' },
        conversation: { id: `cli-${asked}` },
        kind: 'direct',
      },
      { onRoute: (r) => (route = r) },
    );
    // Commands (`/help`) are not routed; the router's reading of the text still says what it was about.
    return { reply, route: route ?? ctx.router.route({ text, kind: 'direct' }) };
  };
  try {
    if (!options.json) {
      const { reply } = await answer(options.question);
      out(renderText(reply));
      return reply.kind === 'error' ? 1 : 0;
    }
    if (options.question !== '') {
      const { reply, route } = await answer(options.question);
      out(JSON.stringify(toAskJson(options.question, route, reply)));
      return reply.kind === 'error' ? 1 : 0;
    }
    const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
    for await (const text of rl) {
      const { reply, route } = await answer(text);
      out(JSON.stringify(toAskJson(text, route, reply)));
    }
    return 0;
  } finally {
    await store.close();
  }
}
