import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource } from '../../src/jobs/collect.ts';
import { dedupePostings } from '../../src/jobs/dedupe.ts';
import { USER_AGENT } from '../../src/jobs/fetch.ts';
import type { Posting } from '../../src/jobs/posting.ts';
import { normalise } from '../../src/jobs/sources/registry.ts';
import type { JobSource } from '../../src/jobs/sources-file.ts';
import { createLogger } from '../../src/logger.ts';
import {
  type FakeSourceSpec,
  FIXTURE_NOW,
  FIXTURE_PREVIOUS_NOW,
  FIXTURES_DIR,
  fakeSourceUrl,
  type JobBoardsFake,
  startJobBoardsFake,
} from '../harness/job-boards-fake.ts';

const logger = createLogger('silent');
let fake: JobBoardsFake;

beforeAll(async () => {
  fake = await startJobBoardsFake();
});
afterAll(() => fake.close());

function entry(spec: FakeSourceSpec): JobSource {
  const detail = spec.board ?? spec.query?.replace(/ /g, '-');
  return {
    id: spec.id ?? `${spec.type}:${detail}`,
    type: spec.type,
    url: fakeSourceUrl(fake, spec),
    ...(spec.board && { board: spec.board }),
    ...(spec.query && { query: spec.query }),
    ...(spec.company && { company: spec.company }),
  };
}

async function read(spec: FakeSourceSpec, now = FIXTURE_NOW, pageSize?: number) {
  return fetchSource(entry(spec), { now, logger, timeoutMs: 2000, ...(pageSize && { pageSize }) });
}

function byTitle(postings: Posting[], title: string): Posting {
  const found = postings.find((p) => p.title === title);
  if (!found) throw new Error(`no posting titled ${title}: ${postings.map((p) => p.title).join(', ')}`);
  return found;
}

describe('Greenhouse board', () => {
  it('keys by internal job id, reads local offsets as UTC, infers remote mode and parses pay from escaped HTML', async () => {
    const { postings, report } = await read({ type: 'greenhouse', board: 'northwind' });
    expect(report).toMatchObject({ ok: true, total: 13, future: 1 });
    expect(byTitle(postings, 'Prompt Engineer, Applied AI')).toEqual({
      source: 'greenhouse:northwind',
      sourceType: 'greenhouse',
      id: '7001001',
      key: 'greenhouse:northwind:4001001',
      company: 'Northwind AI',
      title: 'Prompt Engineer, Applied AI',
      url: 'https://job-boards.greenhouse.io/northwind/jobs/7001001',
      location: 'Remote - US',
      remote: 'remote',
      employment: 'full_time',
      postedAt: '2026-11-10T15:00:00.000Z',
      salary: { min: 180_000, max: 230_000, currency: 'USD', period: 'year', from: 'text' },
      families: ['prompt_engineering'],
      seenIn: ['greenhouse:northwind'],
    });
    expect(byTitle(postings, 'Conversation Designer')).toMatchObject({
      postedAt: '2026-11-16T01:30:00.000Z',
      remote: 'onsite',
    });
    expect(byTitle(postings, 'Conversation Designer').salary).toBeUndefined();
    expect(byTitle(postings, 'Model Evaluation Specialist')).toMatchObject({
      remote: 'hybrid',
      salary: { min: 55_000, max: 70_000, currency: 'GBP', period: 'year' },
    });
    // Both posts of one job share the key; dedupe (not the parser) folds them.
    expect(postings.filter((p) => p.key === 'greenhouse:northwind:4001002').map((p) => p.id)).toEqual([
      '7001002',
      '7001003',
    ]);
  });

  it('keeps a generic title only with AI work in its description, and never reads a bonus as pay', async () => {
    const { postings } = await read({ type: 'greenhouse', board: 'northwind' });
    const titles = postings.map((p) => p.title);
    expect(titles).toContain('Annotator');
    expect(titles).not.toContain('Trainer, Customer Onboarding');
    expect(titles).not.toContain('Machine Learning Engineer, Inference');
    expect(titles).not.toContain('Research Scientist, Pretraining');
    expect(byTitle(postings, 'Annotator').salary).toBeUndefined();
  });

  it('reports 404 for an unknown board token', async () => {
    const { postings, report } = await read({ type: 'greenhouse', board: 'no-such-board' });
    expect(postings).toEqual([]);
    expect(report).toMatchObject({ ok: false, count: 0, error: 'HTTP 404' });
  });
});

describe('Lever site', () => {
  it('pages with skip/limit until a short page and reads epoch-ms dates, workplaceType and salaryRange', async () => {
    const before = fake.requestsTo('/lever/').length;
    const { postings, report } = await read({ type: 'lever', board: 'lumen', company: 'Lumen Labs' }, FIXTURE_NOW, 4);
    const pages = fake.requestsTo('/lever/').slice(before);
    expect(pages.map((r) => [r.query.skip, r.query.limit])).toEqual([
      ['0', '4'],
      ['4', '4'],
    ]);
    expect(report).toMatchObject({ ok: true, total: 7, count: 5 });
    expect(byTitle(postings, 'AI Trainer - Physics (Contract)')).toMatchObject({
      key: 'lever:lumen:3f1c2a10-0001-4a51-9c11-1a2b3c4d5e01',
      company: 'Lumen Labs',
      url: 'https://jobs.lever.co/lumen/3f1c2a10-0001-4a51-9c11-1a2b3c4d5e01',
      remote: 'remote',
      employment: 'contract',
      postedAt: '2026-11-18T16:00:00.000Z',
      salary: { min: 40, max: 65, currency: 'USD', period: 'hour', from: 'structured' },
      families: ['ai_training'],
    });
    expect(byTitle(postings, 'Voice UX Designer')).toMatchObject({
      remote: 'hybrid',
      salary: { min: 60_000, max: 80_000, currency: 'EUR', period: 'year' },
    });
    expect(postings.map((p) => p.title)).not.toContain('Personal Trainer (Employee Wellness)');
    expect(postings.map((p) => p.title)).not.toContain('Sales Trainer');
  });
});

describe('Ashby board', () => {
  it('drops unlisted jobs, prefers workplaceType over isRemote and takes only the Salary component', async () => {
    const { postings, report } = await read({ type: 'ashby', board: 'tessera', company: 'Tessera' });
    expect(report).toMatchObject({ ok: true, total: 6, count: 4 });
    expect(postings.map((p) => p.title)).not.toContain('Chatbot Writer');
    expect(byTitle(postings, 'AI Content Strategist')).toMatchObject({ remote: 'hybrid', company: 'Tessera' });
    expect(byTitle(postings, 'Prompt Engineer')).toMatchObject({
      key: 'ashby:tessera:8b0e6c2d-1111-4c3e-9a00-000000000001',
      postedAt: '2026-11-20T15:00:00.000Z',
      salary: { min: 150_000, max: 190_000, currency: 'USD', period: 'year', from: 'structured' },
    });
    expect(byTitle(postings, 'Generalist AI Tutor')).toMatchObject({
      remote: 'remote',
      employment: 'contract',
      salary: { min: 30, max: 50, currency: 'USD', period: 'hour' },
    });
    expect(byTitle(postings, 'Data Annotation Specialist')).toMatchObject({
      remote: 'onsite',
      employment: 'part_time',
    });
  });
});

describe('Remotive', () => {
  it('reads naive dates as UTC, parses free-text pay, marks every job remote and counts a malformed job', async () => {
    const { postings, report } = await read({ type: 'remotive', query: 'ai trainer' });
    expect(fake.requests.some((r) => r.path === '/remotive/api/remote-jobs' && r.query.search === 'ai trainer')).toBe(
      true,
    );
    expect(report).toMatchObject({ ok: true, total: 8, malformed: 1, attribution: 'Remotive' });
    expect(byTitle(postings, 'AI Writing Evaluator')).toMatchObject({
      key: 'remotive:3000004',
      company: 'Quillmark',
      remote: 'remote',
      employment: 'contract',
      postedAt: '2026-11-19T18:20:00.000Z',
      salary: { min: 45, max: 120, currency: 'USD', period: 'hour', from: 'text' },
      families: ['ai_training', 'llm_evaluation'],
    });
    expect(byTitle(postings, 'Prompt Engineer (Contract)').salary).toEqual({
      min: 75_000,
      max: 110_000,
      currency: 'EUR',
      period: 'year',
      from: 'text',
    });
    // Tagged AI/ML, so the generic title counts; the math tutor is out despite the same tag.
    expect(byTitle(postings, 'Content Reviewer').families).toEqual(['llm_evaluation']);
    expect(postings.map((p) => p.title)).not.toContain('Math Tutor');
    expect(byTitle(postings, 'AI Red Teamer').alsoAt).toEqual([
      'https://job-boards.greenhouse.io/northwind/jobs/7001009?utm_source=remotive&gh_src=rmtv',
    ]);
  });
});

describe('Himalayas', () => {
  it('reads pubDate in seconds or milliseconds, hourly and annual pay, and AI categories as context', async () => {
    const { postings, report } = await read({ type: 'himalayas', query: 'ai trainer' });
    expect(report).toMatchObject({ ok: true, total: 7, count: 6, attribution: 'Himalayas' });
    expect(byTitle(postings, 'AI Trainer - Chemistry')).toMatchObject({
      company: 'Corvid',
      postedAt: '2026-11-18T20:00:00.000Z',
      employment: 'contract',
      location: 'United States, Canada',
      salary: { min: 35, max: 55, currency: 'USD', period: 'hour', from: 'structured' },
    });
    expect(byTitle(postings, 'Evaluator')).toMatchObject({
      postedAt: '2026-11-20T13:00:00.000Z',
      families: ['llm_evaluation'],
      location: 'Worldwide',
    });
    expect(byTitle(postings, 'Prompt Writer').salary).toMatchObject({ currency: 'GBP', period: 'year', min: 40_000 });
    expect(postings.map((p) => p.title)).not.toContain('Fitness Trainer');
  });
});

describe('every request', () => {
  it('carries the descriptive User-Agent', async () => {
    await read({ type: 'ashby', board: 'tessera' });
    expect(USER_AGENT).toMatch(/^careerbot\/\d+\.\d+\.\d+ \(\+https:\/\/github\.com\/careerbot\/careerbot\)$/);
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) expect(request.headers['user-agent']).toBe(USER_AGENT);
  });
});

describe('postings dated after now', () => {
  it('are held back, not clamped, so a run a week earlier sees only what existed then', async () => {
    const spec: FakeSourceSpec = { type: 'greenhouse', board: 'northwind' };
    const earlier = await read(spec, FIXTURE_PREVIOUS_NOW);
    const later = await read(spec, FIXTURE_NOW);
    expect(earlier.postings.map((p) => p.title).sort()).toEqual([
      'AI Red Teamer',
      'Conversation Designer',
      'Prompt Engineer, Applied AI',
    ]);
    expect(earlier.report.future).toBe(7);
    for (const p of [...earlier.postings, ...later.postings]) {
      expect(Date.parse(p.postedAt)).toBeLessThanOrEqual(FIXTURE_NOW.getTime());
    }
    expect(later.postings.map((p) => p.title)).not.toContain('Prompt Engineering Lead');
  });
});

describe('normalise', () => {
  it('is pure, and keeps the in-scope minority of a 20,000-job board (speed is measured by npm run bench)', () => {
    const board = JSON.parse(readFileSync(join(FIXTURES_DIR, 'greenhouse', 'northwind.json'), 'utf8')) as {
      jobs: Record<string, unknown>[];
    };
    const jobs = Array.from({ length: 20_000 }, (_, i) => {
      const job = board.jobs[i % board.jobs.length] ?? {};
      return {
        ...job,
        id: i,
        internal_job_id: i,
        // Like a real lab board: most roles are engineering, a minority in scope.
        title: i % 4 === 0 ? `${job.title} ${i}` : `Software Engineer ${i}`,
        absolute_url: `https://job-boards.greenhouse.io/x/jobs/${i}`,
      };
    });
    const source: JobSource = { id: 'greenhouse:x', type: 'greenhouse', board: 'x' };
    const postings = dedupePostings(normalise(source, { jobs }, FIXTURE_NOW));
    expect(postings.length).toBeGreaterThan(3000);
    expect(postings.length).toBeLessThanOrEqual(5000);
    expect(normalise(source, { jobs: jobs.slice(0, 13) }, FIXTURE_NOW)).toEqual(
      normalise(source, { jobs: jobs.slice(0, 13) }, FIXTURE_NOW),
    );
  });
});
