/**
 * The console's own words: the greeting, the command list added to the help, and what it says when a
 * number picks nothing. The commands come from the core's registry; only `/quit` and numbered picking are
 * the console's own, so those live here.
 */
import type { CommandInfo } from '../../src/ports.ts';
import { wrapText } from '../../src/render-text.ts';

const CONSOLE_ONLY: readonly [string, string][] = [
  ['/quit', 'leave the chat (Ctrl-D works too)'],
  ['1, 2, 3…', 'pick one of the numbered options under the last reply'],
];

/** The greeting, with where the logs go (said once, so the conversation itself stays free of them). */
export function greetingText(width: number, logPath?: string): string {
  const lines = ['careerbot: ask me about a career in prompt engineering. /help, /viability, /quit'];
  if (logPath) lines.push(`(Logs go to ${logPath}.)`);
  return wrapText(lines.join('\n'), width);
}

/** Every command the console takes, appended to the full help. */
export function commandsText(commands: readonly CommandInfo[], width: number): string {
  const all: [string, string][] = [
    ...commands.map((c): [string, string] => [
      c.option?.name === 'question' ? `/${c.name} <question>` : `/${c.name}`,
      c.description,
    ]),
    ...CONSOLE_ONLY,
  ];
  const pad = Math.max(...all.map(([name]) => name.length));
  const rows = all.map(([name, what]) => wrapText(`  ${name.padEnd(pad)}  ${what}`, width, ' '.repeat(pad + 4)));
  return `Commands:\n${rows.join('\n')}`;
}

/** The answer to a number that picks none of the options on screen. */
export function noSuchOptionText(picked: string, options: number, width: number): string {
  const text =
    options > 0
      ? `There is no option ${picked}. Type a number from 1 to ${options}, or ask a question in words.`
      : `There are no numbered options to pick from right now. Ask a question in words, or type /help.`;
  return wrapText(text, width);
}
