import { describe, expect, it } from 'vitest';
import { columnsOf, wrapText } from '../src/render-text.ts';

const TEXT = 'Most prompt engineering listings on Indeed and Upwork paid $70,000–$200,000 a year (June 2023).';

describe('issue 10: wrapping console text', () => {
  it.each([20, 33, 50, 80])('keeps every line within %i columns and every word whole', (width) => {
    const lines = wrapText(TEXT, width).split('\n');
    expect(lines.filter((l) => [...l].length > width)).toEqual([]);
    expect(lines.join(' ')).toBe(TEXT);
  });

  it('gives a word longer than the width a line of its own instead of cutting it', () => {
    const url = 'https://example.com/a/very/long/path/that/does/not/fit';
    expect(wrapText(`see ${url} now`, 20).split('\n')).toEqual(['see', url, 'now']);
  });

  it('hangs bullet continuations under the first word and keeps padding inside a line', () => {
    expect(wrapText('• one two three four five', 12)).toBe('• one two\n  three four\n  five');
    expect(wrapText('  /jobs      digest', 40)).toBe('  /jobs      digest');
  });

  it('reads the width of a terminal stream, and 80 columns for anything else', () => {
    expect(columnsOf({ columns: 57 })).toBe(57);
    expect(columnsOf({})).toBe(80);
  });
});
