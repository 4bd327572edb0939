/**
 * Ashby public Job Posting API: the whole board in one response. `isListed: false` postings are not public and
 * are dropped; `workplaceType` is preferred over `isRemote` (which is true on some hybrid postings); pay is the
 * `Salary` component of `compensation.summaryComponents`, never equity, bonus or commission.
 */
import { z } from 'zod';
import { hasAiContext, hasAiTag } from '../families.ts';
import { describesAiWork } from '../html.ts';
import type { Salary } from '../posting.ts';
import { parseSalaryText, periodFrom, structuredSalary } from '../salary.ts';
import {
  employmentFrom,
  firstText,
  jobList,
  modeFrom,
  normaliseJobs,
  type Raw,
  remoteFromText,
  type SourceModule,
  toUtcIso,
} from './common.ts';

const text = z.string().nullish();
const componentSchema = z.looseObject({
  compensationType: text,
  interval: text,
  currencyCode: text,
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});
const jobSchema = z.looseObject({
  id: z.string(),
  title: z.string(),
  jobUrl: z.string(),
  publishedAt: z.string(),
  isRemote: z.boolean().nullish(),
  workplaceType: text,
  employmentType: text,
  location: text,
  compensation: z
    .looseObject({
      summaryComponents: z.array(componentSchema).nullish(),
      scrapeableCompensationSalarySummary: text,
    })
    .nullish(),
});

function salaryOf(job: z.infer<typeof jobSchema>): Salary | undefined {
  const components = job.compensation?.summaryComponents ?? [];
  const base = components.find((c) => c.compensationType === 'Salary');
  if (base) {
    // Intervals are "1 YEAR", "1 HOUR"…; "NONE" or any multi-unit interval states no usable period.
    const interval = /^1 /.test(base.interval ?? '') ? base.interval : undefined;
    return structuredSalary(base.minValue, base.maxValue, base.currencyCode, periodFrom(interval));
  }
  return parseSalaryText(job.compensation?.scrapeableCompensationSalarySummary);
}

function contextOf(raw: Raw): string | boolean {
  if (hasAiTag([raw.department, raw.team].filter((v): v is string => typeof v === 'string'))) return true;
  const plain = firstText(raw.descriptionPlain);
  if (plain) return hasAiContext(plain);
  const html = raw.descriptionHtml;
  return typeof html === 'string' && describesAiWork(html);
}

/** Ashby boards: `api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`. */
export const ashby: SourceModule = {
  type: 'ashby',
  attribution: { name: 'Ashby', url: 'https://www.ashbyhq.com', required: false },
  minRefreshMs: 60 * 60 * 1000,
  fetch(source, get) {
    const board = encodeURIComponent(source.board ?? '');
    return get(source.url ?? `https://api.ashbyhq.com/posting-api/job-board/${board}?includeCompensation=true`);
  },
  parse(source, payload, now) {
    const board = source.board ?? source.id;
    return normaliseJobs(jobList(payload, 'jobs'), {
      now,
      schema: jobSchema,
      hidden: (raw) => raw.isListed === false,
      title: (raw) => raw.title,
      context: contextOf,
      build: (job) => {
        const location = firstText(job.location) ?? '';
        const salary = salaryOf(job);
        return {
          source: source.id,
          sourceType: 'ashby',
          id: job.id,
          key: `ashby:${board}:${job.id}`,
          company: firstText(source.company, board) ?? board,
          title: job.title,
          url: job.jobUrl,
          location,
          remote: modeFrom(job.workplaceType) ?? (job.isRemote ? 'remote' : remoteFromText(location)),
          employment: employmentFrom(job.employmentType),
          postedAt: toUtcIso(job.publishedAt),
          ...(salary && { salary }),
        };
      },
    });
  },
};
