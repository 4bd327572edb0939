import { describe, expect, it } from 'vitest';
import { decodeAsk, decodeShare, encodeAsk, encodeShare } from '../../../adapters/discord/custom-ids.ts';

describe('button ids', () => {
  it('round-trips a question and its intent, including non-ASCII text', () => {
    for (const question of ['How much do prompt engineers earn?', 'Combien gagne un ingénieur? 日本語 🚀']) {
      expect(decodeAsk(encodeAsk({ question, intent: 'compensation' }))).toEqual({ question, intent: 'compensation' });
      expect(decodeAsk(encodeAsk({ question }))).toEqual({ question });
      expect(decodeShare(encodeShare(question))).toBe(question);
    }
  });

  it('keeps a too-long question as a prefix within 100 characters', () => {
    const question =
      'Will prompt engineering become obsolete, or will companies still need it in the long run? 🚀 '.repeat(3);
    const id = encodeAsk({ question, intent: 'out_of_scope' });
    expect(id.length).toBeLessThanOrEqual(100);
    const decoded = decodeAsk(id)?.question ?? '';
    expect(decoded.length).toBeGreaterThan(20);
    expect(question.startsWith(decoded)).toBe(true);
    expect(encodeShare(question).length).toBeLessThanOrEqual(100);
  });

  it('rejects garbage, other prefixes and unknown intents', () => {
    const q = Buffer.from('hello').toString('base64url');
    for (const id of [
      '',
      'cb:ask',
      'cb:ask:-:',
      'cb:ask:-:***',
      `cb:ask:bogus:${q}`,
      `cb:share:${q}`,
      `x${encodeAsk({ question: 'a' })}`,
    ])
      expect(decodeAsk(id)).toBeUndefined();
    expect(decodeAsk(`cb:ask:-:${Buffer.from([0xff, 0xfe]).toString('base64url')}`)).toBeUndefined();
    expect(decodeShare(`cb:ask:-:${q}`)).toBeUndefined();
  });
});
