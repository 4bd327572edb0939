/**
 * Lever Postings API: a bare JSON array, paged with `skip`/`limit` until a short page. Dates are epoch
 * milliseconds; pay is an optional structured `salaryRange`; the payload names no company, so the entry does.
 */
import { z } from 'zod';
import { hasAiContext, hasAiTag } from '../families.ts';
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
  ShapeError,
  type SourceModule,
  toUtcIso,
  withParams,
} from './common.ts';

const text = z.string().nullish();
const jobSchema = z.looseObject({
  id: z.string(),
  text: z.string(),
  hostedUrl: z.string(),
  createdAt: z.number(),
  workplaceType: text,
  categories: z
    .looseObject({
      location: text,
      commitment: text,
      team: text,
      department: text,
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  salaryRange: z
    .looseObject({ min: z.number().nullish(), max: z.number().nullish(), currency: text, interval: text })
    .nullish(),
  salaryDescriptionPlain: text,
});

/** Lever's default page size; the API accepts larger, but 100 keeps each response small. */
export const LEVER_PAGE_SIZE = 100;
const MAX_PAGES = 50;

function salaryOf(job: z.infer<typeof jobSchema>): Salary | undefined {
  const range = job.salaryRange;
  if (range) {
    // A bi-weekly amount is stated exactly as half of it per week; PayPeriod has no fortnight.
    const biweekly = /bi-?week/i.test(range.interval ?? '');
    const scale = (n: number | null | undefined) => (typeof n === 'number' && biweekly ? n / 2 : n);
    const salary = structuredSalary(scale(range.min), scale(range.max), range.currency, periodFrom(range.interval));
    if (salary) return salary;
  }
  return parseSalaryText(job.salaryDescriptionPlain);
}

function contextOf(raw: Raw): string | boolean {
  const categories = (raw.categories ?? {}) as Raw;
  if (hasAiTag([categories.team, categories.department].filter((v): v is string => typeof v === 'string'))) return true;
  const lists = Array.isArray(raw.lists) ? raw.lists.map((l) => (l as Raw | null)?.content).join(' ') : '';
  return hasAiContext(`${firstText(raw.descriptionPlain) ?? ''}\n${lists.replace(/<[^>]*>/g, ' ')}`);
}

/** Lever sites: `api.lever.co/v0/postings/{site}?mode=json&skip=…&limit=…`. */
export const lever: SourceModule = {
  type: 'lever',
  attribution: { name: 'Lever', url: 'https://www.lever.co', required: false },
  minRefreshMs: 60 * 60 * 1000,
  async fetch(source, get, options) {
    const pageSize = options.pageSize ?? LEVER_PAGE_SIZE;
    const base = source.url ?? `https://api.lever.co/v0/postings/${encodeURIComponent(source.board ?? '')}?mode=json`;
    const all: unknown[] = [];
    let previousFirst: unknown;
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const payload = await get(withParams(base, { skip: String(page * pageSize), limit: String(pageSize) }));
      if (!Array.isArray(payload)) {
        if (page === 0) return payload;
        throw new ShapeError(`page ${page + 1} is not an array`);
      }
      // A server that ignores `skip` would hand back page one forever.
      const first = (payload[0] as Raw | undefined)?.id;
      if (page > 0 && first !== undefined && first === previousFirst) break;
      previousFirst = first;
      all.push(...payload);
      if (payload.length < pageSize) break;
    }
    return all;
  },
  parse(source, payload, now) {
    const site = source.board ?? source.id;
    return normaliseJobs(jobList(payload), {
      now,
      schema: jobSchema,
      title: (raw) => raw.text,
      context: contextOf,
      build: (job) => {
        const location = firstText(job.categories?.location) ?? (job.categories?.allLocations ?? []).join('; ');
        const salary = salaryOf(job);
        return {
          source: source.id,
          sourceType: 'lever',
          id: job.id,
          key: `lever:${site}:${job.id}`,
          company: firstText(source.company, site) ?? site,
          title: job.text,
          url: job.hostedUrl,
          location,
          remote: modeFrom(job.workplaceType) ?? remoteFromText(location),
          employment: employmentFrom(job.categories?.commitment),
          postedAt: toUtcIso(job.createdAt),
          ...(salary && { salary }),
        };
      },
    });
  },
};
