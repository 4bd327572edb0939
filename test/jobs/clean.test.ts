/** Issue 10, item 8: the one sanitiser every job-board string passes before it can reach a channel. */
import { describe, expect, it } from 'vitest';
import { cleanText, cleanUrl, FIELD_LIMITS } from '../../src/jobs/sources/clean.ts';
import { LITERAL_CLOSE, LITERAL_OPEN, literal, renderLiterals } from '../../src/literal.ts';

describe('issue 10: cleanText', () => {
  it.each([
    ['line breaks of every kind become one space', 'Prompt\r\n\nEngineer\u2028Lead\u0085x', 'Prompt Engineer Lead x'],
    [
      'terminal sequences go whole, parameters included',
      'A\u001b[1;31mB\u001b[0m\u001b]0;title\u0007C\u009b2JD',
      'ABCD',
    ],
    ['NUL and other controls go', 'Pro\u0000mpt\u0007\u007f', 'Prompt'],
    ['bidi controls go', '\u202eevil\u202c \u2066x\u2069 \u200ey\u200f \u061cz', 'evil x y z'],
    ['zero-width and other format characters go', 'a\u200bb\u200cc\u200dd\ufeffe\u00adf', 'abcdef'],
    ['compatibility forms are folded (NFKC)', 'Ｐｒｏｍｐｔ ＊Ｅｎｇｉｎｅｅｒ＊', 'Prompt *Engineer*'],
    ['private-use characters go, so no literal span can be forged', `a${LITERAL_CLOSE}b${LITERAL_OPEN}c`, 'abc'],
    ['piles of combining marks are cut to two', 'q\u0301\u0302\u0303\u0304\u0305', 'q\u0301\u0302'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input, 200)).toBe(expected.normalize('NFKC'));
  });

  it('caps a 10,000-character title with an ellipsis', () => {
    const title = cleanText(`Prompt Engineer ${'A'.repeat(10_000)}`, FIELD_LIMITS.title);
    expect(title.length).toBeLessThanOrEqual(FIELD_LIMITS.title);
    expect(title.endsWith('…')).toBe(true);
  });

  it('gives an empty string for a value that is not text or has nothing printable', () => {
    expect(cleanText(42, 10)).toBe('');
    expect(cleanText('\u200b\u202e\u0000 \n', 10)).toBe('');
  });
});

describe('issue 10: cleanUrl', () => {
  it('keeps http(s) links and percent-encodes what would end or disguise a chat link', () => {
    expect(cleanUrl(' https://jobs.example.com/a_b?x=1 ')).toBe('https://jobs.example.com/a_b?x=1');
    expect(cleanUrl('https://x.example/a)b|c>d*e')).toBe('https://x.example/a%29b%7Cc%3Ed%2Ae');
  });

  it.each([
    'javascript:alert(1)',
    'ftp://x.example/',
    'not a url',
    'https://user:pw@x.example/',
    `https://x.example/${'a'.repeat(3000)}`,
  ])('drops %s', (url) => {
    expect(cleanUrl(url)).toBeUndefined();
  });
});

describe('issue 10: literal spans', () => {
  it('escape only the outside words and drop the markers', () => {
    const text = `*Notable* • ${literal('*Bold* Co')}: ${literal('[x](https://e.example)')}`;
    const escaped = renderLiterals(text, (s) => s.replace(/[*[\]()]/g, '\\$&'));
    expect(escaped).toBe('*Notable* • \\*Bold\\* Co: \\[x\\]\\(https://e.example\\)');
  });
});
