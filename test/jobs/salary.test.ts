import { describe, expect, it } from 'vitest';
import type { Salary } from '../../src/jobs/posting.ts';
import { parseSalaryText, periodFrom, structuredSalary } from '../../src/jobs/salary.ts';

const text = (min: number, max: number, currency: string, period: Salary['period']): Salary => ({
  min,
  max,
  currency,
  period,
  from: 'text',
});

describe('parseSalaryText', () => {
  it.each([
    ['$180,000 - $230,000 annually', text(180_000, 230_000, 'USD', 'year')],
    ['$45-$120/hour', text(45, 120, 'USD', 'hour')],
    ['€75k–110k', text(75_000, 110_000, 'EUR', 'year')],
    ['$150 - 210K USD + equity', text(150_000, 210_000, 'USD', 'year')],
    ['£40 per hour', text(40, 40, 'GBP', 'hour')],
    ['$90k - $105k', text(90_000, 105_000, 'USD', 'year')],
    ['USD 120,000 - 150,000 per year', text(120_000, 150_000, 'USD', 'year')],
    ['Bruttojahresgehalt €75.000 - €90.000', text(75_000, 90_000, 'EUR', 'year')],
    ['Hourly rate: $45.50 - $60', text(45.5, 60, 'USD', 'hour')],
    ['Up to $25/hr', text(25, 25, 'USD', 'hour')],
    ['CA$90,000 to CA$110,000 a year', text(90_000, 110_000, 'CAD', 'year')],
    ['$6,000 - $8,000 per month', text(6000, 8000, 'USD', 'month')],
    ['$5k relocation, then $120k-$140k base', text(120_000, 140_000, 'USD', 'year')],
    ['base salary range $180,000 — $230,000 USD', text(180_000, 230_000, 'USD', 'year')],
  ])('%s', (input, expected) => {
    expect(parseSalaryText(input)).toEqual(expected);
  });

  it.each([
    '',
    'Competitive salary and equity',
    '35-40 hours per week, starting 2026',
    'We offer a $2,000 sign-on bonus',
    'OTE $200k',
    'Up to $10,000 in equity',
    'Our Series B raised $60M',
    '$200,000+ in funding',
    'Pay: $45',
  ])('states no pay in %j', (input) => {
    expect(parseSalaryText(input)).toBeUndefined();
  });
});

describe('structuredSalary', () => {
  it('builds a range from numbers, currency and period', () => {
    expect(structuredSalary(40, 65, 'usd', 'hour')).toEqual({
      min: 40,
      max: 65,
      currency: 'USD',
      period: 'hour',
      from: 'structured',
    });
  });

  it('uses a lone bound for both ends and orders reversed bounds', () => {
    expect(structuredSalary(null, 90_000, 'EUR', 'year')).toMatchObject({ min: 90_000, max: 90_000 });
    expect(structuredSalary(80, 50, 'GBP', 'hour')).toMatchObject({ min: 50, max: 80 });
  });

  it('states nothing without an amount, a currency code or a period', () => {
    expect(structuredSalary(0, 0, 'USD', 'year')).toBeUndefined();
    expect(structuredSalary(null, undefined, 'USD', 'year')).toBeUndefined();
    expect(structuredSalary(50, 60, null, 'hour')).toBeUndefined();
    expect(structuredSalary(50, 60, 'dollars', 'hour')).toBeUndefined();
    expect(structuredSalary(50, 60, 'USD', undefined)).toBeUndefined();
  });
});

describe('periodFrom', () => {
  it.each([
    ['per-hour-wage', 'hour'],
    ['per-year-salary', 'year'],
    ['per-month-salary', 'month'],
    ['per-week-salary', 'week'],
    ['1 YEAR', 'year'],
    ['1 HOUR', 'hour'],
    ['hourly', 'hour'],
    ['annual', 'year'],
    ['daily', 'day'],
  ])('%s → %s', (input, period) => {
    expect(periodFrom(input)).toBe(period);
  });

  it('knows no period for NONE or nothing', () => {
    expect(periodFrom('NONE')).toBeUndefined();
    expect(periodFrom(undefined)).toBeUndefined();
  });
});
