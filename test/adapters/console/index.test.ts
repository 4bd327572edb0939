import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/index.ts';
import { createTestBot } from '../../helpers/context.ts';

/** Plays lines into the console adapter and returns everything it printed. */
async function chat(lines: string[]): Promise<string> {
  const { bot } = await createTestBot();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const adapter = createConsoleAdapter({ bot, input, output });
  const running = adapter.start();
  input.end(`${lines.join('\n')}\n`);
  await running;
  return printed;
}

describe('console chat', () => {
  it('answers a question with sourced facts and numbered follow-ups', async () => {
    const printed = await chat(['how much do prompt engineers make?', '/quit']);
    expect(printed).toMatch(/COMPENSATION/);
    expect(printed).toMatch(/\(Bloomberg, 2023-03\)/);
    expect(printed).toMatch(/You could ask:\n {2}1\. /);
    expect(printed).toMatch(/Bye!/);
  });

  it('runs the whole viability check with numbered answers', async () => {
    const printed = await chat(['/viability', '3', '3', '3', '4', '1', '2', '/quit']);
    expect(printed).toMatch(/QUESTION 6 OF 6/);
    expect(printed).toMatch(/YOUR VIABILITY CHECK/);
    expect(printed.match(/^\[[+~!]\] /gm)).toHaveLength(9);
    expect(printed).toMatch(/Next steps:/);
  });

  it('follows a numbered choice: a follow-up question is asked for the user', async () => {
    const printed = await chat(['how much do prompt engineers make?', '1', '/quit']);
    const titles = printed.match(/^[A-Z][A-Z ,:?'’-]{8,}$/gm) ?? [];
    expect(titles[0]).toMatch(/COMPENSATION/);
    // The first follow-up of the salary answer asks about employment types.
    expect(titles[1]).toMatch(/FULL-TIME, CONTRACT OR FREELANCE/);
  });

  it('keeps going after empty lines and ends cleanly when input ends without /quit', async () => {
    const printed = await chat(['', '   ', 'help']);
    expect(printed).toMatch(/Your message was empty/);
    expect(printed).toMatch(/Bye!/);
  });
});
