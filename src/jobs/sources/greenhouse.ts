/**
 * Greenhouse Job Board API: one call returns the whole board with `content=true`. The job key is the internal
 * job id, shared by the several posts (one per location) Greenhouse makes for one job. There is no remote flag
 * or pay field on the list, so both are read from the location text and the (entity-escaped) description.
 */
import { z } from 'zod';
import { hasAiTag } from '../families.ts';
import { describesAiWork, scanText } from '../html.ts';
import type { Salary } from '../posting.ts';
import { parseSalaryText } from '../salary.ts';
import type { JobSource } from '../sources-file.ts';
import {
  employmentFrom,
  firstText,
  jobList,
  normaliseJobs,
  type ParseResult,
  type Raw,
  remoteFromText,
  type SourceModule,
  toUtcIso,
} from './common.ts';

const id = z.union([z.number(), z.string()]);
const jobSchema = z.looseObject({
  id,
  internal_job_id: id.nullish(),
  title: z.string(),
  company_name: z.string().nullish(),
  absolute_url: z.string(),
  location: z.looseObject({ name: z.string().nullish() }).nullish(),
  offices: z.array(z.looseObject({ name: z.string().nullish(), location: z.string().nullish() })).nullish(),
  departments: z.array(z.looseObject({ name: z.string().nullish() })).nullish(),
  metadata: z.array(z.looseObject({ name: z.string().nullish(), value: z.unknown() })).nullish(),
  first_published: z.string().nullish(),
  updated_at: z.string().nullish(),
  content: z.string().nullish(),
});

const CURRENCY = /[$€£₹]|&(?:amp;)?(?:pound|euro);|\b(?:USD|EUR|GBP|CAD)\b/g;

/**
 * Pay stated in the (entity-escaped) description. Only text around a currency mark is decoded and searched,
 * a few windows at most: this runs for every in-scope posting, and descriptions run to many kilobytes.
 */
export function salaryFromContent(content: string): Salary | undefined {
  CURRENCY.lastIndex = 0;
  for (let tries = 0, m = CURRENCY.exec(content); m && tries < 5; m = CURRENCY.exec(content)) {
    // A currency mark with no digit nearby ("$ budgets", "USD-denominated") is not a pay range.
    if (!/\d/.test(content.slice(Math.max(0, m.index - 60), m.index + 120))) continue;
    tries += 1;
    const end = Math.min(content.length, m.index + 400);
    const salary = parseSalaryText(scanText(content.slice(Math.max(0, m.index - 200), end), true));
    if (salary) return salary;
    CURRENCY.lastIndex = end;
  }
  return undefined;
}

function departmentNames(raw: Raw): string[] {
  const departments = Array.isArray(raw.departments) ? raw.departments : [];
  return departments.map((d) => (d as Raw | null)?.name).filter((n): n is string => typeof n === 'string');
}

function employmentOf(job: z.infer<typeof jobSchema>): string {
  // Boards that track it keep the type in a custom field ("Employment Type": "Contract").
  const field = job.metadata?.find((m) => /employment|commitment|job type/i.test(m.name ?? ''));
  const value = Array.isArray(field?.value) ? field.value.join(' ') : field?.value;
  return typeof value === 'string' ? value : job.title;
}

/** Greenhouse boards: `boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true`. */
export const greenhouse: SourceModule = {
  type: 'greenhouse',
  attribution: { name: 'Greenhouse', url: 'https://www.greenhouse.com', required: false },
  minRefreshMs: 60 * 60 * 1000,
  fetch(source, get) {
    const board = encodeURIComponent(source.board ?? '');
    return get(source.url ?? `https://boards-api.greenhouse.io/v1/boards/${board}/jobs?content=true`);
  },
  parse(source: JobSource, payload: unknown, now: Date): ParseResult {
    const board = source.board ?? source.id;
    return normaliseJobs(jobList(payload, 'jobs'), {
      now,
      schema: jobSchema,
      title: (raw) => raw.title,
      context: (raw) =>
        hasAiTag(departmentNames(raw)) || (typeof raw.content === 'string' && describesAiWork(raw.content, true)),
      build: (job) => {
        const offices = (job.offices ?? []).map((o) => firstText(o.location, o.name)).filter(Boolean);
        const location = firstText(job.location?.name) ?? offices.join('; ');
        const salary = job.content ? salaryFromContent(job.content) : undefined;
        return {
          source: source.id,
          sourceType: 'greenhouse',
          id: String(job.id),
          key: `greenhouse:${board}:${job.internal_job_id ?? job.id}`,
          company: firstText(job.company_name, source.company, board) ?? board,
          title: job.title,
          url: job.absolute_url,
          location,
          remote: remoteFromText(`${location} ${(job.offices ?? []).map((o) => o.name ?? '').join(' ')}`),
          employment: employmentFrom(employmentOf(job)),
          postedAt: toUtcIso(job.first_published) ?? toUtcIso(job.updated_at),
          ...(salary && { salary }),
        };
      },
    });
  },
};
