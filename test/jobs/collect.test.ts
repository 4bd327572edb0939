import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CollectOptions, collectPostings } from '../../src/jobs/collect.ts';
import { FAMILY_LABELS } from '../../src/jobs/families.ts';
import type { FamilyId, Posting } from '../../src/jobs/posting.ts';
import { loadJobSources } from '../../src/jobs/sources-file.ts';
import {
  type FakeSourceSpec,
  FIXTURE_NOW,
  FIXTURE_PREVIOUS_NOW,
  type JobBoardsFake,
  startJobBoardsFake,
  writeSourcesFile,
} from '../harness/job-boards-fake.ts';
import { captureLogger, tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
let fake: JobBoardsFake;
beforeAll(async () => {
  fake = await startJobBoardsFake();
});
afterAll(async () => {
  await fake.close();
  cleanup();
});

const FAST = { timeoutMs: 300, retry: { limit: 1, maxRetryAfterMs: 1000, backoffLimitMs: 50 } };

function options(now: Date, extra: Partial<CollectOptions> = {}): CollectOptions {
  return { now, logger: captureLogger().logger, ...FAST, ...extra };
}

function perFamily(postings: Posting[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const p of postings) for (const f of p.families) counts[f] = (counts[f] ?? 0) + 1;
  return counts;
}

describe('a collection over the fixture boards', () => {
  it('at 2026-11-23 09:00 UTC returns 26 deduped in-scope postings with the expected families', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake));
    const { postings, sources: reports } = await collectPostings(sources, options(FIXTURE_NOW));
    expect(reports.map((r) => [r.id, r.ok, r.count])).toEqual([
      ['greenhouse:northwind', true, 9],
      ['lever:lumen', true, 5],
      ['ashby:tessera', true, 4],
      ['remotive:ai-trainer', true, 5],
      ['himalayas:ai-trainer', true, 6],
    ]);
    expect(postings).toHaveLength(26);
    expect(perFamily(postings)).toEqual({
      prompt_engineering: 4,
      ai_training: 9,
      llm_evaluation: 6,
      conversation_design: 4,
      ai_content: 3,
      adjacent: 1,
    });
    expect(new Set(postings.map((p) => p.key)).size).toBe(26);
  });

  it('a week earlier returns only the 9 postings published by then', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake));
    const { postings } = await collectPostings(sources, options(FIXTURE_PREVIOUS_NOW));
    expect(postings).toHaveLength(9);
    expect(perFamily(postings)).toEqual({
      prompt_engineering: 2,
      ai_training: 1,
      llm_evaluation: 1,
      conversation_design: 3,
      ai_content: 2,
    });
    for (const p of postings) expect(Date.parse(p.postedAt)).toBeLessThanOrEqual(FIXTURE_PREVIOUS_NOW.getTime());
  });

  it('merges one job found on Greenhouse, Remotive (by URL) and Himalayas (by company and title)', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake));
    const { postings } = await collectPostings(sources, options(FIXTURE_NOW));
    const redTeam = postings.filter((p) => /red team/i.test(p.title));
    expect(redTeam).toHaveLength(1);
    expect(redTeam[0]).toMatchObject({
      source: 'greenhouse:northwind',
      url: 'https://job-boards.greenhouse.io/northwind/jobs/7001009',
      seenIn: ['greenhouse:northwind', 'remotive:ai-trainer', 'himalayas:ai-trainer'],
      // The board states no pay; the Remotive listing does, so the merged record borrows it.
      salary: { min: 70, max: 95, currency: 'USD', period: 'hour' },
    });
    expect(postings.filter((p) => p.title === 'AI Tutor - Spanish')).toHaveLength(1);
  });

  it('has a display label for every family it reports', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake));
    const { postings } = await collectPostings(sources, options(FIXTURE_NOW));
    for (const family of new Set(postings.flatMap((p) => p.families))) {
      expect(FAMILY_LABELS[family as FamilyId]).toBeTruthy();
    }
  });
});

describe('failing sources', () => {
  const entries: FakeSourceSpec[] = [
    { type: 'greenhouse', board: 'northwind' },
    { type: 'lever', board: 'lumen', company: 'Lumen Labs' },
    { type: 'ashby', board: 'tessera', company: 'Tessera', fail: '429' },
    { type: 'remotive', query: 'ai trainer', fail: '500' },
    { type: 'himalayas', query: 'ai trainer', fail: 'html' },
    { type: 'greenhouse', board: 'missing' },
    { type: 'greenhouse', board: 'northwind', id: 'greenhouse:slow', fail: 'hang' },
    { type: 'lever', board: 'lumen', id: 'lever:broken', fail: 'malformed' },
    { type: 'ashby', board: 'tessera', id: 'ashby:odd', fail: 'shape' },
  ];

  it('are reported with a short reason while the others still return postings', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake, entries, 'failing.yaml'));
    const log = captureLogger();
    const { postings, sources: reports } = await collectPostings(sources, options(FIXTURE_NOW, { logger: log.logger }));
    expect(reports.map((r) => [r.id, r.ok, r.error])).toEqual([
      ['greenhouse:northwind', true, undefined],
      ['lever:lumen', true, undefined],
      ['ashby:tessera', true, undefined],
      ['remotive:ai-trainer', false, 'HTTP 500'],
      ['himalayas:ai-trainer', false, 'not JSON (text/html)'],
      ['greenhouse:missing', false, 'HTTP 404'],
      ['greenhouse:slow', false, 'timed out after 0.3 s'],
      ['lever:broken', false, 'malformed JSON'],
      ['ashby:odd', false, 'unexpected shape: jobs missing'],
    ]);
    // Greenhouse's 9 posts (two of them one job), Lever's 5 and Ashby's 4 after its 429 was retried.
    expect(postings).toHaveLength(17);
    expect(postings.filter((p) => p.sourceType === 'ashby')).toHaveLength(4);
    expect(log.lines.join('')).toContain('HTTP 500');
  });
});

describe('collection options', () => {
  it('skips the sources `skip` names without fetching them, and says so', async () => {
    const sources = loadJobSources(writeSourcesFile(dir, fake));
    const before = fake.requests.length;
    const { sources: reports } = await collectPostings(
      sources,
      options(FIXTURE_NOW, { skip: (s) => s.type === 'remotive' }),
    );
    expect(reports.find((r) => r.type === 'remotive')).toMatchObject({ ok: true, count: 0, skipped: true });
    const made = fake.requests.slice(before).map((r) => r.path.split('/')[1]);
    expect(made).not.toContain('remotive');
    expect(made.filter((type) => type === 'greenhouse')).toHaveLength(1);
  });

  it("lets an entry's timeoutSeconds override the run's timeout", async () => {
    const entries: FakeSourceSpec[] = [
      { type: 'ashby', board: 'tessera', id: 'ashby:patient', timeoutSeconds: 0.1, fail: 'hang' },
    ];
    const sources = loadJobSources(writeSourcesFile(dir, fake, entries, 'timeout.yaml'));
    const { sources: reports } = await collectPostings(sources, options(FIXTURE_NOW, { timeoutMs: 5000 }));
    expect(reports[0]?.error).toBe('timed out after 0.1 s');
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    const own = await startJobBoardsFake();
    try {
      const hanging: FakeSourceSpec[] = ['a', 'b', 'c', 'd'].map((board) => ({
        type: 'greenhouse',
        board,
        fail: 'hang',
      }));
      const sources = loadJobSources(writeSourcesFile(dir, own, hanging, 'hanging.yaml'));
      const { sources: reports } = await collectPostings(sources, options(FIXTURE_NOW, { concurrency: 2 }));
      expect(reports.map((r) => r.error)).toEqual(Array(4).fill('timed out after 0.3 s'));
      expect(own.requests).toHaveLength(4);
      expect(own.maxInFlight).toBe(2);
    } finally {
      await own.close();
    }
  });
});
