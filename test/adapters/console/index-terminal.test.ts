/**
 * Issue 10, item 14: the console chat as a person at a terminal sees it, through the real adapter
 * driven by streams (a TTY-like pair where line editing matters).
 */
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../../../adapters/console/index.ts';
import { createTestBot, realKnowledge } from '../../helpers/context.ts';

interface ChatOptions {
  /** Make the streams look like a terminal of this width. */
  tty?: { columns: number };
  /** Raw input, sent as one chunk; otherwise `lines` joined with newlines. */
  raw?: string;
}

/** Plays input into the console adapter and returns everything it printed. */
async function chat(lines: string[], options: ChatOptions = {}): Promise<string> {
  const { bot } = await createTestBot();
  const input = new PassThrough();
  const output = new PassThrough();
  if (options.tty) {
    Object.assign(input, { isTTY: true });
    Object.assign(output, { isTTY: true, columns: options.tty.columns });
  }
  let printed = '';
  output.on('data', (chunk) => {
    printed += String(chunk);
  });
  const running = createConsoleAdapter({ bot, input, output }).start();
  input.end(options.raw ?? `${lines.join('\n')}\n`);
  await running;
  return printed;
}

/** Every word of `text` appears whole in `printed` (no word was split across lines). */
function wordsKept(printed: string, text: string): string[] {
  const shown = new Set(printed.split(/\s+/));
  return text.split(/\s+/).filter((w) => w !== '' && !shown.has(w));
}

describe('issue 10: console wrapping', () => {
  it('wraps at 80 columns at word boundaries when the output is not a terminal', async () => {
    const printed = await chat(['how much do prompt engineers make?', '/viability', '3', '3', '3', '4', '1', '2']);
    const long = printed.split('\n').filter((l) => l.length > 80);
    expect(long).toEqual([]);
    expect(wordsKept(printed, 'Benchmark offers against the $70,000–$200,000 most 2023 listings')).toEqual([]);
  });

  it('wraps to the width of the terminal it writes to', async () => {
    const printed = await chat([], { tty: { columns: 50 }, raw: 'how much do prompt engineers make?\r/help\r' });
    // Readline's own echo of the typed line may be longer; the replies are not.
    const replies = printed.split('\n').filter((l) => !l.includes('> '));
    expect(replies.filter((l) => l.length > 50)).toEqual([]);
    expect(replies.some((l) => l.length > 40)).toBe(true);
    expect(wordsKept(printed, 'Benchmark offers against the $70,000–$200,000 most 2023 listings')).toEqual([]);
  });
});

describe('issue 10: console line editing', () => {
  it('recalls the previous question with the up arrow instead of sending the escape code', async () => {
    const printed = await chat([], { tty: { columns: 80 }, raw: 'how much do prompt engineers make?\r\x1b[A\r' });
    expect(printed.match(/COMPENSATION: WHAT PROMPT ENGINEERS EARN/g)).toHaveLength(2);
    expect(printed).not.toMatch(/I read words, not pictures/);
  });

  it('edits the line with backspace and the arrow keys', async () => {
    // "banana" rubbed out, then "/hlp" mended to "/help" by moving the cursor back two places.
    const raw = 'banana\x7f\x7f\x7f\x7f\x7f\x7f/hlp\x1b[D\x1b[De\r';
    const printed = await chat([], { tty: { columns: 80 }, raw });
    expect(printed).toMatch(/WHAT CAREERBOT CAN DO/);
    expect(printed).not.toMatch(/Unknown command/);
  });
});

describe('issue 10: console menus and commands', () => {
  it('says there is no such option for a number outside the last menu', async () => {
    const printed = await chat(['how much do prompt engineers make?', '7']);
    const afterSeven = printed.split('\n> ')[2] ?? '';
    expect(afterSeven).toMatch(/There is no option 7/);
    expect(afterSeven).toMatch(/1 to [3-5]/);
    expect(afterSeven).not.toMatch(/COMPENSATION|OUTSIDE WHAT CAREERBOT COVERS/);
  });

  it('says there is no menu for a number when the last reply offered none', async () => {
    const printed = await chat(['42']);
    expect(printed.split('\n> ')[1]).toMatch(/no numbered options/i);
  });

  it('lists every console command in /help', async () => {
    const printed = await chat(['/help']);
    for (const command of ['/viability', '/jobs', '/cancel', '/help', '/quit']) expect(printed).toContain(command);
    expect(printed).toMatch(/number/i);
  });

  it('answers greetings and thanks briefly, and "what can you do" with the full help', async () => {
    const printed = await chat(['hi', 'thanks!', 'what can you do?']);
    const [hi, thanks, help] = printed.split('\n> ').slice(1);
    for (const short of [hi, thanks]) {
      expect(short).not.toMatch(/WHAT CAREERBOT CAN DO/);
      expect((short ?? '').trim().split('\n').length).toBeLessThanOrEqual(4);
    }
    expect(help).toMatch(/WHAT CAREERBOT CAN DO/);
  });

  it('takes questionnaire answers in plain words and confirms how it read them', async () => {
    const printed = await chat([
      '/viability',
      "I don't code",
      'I use ChatGPT every day',
      'not yet',
      "I don't mind",
      'sure',
      '$90k',
    ]);
    expect(printed).not.toMatch(/Please pick one of the options/);
    expect(printed).toMatch(/YOUR VIABILITY CHECK/);
    expect(printed).toMatch(/Noted: Not at all, I don't code yet\./);
    expect(printed).toMatch(/Noted: Regularly, for everyday tasks\./);
  });

  it('re-asks with the options when a plain answer is unclear', async () => {
    const printed = await chat(['/viability', 'as much as possible']);
    expect(printed).toMatch(/QUESTION 1 OF 6[\s\S]*QUESTION 1 OF 6/);
    expect(printed).toMatch(/1\. Not at all/);
  });
});

describe('issue 10: console text glitches', () => {
  it('shows scorecard rows without a double colon or "?:", and footers without the knowledge-base hash', async () => {
    const printed = await chat(['/viability', '3', '3', '3', '4', '1', '2', 'how much do prompt engineers make?']);
    expect(printed).toMatch(/^\[[+~!]\] /m);
    expect(printed).not.toMatch(/::|\?:/);
    expect(printed.split('\n').filter((l) => /^\[[+~!]\] /.test(l) && l.split(':').length > 2)).toEqual([]);
    expect(printed).toMatch(/Sources: .*Bloomberg/);
    expect(printed).not.toMatch(/knowledge base [0-9a-f]{6,}/);
  });
});

describe('issue 12: every fact reachable from the console', () => {
  it('picking "All figures and advice" by its number shows every fact of the topic', async () => {
    const first = await chat(['how much do prompt engineers make?']);
    const menu = first.match(/^\s+(\d+)\. All figures and advice$/m);
    expect(menu).not.toBeNull();
    const printed = await chat(['how much do prompt engineers make?', menu?.[1] ?? '']);
    // Wrapping may break a figure across lines, so spacing is compared as single spaces.
    const second = (printed.split('\n> ')[2] ?? '').replace(/\s+/g, ' ');
    const facts = realKnowledge().kb.entries.get('compensation')?.facts ?? [];
    expect(facts.length).toBeGreaterThan(4);
    for (const fact of facts) expect(second).toContain(fact.figure.replace(/\s+/g, ' '));
  });
});
