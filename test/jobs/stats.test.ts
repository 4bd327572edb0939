import { describe, expect, it } from 'vitest';
import { computeStats, isNew, salaryGroups } from '../../src/jobs/stats.ts';
import { isoWeek, previousWeek } from '../../src/jobs/week.ts';
import { posting } from '../helpers/jobs.ts';

const now = new Date('2026-11-23T09:00:00Z');
const noneSeen = new Map<string, string>();
const base = { sources: [], now, week: '2026-W48', timeZone: 'UTC', firstSeen: noneSeen };

describe('ISO weeks in a time zone', () => {
  it('labels weeks by ISO year and number, Monday to Monday', () => {
    const week = isoWeek(now, 'UTC');
    expect(week.label).toBe('2026-W48');
    expect(week.start.toISOString()).toBe('2026-11-23T00:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-30T00:00:00.000Z');
    expect(previousWeek(now, 'UTC').label).toBe('2026-W47');
  });

  it('uses local midnight of the zone, so late Sunday in New York is still the old week', () => {
    const sundayNight = new Date('2026-11-23T03:00:00Z');
    expect(isoWeek(sundayNight, 'America/New_York').label).toBe('2026-W47');
    expect(isoWeek(sundayNight, 'Europe/Berlin').label).toBe('2026-W48');
  });

  it('keeps a week that spans a DST change at its true length', () => {
    const week = isoWeek(new Date('2026-03-25T12:00:00Z'), 'Europe/London');
    expect((week.end.getTime() - week.start.getTime()) / 3_600_000).toBe(167);
  });

  it('gives the first days of January to the last ISO week of the year before when the calendar says so', () => {
    expect(isoWeek(new Date('2027-01-01T12:00:00Z'), 'UTC').label).toBe('2026-W53');
  });
});

describe('weekly market figures', () => {
  it('counts open and new roles per family, and adjacent roles apart from the total', () => {
    const stats = computeStats({
      ...base,
      postings: [
        posting({ postedAt: '2026-11-20T10:00:00Z' }),
        posting({ postedAt: '2026-10-01T10:00:00Z', families: ['ai_training'], title: 'AI Tutor' }),
        posting({ families: ['adjacent'], title: 'AI Enablement Lead' }),
        posting({ families: ['llm_evaluation', 'ai_training'], title: 'AI Evaluator and Trainer' }),
      ],
    });
    expect(stats.total).toBe(3);
    expect(stats.new).toBe(2);
    expect(stats.byFamily.prompt_engineering).toEqual({ open: 1, new: 1 });
    expect(stats.byFamily.ai_training).toEqual({ open: 2, new: 1 });
    expect(stats.byFamily.adjacent).toEqual({ open: 1, new: 1 });
  });

  it('does not count a posting dated after now, nor a re-dated posting first seen weeks ago', () => {
    const old = posting({ postedAt: '2026-11-21T00:00:00Z' });
    const firstSeen = new Map([[old.key, '2026-10-01T00:00:00Z']]);
    expect(isNew(old, now, firstSeen)).toBe(false);
    const stats = computeStats({ ...base, firstSeen, postings: [old, posting({ postedAt: '2026-11-24T00:00:00Z' })] });
    expect(stats.total).toBe(1);
    expect(stats.new).toBe(0);
  });

  it('computes the remote share over company boards only, since aggregators list only remote jobs', () => {
    const stats = computeStats({
      ...base,
      postings: [
        posting({ remote: 'remote' }),
        posting({ remote: 'hybrid' }),
        posting({ remote: 'onsite' }),
        posting({ remote: 'onsite' }),
        posting({ remote: 'unknown' }),
        posting({ remote: 'remote', sourceType: 'remotive', source: 'remotive:prompt' }),
      ],
    });
    expect(stats.remoteShare).toMatchObject({ share: 0.25, remote: 1, hybrid: 1, onsite: 2, unknown: 1 });
  });

  it('keeps hourly pay apart from annual salaries, annualises monthly pay, and invents nothing', () => {
    const groups = salaryGroups([
      posting({ salary: { min: 100_000, max: 140_000, currency: 'USD', period: 'year', from: 'structured' } }),
      posting({ salary: { min: 10_000, max: 10_000, currency: 'USD', period: 'month', from: 'text' } }),
      posting({ salary: { min: 40, max: 60, currency: 'USD', period: 'hour', from: 'structured' } }),
      posting({ salary: { min: 50_000, max: 200_000, currency: 'EUR', period: 'year', from: 'text' } }),
      posting({}),
    ]);
    expect(groups).toEqual([
      {
        kind: 'annual',
        currency: 'USD',
        n: 2,
        median: 120_000,
        p25: 120_000,
        p75: 120_000,
        min: 120_000,
        max: 120_000,
        wide: 0,
      },
      {
        kind: 'annual',
        currency: 'EUR',
        n: 1,
        median: 125_000,
        p25: 125_000,
        p75: 125_000,
        min: 125_000,
        max: 125_000,
        wide: 1,
      },
      { kind: 'hourly', currency: 'USD', n: 1, median: 50, p25: 50, p75: 50, min: 50, max: 50, wide: 0 },
    ]);
  });

  it('compares with last week, with no percentage on a base under five', () => {
    const lastWeek = computeStats({
      ...base,
      week: '2026-W47',
      postings: [posting(), posting(), posting(), posting(), posting()],
    });
    const thisWeek = computeStats({
      ...base,
      previous: lastWeek,
      postings: [
        posting(),
        posting(),
        posting(),
        posting(),
        posting(),
        posting(),
        posting({ families: ['ai_content'] }),
      ],
    });
    expect(thisWeek.previousWeek).toBe('2026-W47');
    expect(thisWeek.changes.find((c) => c.metric === 'open')).toEqual({
      metric: 'open',
      current: 7,
      previous: 5,
      delta: 2,
      pct: 40,
    });
    expect(thisWeek.changes.find((c) => c.metric === 'ai_content.open')).toMatchObject({ delta: 1, pct: null });
  });

  it('counts companies once however their names are cased', () => {
    const stats = computeStats({
      ...base,
      postings: [posting({ company: 'Acme AI' }), posting({ company: 'acme ai ' }), posting({ company: 'Orbit' })],
    });
    expect(stats.companies.count).toBe(2);
    expect(stats.companies.top[0]).toEqual({ name: 'Acme AI', open: 2 });
  });
});
