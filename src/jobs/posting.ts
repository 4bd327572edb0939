/**
 * The one posting record every job-board source is normalised into, and the role families the digest
 * counts. Sources differ in every field name and unit; nothing after the parsers sees those differences.
 */

/** Source types careerbot can read, in the order the curated list usually uses them. */
export const SOURCE_TYPES = ['greenhouse', 'lever', 'ashby', 'remotive', 'himalayas'] as const;

/** One of the supported job-board APIs. */
export type SourceType = (typeof SOURCE_TYPES)[number];

/** Role families in scope for the digest, in display order. */
export const ROLE_FAMILIES = [
  'prompt_engineering',
  'ai_training',
  'llm_evaluation',
  'conversation_design',
  'ai_content',
] as const;

/** A family in scope, or `adjacent` (AI operations and enablement), which is reported separately. */
export type FamilyId = (typeof ROLE_FAMILIES)[number] | 'adjacent';

/** How a posting says it is worked. */
export type RemoteMode = 'remote' | 'hybrid' | 'onsite' | 'unknown';

/** The employment types sources use, folded into a few. */
export type EmploymentType = 'full_time' | 'part_time' | 'contract' | 'internship' | 'unknown';

/** The period a stated pay range is for. Hourly pay is never annualised. */
export type PayPeriod = 'hour' | 'day' | 'week' | 'month' | 'year';

/** Pay as the posting states it: never estimated, never converted between currencies. */
export interface Salary {
  min: number;
  max: number;
  /** ISO 4217 code, upper case. */
  currency: string;
  period: PayPeriod;
  /** `structured` from a pay field, `text` parsed from the description or a free-text salary field. */
  from: 'structured' | 'text';
}

/** A normalised posting. Dates are ISO 8601 strings in UTC. */
export interface Posting {
  /** Id of the `knowledge/job-sources.yaml` entry it came from, e.g. `greenhouse:anthropic`. */
  source: string;
  sourceType: SourceType;
  /** The source's own id for the posting. */
  id: string;
  /** Dedupe key: ATS-native where there is one (`greenhouse:<board>:<internal job id>`). */
  key: string;
  company: string;
  title: string;
  url: string;
  location: string;
  remote: RemoteMode;
  employment: EmploymentType;
  postedAt: string;
  salary?: Salary;
  /** Families matched by title (and description where the title is generic); empty = out of scope. */
  families: FamilyId[];
  /** Every source listing this job after cross-source dedupe (the first is `source`). */
  seenIn: string[];
  /** Other addresses of the same job, e.g. the ATS link in an aggregator's description; dedupe matches on them. */
  alsoAt?: string[];
}
