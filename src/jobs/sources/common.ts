/**
 * What every source module shares: the module contract and the per-job loop that keeps the hot path cheap
 * (title first; validation and description work only for in-scope jobs). Field readers are in fields.ts.
 */
import type { z } from 'zod';
import { BotError } from '../../errors.ts';
import { classifyTitle } from '../families.ts';
import type { FamilyId, Posting, SourceType } from '../posting.ts';
import type { JobSource } from '../sources-file.ts';
import { cleanText, cleanUrl, FIELD_LIMITS } from './clean.ts';
import { placeInTime } from './fields.ts';

/** Who a digest item must credit, and whether the source's terms require it. */
export interface Attribution {
  name: string;
  url: string;
  required: boolean;
}

/** Counts from one payload, for the source-health line. */
export interface ParseTally {
  /** Jobs in the payload. */
  total: number;
  /** Jobs whose title matched no family. */
  outOfScope: number;
  /** In-scope jobs skipped because a field was missing or had the wrong type. */
  malformed: number;
  /** Jobs dated after "now" (beyond clock skew), held back. */
  future: number;
  /** Jobs the source marks as not public (Ashby `isListed: false`). */
  hidden: number;
}

/** In-scope postings from one payload, and what was skipped. */
export interface ParseResult {
  postings: Posting[];
  tally: ParseTally;
}

/** Fetches one URL as JSON; injected so parsing stays free of I/O. */
export type GetJson = (url: string) => Promise<unknown>;

/** One source type: where to fetch, how to page, how to read the payload, and its terms. */
export interface SourceModule {
  readonly type: SourceType;
  readonly attribution: Attribution;
  /** Shortest interval between two fetches of one entry that the source's terms allow. */
  readonly minRefreshMs: number;
  /** Fetches every page and returns them as one payload. `pageSize` matters only to paged types. */
  fetch(source: JobSource, get: GetJson, options: { pageSize?: number }): Promise<unknown>;
  /** Normalises a payload without I/O; throws `ShapeError` when the envelope is not the source's. */
  parse(source: JobSource, payload: unknown, now: Date): ParseResult;
}

/** The payload is JSON but not the shape the source documents; `reason` is the short human string. */
export class ShapeError extends BotError {
  readonly reason: string;
  constructor(detail: string) {
    super('UNEXPECTED_SHAPE', `unexpected shape: ${detail}`);
    this.reason = this.message;
  }
}

/** A record as parsed JSON, for the cheap reads done before validation. */
export type Raw = Record<string, unknown>;

/** A posting before its date is placed and its families are attached. */
export type Draft = Omit<Posting, 'postedAt' | 'families' | 'seenIn'> & { postedAt: string | undefined };

/** The job list inside an envelope (`{jobs: [...]}`) or a bare array (`key` undefined). */
export function jobList(payload: unknown, key?: string): unknown[] {
  if (key === undefined) {
    if (!Array.isArray(payload)) throw new ShapeError(`expected an array, got ${kind(payload)}`);
    return payload;
  }
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new ShapeError(`expected an object with ${key}, got ${kind(payload)}`);
  }
  const list = (payload as Raw)[key];
  if (list === undefined) throw new ShapeError(`${key} missing`);
  if (!Array.isArray(list)) throw new ShapeError(`${key} is ${kind(list)}, not an array`);
  return list;
}

function kind(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

/** How each module reads its jobs; see `normaliseJobs`. */
export interface JobReader<S extends z.ZodType> {
  now: Date;
  /** Title read straight from the raw job (before validation). */
  title: (raw: Raw) => unknown;
  /** Jobs the source marks as hidden; checked first. */
  hidden?: (raw: Raw) => boolean;
  /** AI context for generic titles; called only when the title needs it. */
  context: (raw: Raw) => string | boolean;
  schema: S;
  build: (job: z.infer<S>, raw: Raw) => Draft;
}

/**
 * Runs the per-job pipeline: hidden check, title classification, then (in scope only) validation and building.
 * A job that fails validation is counted and skipped; it never fails the payload.
 */
export function normaliseJobs<S extends z.ZodType>(jobs: readonly unknown[], reader: JobReader<S>): ParseResult {
  const tally: ParseTally = { total: jobs.length, outOfScope: 0, malformed: 0, future: 0, hidden: 0 };
  const postings: Posting[] = [];
  const nowMs = reader.now.getTime();
  for (const item of jobs) {
    if (typeof item !== 'object' || item === null) {
      tally.malformed += 1;
      continue;
    }
    const raw = item as Raw;
    if (reader.hidden?.(raw)) {
      tally.hidden += 1;
      continue;
    }
    const title = reader.title(raw);
    if (typeof title !== 'string' || !title.trim()) {
      tally.malformed += 1;
      continue;
    }
    const families: FamilyId[] = classifyTitle(title, () => reader.context(raw));
    if (families.length === 0) {
      tally.outOfScope += 1;
      continue;
    }
    const parsed = reader.schema.safeParse(raw);
    const draft = parsed.success ? reader.build(parsed.data, raw) : undefined;
    if (!draft?.postedAt) {
      tally.malformed += 1;
      continue;
    }
    const postedAt = placeInTime(draft.postedAt, nowMs);
    if (!postedAt) {
      tally.future += 1;
      continue;
    }
    const shown = cleanDraft(draft);
    if (!shown) {
      tally.malformed += 1;
      continue;
    }
    postings.push({ ...draft, ...shown, postedAt, families, seenIn: [draft.source] });
  }
  return { postings, tally };
}

/**
 * The fields a digest shows, cleaned once here for every source (see clean.ts); undefined when no printable
 * title or no http(s) link is left, since such a posting cannot be listed.
 */
function cleanDraft(draft: Draft): Pick<Posting, 'title' | 'company' | 'location' | 'url' | 'alsoAt'> | undefined {
  const title = cleanText(draft.title, FIELD_LIMITS.title);
  const url = cleanUrl(draft.url);
  if (!title || !url) return undefined;
  const alsoAt = draft.alsoAt?.map(cleanUrl).filter((u): u is string => u !== undefined);
  return {
    title,
    url,
    company: cleanText(draft.company, FIELD_LIMITS.company) || 'Company not named',
    location: cleanText(draft.location, FIELD_LIMITS.location),
    ...(alsoAt && { alsoAt }),
  };
}

export {
  employmentFrom,
  FUTURE_SKEW_MS,
  firstText,
  modeFrom,
  placeInTime,
  remoteFromText,
  strings,
  toUtcIso,
  withParams,
} from './fields.ts';
