/**
 * The console chat: the embedded default when no platform token is configured. Reads questions from a
 * terminal (or any stream), answers through the core bot, and lets users pick a numbered choice.
 */
import { createInterface } from 'node:readline/promises';
import type { Readable, Writable } from 'node:stream';
import type { Adapter, Bot, Reply } from '../../src/ports.ts';
import { columnsOf, renderText } from '../../src/render-text.ts';
import { commandsText, greetingText, noSuchOptionText } from './console-text.ts';

/** Options for the console adapter; streams default to the process's stdin/stdout. */
export interface ConsoleAdapterOptions {
  bot: Bot;
  input?: Readable;
  output?: Writable;
  /** Shown once at start. */
  greeting?: string;
  userName?: string;
  /** Where the process's logs go; named once in the greeting. */
  logPath?: string;
}

/** Creates the console adapter. `start()` resolves when the user quits or input ends. */
export function createConsoleAdapter(options: ConsoleAdapterOptions): Adapter {
  const { bot, input = process.stdin, output = process.stdout } = options;
  const write = (text: string) => output.write(`${text}\n`);
  // Read on every reply, so a resized terminal gets the new width.
  const width = () => columnsOf(output);
  const show = (reply: Reply) => {
    const text = renderText(reply, width());
    write(`\n${reply.kind === 'help' ? `${text}\n\n${commandsText(bot.commands, width())}` : text}\n`);
  };
  let stopped = false;
  let closeReadline: (() => void) | undefined;
  let lastChoices: Reply['choices'] = [];
  let counter = 0;

  return {
    name: 'console',
    async post(_conversationId, reply) {
      show(reply);
    },
    async stop() {
      stopped = true;
      closeReadline?.();
    },
    async start() {
      // On a terminal, readline gives line editing and history (arrow keys); on a pipe it just reads lines.
      const terminal = Boolean((input as { isTTY?: boolean }).isTTY);
      const rl = createInterface({ input, output, terminal, prompt: '> ', historySize: 100 });
      closeReadline = () => rl.close();
      // Input can end while lines are still queued; readline then refuses `prompt()`, so print it plainly.
      let closed = false;
      rl.once('close', () => {
        closed = true;
      });
      const prompt = () => (closed ? output.write('> ') : rl.prompt());
      write(options.greeting ?? greetingText(width(), options.logPath));
      output.write('\n');
      prompt();
      for await (const line of rl) {
        if (stopped) break;
        const trimmed = line.trim();
        if (trimmed === '/quit' || trimmed === '/exit') break;
        // A bare number picks one of the choices the last reply offered, and only those.
        const number = /^\d{1,3}$/.test(trimmed);
        const picked = number ? lastChoices[Number(trimmed) - 1] : undefined;
        if (number && !picked) {
          write(`\n${noSuchOptionText(trimmed, lastChoices.length, width())}\n`);
          prompt();
          continue;
        }
        const text = picked ? picked.question : line;
        counter += 1;
        // A model answer can take seconds; say so once, the full reply follows as usual.
        let thinking = false;
        const onProgress = () => {
          if (!thinking) write('(thinking…)');
          thinking = true;
        };
        // A picked number carries its choice: the bot answers a topic directly, runs a command, or asks its question.
        const reply = await bot.handle(
          {
            id: `console-${counter}`,
            platform: 'console',
            text,
            author: { id: options.userName ?? 'local', name: options.userName },
            conversation: { id: 'console' },
            kind: 'direct',
            ...(picked ? { choice: picked } : {}),
          },
          { onProgress },
        );
        lastChoices = reply.choices;
        show(reply);
        prompt();
      }
      rl.close();
      write('\nBye! Run npm start any time to continue.');
    },
  };
}
