/**
 * Remotive remote-jobs API. Every job is remote; `publication_date` has no zone and is UTC; `salary` is free
 * text. Its terms allow at most four calls a day and require naming Remotive and linking back to the job there.
 * Its `search` is reported to be ignored at times, which is harmless: every job is classified here anyway.
 */
import { z } from 'zod';
import { hasAiTag } from '../families.ts';
import { describesAiWork, findAtsLinks } from '../html.ts';
import { parseSalaryText } from '../salary.ts';
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
  id: z.union([z.number(), z.string()]),
  url: z.string(),
  title: z.string(),
  company_name: text,
  job_type: text,
  publication_date: z.string(),
  candidate_required_location: text,
  salary: text,
  description: text,
});

function contextOf(raw: Raw): string | boolean {
  const tags = [...strings(raw.tags), ...strings([raw.category])];
  if (hasAiTag(tags)) return true;
  const html = raw.description;
  return typeof html === 'string' && describesAiWork(html);
}

/** Remotive: `remotive.com/api/remote-jobs?search=…`. */
export const remotive: SourceModule = {
  type: 'remotive',
  attribution: { name: 'Remotive', url: 'https://remotive.com', required: true },
  // "Max. 4 times a day" in Remotive's terms: one fetch per entry every six hours at most.
  minRefreshMs: 6 * 60 * 60 * 1000,
  fetch(source, get) {
    if (source.url) return get(source.url);
    return get(withParams('https://remotive.com/api/remote-jobs', { search: source.query }));
  },
  parse(source, payload, now) {
    return normaliseJobs(jobList(payload, 'jobs'), {
      now,
      schema: jobSchema,
      title: (raw) => raw.title,
      context: contextOf,
      build: (job) => {
        const salary = parseSalaryText(job.salary);
        const alsoAt = findAtsLinks(job.description ?? '');
        return {
          source: source.id,
          sourceType: 'remotive',
          id: String(job.id),
          key: `remotive:${job.id}`,
          company: firstText(job.company_name, source.company) ?? 'Unknown company',
          title: job.title,
          url: job.url,
          location: firstText(job.candidate_required_location) ?? 'Worldwide',
          remote: 'remote',
          employment: employmentFrom(job.job_type),
          postedAt: toUtcIso(job.publication_date),
          ...(salary && { salary }),
          ...(alsoAt.length > 0 && { alsoAt }),
        };
      },
    });
  },
};
