/**
 * Command-line entry: `kb check`, `ask`, `classify`, `viability` and `jobs digest`. `ask` and `classify` are also how
 * the product's quality is checked from outside, so their output formats are stable.
 */
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { createBot } from './bot.ts';
import { commandInfos } from './commands.ts';
import { type Config, loadConfig } from './config.ts';
import { createContext } from './context.ts';
import { setupFailure } from './errors.ts';
import { KnowledgeError, loadKnowledge } from './knowledge/loader.ts';
import { reviewWarnings } from './knowledge/review.ts';
import { createLogger } from './logger.ts';
import { renderText } from './render-text.ts';
import { createRouter } from './router/router.ts';
import { withEnvFile } from './startup/env-file.ts';

const USAGE = `usage: npm run -s cli -- <command>
  kb check                          validate knowledge/ and print a summary
  discord register [--guild <id>]   upload the Discord slash commands (guild-scoped with --guild)
  ask "<question>"                  print one answer
  ask --json ["<question>"]         the answer as one JSON object; without a question, one per stdin line
  classify                          read messages (one per line) on stdin, write JSON lines
  viability --answers '<json>' [--json] [--user <id>]
                                    score the viability check without prompts
  jobs digest [--sources <file>] [--now <ISO date>] [--json]
                                    build this week's job-market digest once and print it`;

const out = (text: string) => process.stdout.write(`${text}\n`);
// A closed pipe (`… | head`) is a normal way for a reader to stop, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const err = (text: string) => process.stderr.write(`${text}\n`);

function kbCheck(config: Config, now: Date): number {
  let kb: ReturnType<typeof loadKnowledge>;
  try {
    kb = loadKnowledge(config.knowledgeDir);
  } catch (error) {
    // For a checker, an invalid knowledge base is the finding (exit 1), not a broken set-up.
    if (!(error instanceof KnowledgeError)) throw error;
    err(`careerbot: ${error.message}`);
    return 1;
  }
  const entries = [...kb.entries.values()];
  out(`knowledge base ${kb.version}: OK`);
  for (const e of entries) {
    out(
      `  ${e.intent.padEnd(13)} ${e.kind.padEnd(6)} ${String(e.facts.length).padStart(2)} facts  ${String(e.examples.length).padStart(3)} examples  ${e.title}`,
    );
  }
  const facts = entries.reduce((n, e) => n + e.facts.length, 0);
  const examples = entries.reduce((n, e) => n + e.examples.length, 0);
  out(
    `  ${entries.length} entries, ${facts} facts, ${examples} examples, ${kb.sources.size} sources, ${kb.rubric.questions.length} viability questions`,
  );
  // A passed review date is a reminder for curators, not a broken file: it warns and the check still passes.
  for (const warning of reviewWarnings(kb, now)) err(`warning: ${warning}`);
  return 0;
}

async function classify(config: Config): Promise<number> {
  const router = createRouter(loadKnowledge(config.knowledgeDir));
  const rl = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const text of rl) {
    const r = router.route({ text, kind: 'direct' });
    out(
      JSON.stringify({
        text,
        intent: r.intent,
        confidence: Number(r.confidence.toFixed(4)),
        alternatives: r.alternatives.map((a) => ({ intent: a.intent, confidence: Number(a.confidence.toFixed(4)) })),
      }),
    );
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      answers: { type: 'string' },
      json: { type: 'boolean' },
      user: { type: 'string' },
      guild: { type: 'string' },
      sources: { type: 'string' },
      now: { type: 'string' },
      help: { type: 'boolean' },
      dotenv: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  const config = loadConfig(withEnvFile(process.env, values.dotenv));
  const logger = createLogger(config.logLevel ?? 'warn');
  switch (command) {
    case 'kb':
      if (rest[0] !== 'check') break;
      return kbCheck(config, values.now ? new Date(values.now) : new Date());
    case 'classify':
      return classify(config);
    case 'jobs': {
      if (rest[0] !== 'digest') break;
      const { digestCommand } = await import('./jobs/digest-command.ts');
      return digestCommand(config, logger, { sources: values.sources, now: values.now, json: values.json }, out, err);
    }
    case 'discord': {
      if (rest[0] !== 'register') break;
      const { token, applicationId, apiUrl } = config.discord;
      if (!token || !applicationId) {
        err('careerbot: set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register commands');
        return 2;
      }
      // Imported here so that other commands never load discord.js.
      const { registerCommands } = await import('../adapters/discord/register.ts');
      const commands = commandInfos();
      const names = await registerCommands({ token, applicationId, apiUrl, guildId: values.guild, commands });
      out(
        `registered ${names.length} commands ${values.guild ? `in guild ${values.guild}` : 'globally'}: ${names.map((n) => `/${n}`).join(', ')}`,
      );
      return 0;
    }
    case 'ask': {
      const { askCommand } = await import('./ask-command.ts');
      return askCommand(config, logger, { question: rest.join(' '), json: values.json }, out);
    }
    case 'viability': {
      if (values.answers === undefined) break;
      let parsed: unknown;
      try {
        parsed = JSON.parse(values.answers);
      } catch {
        err('careerbot: --answers is not valid JSON');
        return 1;
      }
      const ctx = await createContext(config, logger);
      const outcome = await createBot(ctx).submitViability({ platform: 'cli', id: values.user ?? 'local' }, parsed);
      if (!outcome.ok) {
        for (const p of outcome.problems) err(`careerbot: answers.${p.question}: ${p.message}`);
        await ctx.store.close();
        return 1;
      }
      const { reply, result, previous } = outcome;
      await ctx.store.close();
      if (values.json) {
        const changed = result.rows
          .filter((r) => r.previous)
          .map((r) => ({ factor: r.factor, from: r.previous, to: r.rating }));
        out(JSON.stringify({ ...result, changes: previous ? changed : null }, null, 2));
      } else {
        out(renderText(reply));
      }
      return 0;
    }
  }
  err(USAGE);
  return 2;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // Set-up errors (configuration, knowledge, store, job sources) are one line and their exit code; bugs throw.
  const failure = setupFailure(error);
  if (!failure) throw error;
  err(`careerbot: ${failure.message}`);
  process.exitCode = failure.exitCode;
}
