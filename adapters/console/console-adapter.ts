/**
 * The console chat: the embedded default when no platform token is configured. Reads questions from a
 * terminal (or any stream), answers through the core bot, and lets users pick a numbered choice.
 */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Bot } from '../../src/bot.ts';
import type { Adapter, Reply } from '../../src/types.ts';
import { renderText } from './render-text.ts';

/** Options for the console adapter; streams default to the process's stdin/stdout. */
export interface ConsoleAdapterOptions {
  bot: Bot;
  input?: Readable;
  output?: Writable;
  /** Shown once at start. */
  greeting?: string;
  userName?: string;
}

/** Creates the console adapter. `start()` resolves when the user quits or input ends. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): Adapter {
  const { bot, input = process.stdin, output = process.stdout } = options;
  const write = (text: string) => output.write(`${text}\n`);
  let stopped = false;
  let closeReadline: (() => void) | undefined;
  let lastChoices: Reply['choices'] = [];
  let counter = 0;

  return {
    name: 'console',
    async post(_conversationId, reply) {
      write(`\n${renderText(reply)}\n`);
    },
    async stop() {
      stopped = true;
      closeReadline?.();
    },
    async start() {
      const rl = createInterface({ input, output, terminal: false });
      closeReadline = () => rl.close();
      write(options.greeting ?? 'careerbot: ask me about a career in prompt engineering. /help, /viability, /quit');
      output.write('\n> ');
      for await (const line of rl) {
        if (stopped) break;
        const trimmed = line.trim();
        if (trimmed === '/quit' || trimmed === '/exit') break;
        // A bare number picks one of the choices the last reply offered.
        const picked = /^\d{1,2}$/.test(trimmed) ? lastChoices[Number(trimmed) - 1] : undefined;
        const text = picked ? picked.question : line;
        counter += 1;
        // A model answer can take seconds; say so once, the full reply follows as usual.
        let thinking = false;
        const onProgress = () => {
          if (!thinking) write('(thinking…)');
          thinking = true;
        };
        // A topic choice answers its intent directly; a command or a plain question goes through the bot.
        const reply =
          picked?.intent && !picked.question.startsWith('/')
            ? bot.answerIntent(picked.intent)
            : await bot.handle(
                {
                  id: `console-${counter}`,
                  platform: 'console',
                  text,
                  author: { id: options.userName ?? 'local', name: options.userName },
                  conversation: { id: 'console' },
                  kind: 'direct',
                },
                { onProgress },
              );
        lastChoices = reply.choices;
        write(`\n${renderText(reply)}\n`);
        output.write('> ');
      }
      rl.close();
      write('\nBye! Run npm start any time to continue.');
    },
  };
}
