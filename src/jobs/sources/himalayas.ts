/**
 * Himalayas job search: at most 20 jobs a request, paged with `page=`. `pubDate` is epoch seconds in recorded
 * payloads although the data dictionary says milliseconds, so both are read. Pay is structured
 * (`minSalary`/`maxSalary`/`currency`/`salaryPeriod`). Its terms require naming Himalayas and linking back.
 */
import { z } from 'zod';
import { hasAiTag } from '../families.ts';
import { describesAiWork, findAtsLinks } from '../html.ts';
import { periodFrom, structuredSalary } from '../salary.ts';
import {
  employmentFrom,
  firstText,
  jobList,
  normaliseJobs,
  type Raw,
  type SourceModule,
  strings,
  toUtcIso,
  withParams,
} from './common.ts';

const text = z.string().nullish();
const jobSchema = z.looseObject({
  title: z.string(),
  guid: z.string(),
  companyName: text,
  employmentType: text,
  minSalary: z.number().nullish(),
  maxSalary: z.number().nullish(),
  currency: text,
  salaryPeriod: text,
  locationRestrictions: z.array(z.string()).nullish(),
  description: text,
  pubDate: z.union([z.number(), z.string()]),
  applicationLink: text,
});

/** Jobs per search page; Himalayas caps requests at 20. */
export const HIMALAYAS_PAGE_SIZE = 20;
// Results are sorted newest first, so pages past the third are older than any digest week we report.
const MAX_PAGES = 3;

function contextOf(raw: Raw): string | boolean {
  if (hasAiTag([...strings(raw.categories), ...strings(raw.parentCategories)])) return true;
  const html = firstText(raw.description, raw.excerpt);
  return html !== undefined && describesAiWork(html);
}

/** Himalayas: `himalayas.app/jobs/api/search?q=…&sort=recent&page=N`. */
export const himalayas: SourceModule = {
  type: 'himalayas',
  attribution: { name: 'Himalayas', url: 'https://himalayas.app', required: true },
  minRefreshMs: 60 * 60 * 1000,
  async fetch(source, get) {
    const base =
      source.url ?? withParams('https://himalayas.app/jobs/api/search', { q: source.query ?? '', sort: 'recent' });
    let first: unknown;
    const jobs: unknown[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const payload = await get(page === 1 ? base : withParams(base, { page: String(page) }));
      if (page === 1) first = payload;
      const list = (payload as Raw | null)?.jobs;
      if (!Array.isArray(list)) {
        if (page === 1) return payload;
        break;
      }
      jobs.push(...list);
      const total = (payload as Raw).totalCount;
      if (list.length < HIMALAYAS_PAGE_SIZE || (typeof total === 'number' && jobs.length >= total)) break;
    }
    return { ...(first as Raw), jobs };
  },
  parse(source, payload, now) {
    return normaliseJobs(jobList(payload, 'jobs'), {
      now,
      schema: jobSchema,
      title: (raw) => raw.title,
      context: contextOf,
      build: (job) => {
        const salary = structuredSalary(job.minSalary, job.maxSalary, job.currency, periodFrom(job.salaryPeriod));
        const link = firstText(job.applicationLink, job.guid) ?? job.guid;
        const alsoAt = [...findAtsLinks(link), ...findAtsLinks(job.description ?? '')];
        return {
          source: source.id,
          sourceType: 'himalayas',
          id: job.guid,
          key: `himalayas:${job.guid}`,
          company: firstText(job.companyName, source.company) ?? 'Unknown company',
          title: job.title,
          url: link,
          location: (job.locationRestrictions ?? []).join(', ') || 'Worldwide',
          remote: 'remote',
          employment: employmentFrom(job.employmentType),
          postedAt: toUtcIso(job.pubDate),
          ...(salary && { salary }),
          ...(alsoAt.length > 0 && { alsoAt }),
        };
      },
    });
  },
};
