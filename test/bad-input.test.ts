import { describe, expect, it } from 'vitest';
import { cleanInput, MAX_ROUTED_CHARS, neutraliseMentions } from '../src/input.ts';
import type { Reply } from '../src/ports.ts';
import { createTestBot, message } from './helpers/context.ts';

/** Every piece of text a reply would show. */
const shown = (r: Reply) =>
  [
    r.title,
    r.body,
    r.footer ?? '',
    ...r.advice,
    ...r.choices.flatMap((c) => [c.label, c.question]),
    ...r.facts.map((f) => f.text),
  ].join('\n');

describe('bad input gets a clear, bounded reply', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace only', '   \n\t  '],
    ['control characters', '\u0000\u0007how much\u001b[31m do prompt engineers make\u0008?'],
    ['lone surrogates (invalid UTF-16)', 'salary \ud800 for prompt \udfff engineers'],
    ['emoji only', '🤖💰🚀'],
    ['right-to-left text', 'كم يكسب مهندس البرومبت؟ \u202eoverride'],
    ['Slack markup', '<!channel> <@U123ABC> how much do prompt engineers make?'],
    ['Discord markup', '@everyone @here <@&123456789012345678> how much do prompt engineers make?'],
    ['markdown injection', '# Title\n```js\nalert(1)\n```\n[click](javascript:alert(1)) **pay?**'],
    ['50,000 characters', `${'a'.repeat(49_970)} how much do prompt engineers make?`],
  ];

  it.each(cases)('%s', async (_name, text) => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message(text));
    expect(reply.kind).not.toBe('error');
    expect(reply.title.length).toBeGreaterThan(0);
    const out = shown(reply);
    expect(out.length).toBeLessThan(6_000);
    // Nothing from the user is echoed back, so nothing can ping a channel.
    expect(out).not.toMatch(/<!channel>|<@U123ABC>|@everyone|@here|<@&\d+>|javascript:/);
  });

  it('treats a non-string text as empty instead of crashing', async () => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message(undefined as unknown as string));
    expect(reply.kind).toBe('notice');
  });

  it('keeps the head and the tail of a huge message, and says so', async () => {
    const input = cleanInput(`${'word '.repeat(20_000)}how much do prompt engineers make?`);
    expect(input.truncated).toBe(true);
    expect(input.text.length).toBeLessThanOrEqual(MAX_ROUTED_CHARS + 3);
    expect(input.text.endsWith('how much do prompt engineers make?')).toBe(true);
    const { bot } = await createTestBot();
    const reply = await bot.handle(message(`${'word '.repeat(20_000)}how much do prompt engineers make?`));
    expect(reply.entryIds).toEqual(['compensation']);
    expect(reply.footer).toMatch(/very long/);
  });

  it('neutralises every kind of mention when text must be shown', () => {
    const text = neutraliseMentions('<!channel> <!here> <@U1> <#C1> <!subteam^S1> @everyone @here <@123> <@&456>');
    expect(text).not.toMatch(/<[!@#]|@everyone|@here/);
  });
});
