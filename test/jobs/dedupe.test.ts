import { describe, expect, it } from 'vitest';
import { canonicalUrl, dedupePostings, fuzzyName } from '../../src/jobs/dedupe.ts';
import type { Posting } from '../../src/jobs/posting.ts';

let counter = 0;
function posting(overrides: Partial<Posting>): Posting {
  counter += 1;
  const source = overrides.source ?? 'greenhouse:northwind';
  return {
    source,
    sourceType: 'greenhouse',
    id: String(counter),
    key: `k${counter}`,
    company: 'Northwind AI',
    title: `Role ${counter}`,
    url: `https://example.com/jobs/${counter}`,
    location: 'Remote',
    remote: 'remote',
    employment: 'full_time',
    postedAt: '2026-11-18T10:00:00.000Z',
    families: ['ai_training'],
    seenIn: [source],
    ...overrides,
  };
}

describe('canonicalUrl', () => {
  it('drops scheme, fragment, tracking parameters, trailing /apply and case in the host', () => {
    expect(canonicalUrl('https://Jobs.Lever.co/lumen/abc/apply?lever-source=LinkedIn#top')).toBe(
      'jobs.lever.co/lumen/abc',
    );
    expect(canonicalUrl('http://job-boards.greenhouse.io/northwind/jobs/7?utm_source=x&gh_src=y&utm_medium=z')).toBe(
      'job-boards.greenhouse.io/northwind/jobs/7',
    );
    expect(canonicalUrl('https://boards.greenhouse.io/northwind/jobs/7/')).toBe(
      'job-boards.greenhouse.io/northwind/jobs/7',
    );
    expect(canonicalUrl('https://jobs.ashbyhq.com/tessera/id-1/application')).toBe('jobs.ashbyhq.com/tessera/id-1');
  });

  it('keeps parameters that identify the job', () => {
    expect(canonicalUrl('https://careers.example.com/open?gh_jid=42&utm_source=a')).toBe(
      'careers.example.com/open?gh_jid=42',
    );
  });

  it('gives nothing for a string that is not a URL', () => {
    expect(canonicalUrl('not a url')).toBeUndefined();
  });
});

describe('fuzzyName', () => {
  it('ignores legal suffixes, seniority, bracketed notes and known aliases', () => {
    expect(fuzzyName('Northwind AI, Inc.', 'Senior AI Red Teamer (Contract)')).toBe(
      fuzzyName('Northwind', 'AI Red Teamer'),
    );
    expect(fuzzyName('SpaceXAI', 'AI Tutor')).toBe(fuzzyName('xAI', 'AI Tutor'));
  });

  it('keeps the parts that make two requisitions different jobs', () => {
    expect(fuzzyName('xAI', 'AI Tutor - Spanish')).not.toBe(fuzzyName('xAI', 'AI Tutor - Chinese'));
  });
});

describe('dedupePostings', () => {
  it('folds posts sharing an ATS key into the earliest one', () => {
    const later = posting({ key: 'greenhouse:northwind:1', id: 'b', postedAt: '2026-11-17T15:00:00.000Z' });
    const earlier = posting({ key: 'greenhouse:northwind:1', id: 'a', postedAt: '2026-11-17T14:30:00.000Z' });
    const result = dedupePostings([later, earlier]);
    expect(result).toHaveLength(1);
    expect(result[0]?.id).toBe('a');
    expect(result[0]?.seenIn).toEqual(['greenhouse:northwind']);
  });

  it('prefers the ATS record over an aggregator listed first, matching on the ATS link in its description', () => {
    const aggregator = posting({
      source: 'remotive:ai',
      sourceType: 'remotive',
      key: 'remotive:9',
      url: 'https://remotive.com/remote-jobs/x-9',
      alsoAt: ['https://job-boards.greenhouse.io/northwind/jobs/7?utm_source=remotive'],
      title: 'Red Teamer',
      salary: { min: 70, max: 95, currency: 'USD', period: 'hour', from: 'text' },
    });
    const ats = posting({ key: 'greenhouse:northwind:7', url: 'https://job-boards.greenhouse.io/northwind/jobs/7' });
    const result = dedupePostings([aggregator, ats]);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      source: 'greenhouse:northwind',
      key: 'greenhouse:northwind:7',
      seenIn: ['greenhouse:northwind', 'remotive:ai'],
      salary: { min: 70, max: 95 },
    });
  });

  it('matches company and title within 14 days, not beyond', () => {
    const ats = posting({ title: 'AI Red Teamer', postedAt: '2026-11-01T00:00:00.000Z' });
    const near = posting({
      source: 'himalayas:ai',
      sourceType: 'himalayas',
      company: 'Northwind',
      title: 'AI Red Teamer (Contract)',
      postedAt: '2026-11-14T00:00:00.000Z',
    });
    const far = posting({
      source: 'himalayas:ai',
      sourceType: 'himalayas',
      company: 'Northwind',
      title: 'AI Red Teamer',
      postedAt: '2026-11-20T00:00:00.000Z',
    });
    const result = dedupePostings([ats, near, far]);
    expect(result.map((p) => p.seenIn)).toEqual([['greenhouse:northwind', 'himalayas:ai'], ['himalayas:ai']]);
  });

  it('keeps distinct requisitions and leaves its input untouched', () => {
    const a = posting({ title: 'AI Tutor - Spanish' });
    const b = posting({ title: 'AI Tutor - Chinese' });
    const c = posting({ source: 'remotive:ai', sourceType: 'remotive', title: 'AI Tutor - Spanish' });
    const result = dedupePostings([a, b, c]);
    expect(result).toHaveLength(2);
    expect(a.seenIn).toEqual(['greenhouse:northwind']);
  });

  it('lists one source once even when two of its queries return the same job', () => {
    const first = posting({ source: 'himalayas:ai-trainer', sourceType: 'himalayas', key: 'himalayas:g1' });
    const second = { ...first, source: 'himalayas:prompt-engineer', seenIn: ['himalayas:prompt-engineer'] };
    expect(dedupePostings([first, second, first])[0]?.seenIn).toEqual([
      'himalayas:ai-trainer',
      'himalayas:prompt-engineer',
    ]);
  });

  it('merges repeated keys across 20,000 postings (speed is measured by npm run bench)', () => {
    const many = Array.from({ length: 20_000 }, (_, i) =>
      posting({ key: `lever:x:${i % 15_000}`, title: `Role ${i % 17_000}`, url: `https://jobs.lever.co/x/${i}` }),
    );
    const result = dedupePostings(many);
    expect(result.length).toBeLessThanOrEqual(15_000);
  });
});
