/**
 * Issue 12: the router reads every role as "prompt engineer", so answers tell the roles apart themselves:
 * a question about AI trainers' pay opens with the platforms' hourly figures, one about prompt engineers
 * with the title's salaries; curators' search logs never reach users.
 */
import { describe, expect, it } from 'vitest';
import { createTestBot, message, realKnowledge } from '../helpers/context.ts';

const { kb } = realKnowledge();
const summary = kb.entries.get('compensation')?.summary ?? '';

describe('issue 12: answers for the role that was asked about', () => {
  it('opens an AI-trainer pay question with a platform figure, then the evidence', async () => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message('how much do AI trainers make per hour?'));
    expect(reply.entryIds).toEqual([kb.entries.get('compensation')?.id]);
    expect(reply.facts[0]?.figure).toMatch(/an hour|\/h/);
    expect(reply.facts.slice(0, 3).every((f) => /hour/.test(`${f.figure} ${f.text}`))).toBe(true);
    // A direct first sentence from the best-matching fact, before the topic's summary.
    expect(reply.body.startsWith(summary)).toBe(false);
    expect(reply.body.endsWith(summary)).toBe(true);
    expect(reply.advice[0]).toMatch(/AI-training platforms/);
  });

  it("shows the prompt engineer title's salaries for a prompt engineer question", async () => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message('how much do prompt engineers make?'));
    const refs = reply.facts.map((f) => f.ref);
    expect(refs).toContain('compensation/bloomberg-range');
    expect(refs).toContain('compensation/listings-range');
    expect(reply.facts.some((f) => /Outlier|Mercor|Alignerr/.test(f.text))).toBe(false);
  });

  it('never shows what a curator searched for', async () => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message('All figures on Compensation: what AI trainers get paid per hour'));
    expect(reply.facts.length).toBeGreaterThan(4);
    expect(JSON.stringify(reply)).not.toMatch(/Searched \(pages/);
  });
});
