/**
 * The curated list of job boards (`knowledge/job-sources.yaml`). A curator edits it without reading code, so every
 * problem is reported with the file, the entry and the field, all at once, the way the knowledge loader does.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { BotError, EXIT_SETUP } from '../errors.ts';
import { SOURCE_TYPES, type SourceType } from './posting.ts';

/** One board or aggregator query to poll, with its id filled in. */
export interface JobSource {
  /** Unique; defaults to `<type>:<board>` or `<type>:<query slug>`. */
  id: string;
  type: SourceType;
  /** Board token (Greenhouse, Ashby) or site name (Lever); required for those three types. */
  board?: string;
  /** Display name used when the payload carries none. */
  company?: string;
  /** Fetched instead of the public endpoint (tests, proxies); paged types still get their paging parameters. */
  url?: string;
  /** Aggregator search words (Remotive `search=`, Himalayas `q=`). */
  query?: string;
  /** Per-request timeout for this entry, overriding the run's (very large boards). */
  timeoutSeconds?: number;
  note?: string;
}

/** Raised when the sources file is missing or invalid; `problems` lists every issue found. */
export class JobSourcesError extends BotError {
  readonly problems: string[];
  constructor(problems: string[]) {
    super('JOB_SOURCES_INVALID', `job sources are invalid:\n  - ${problems.join('\n  - ')}`, { exitCode: EXIT_SETUP });
    this.problems = problems;
  }
}

const BOARD_TYPES: ReadonlySet<SourceType> = new Set(['greenhouse', 'lever', 'ashby']);
const text = z.string().trim().min(1);

const entrySchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9:._-]*$/, 'use lowercase letters, digits and ":", ".", "_" or "-"')
      .optional(),
    type: z.enum(SOURCE_TYPES),
    board: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'the token as it appears in the board URL, e.g. "mistral.ai"')
      .optional(),
    company: text.optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    query: text.max(100).optional(),
    timeoutSeconds: z.number().positive().max(300).optional(),
    note: text.optional(),
  })
  .superRefine((entry, ctx) => {
    const needsBoard = BOARD_TYPES.has(entry.type);
    if (needsBoard && !entry.board) {
      ctx.addIssue({ code: 'custom', path: ['board'], message: `required for ${entry.type} (the token in its URL)` });
    }
    if (!needsBoard && entry.board) {
      ctx.addIssue({ code: 'custom', path: ['board'], message: `not used by ${entry.type}; use query` });
    }
    if (needsBoard && entry.query) {
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: `${entry.type} has no search; its whole board is fetched and filtered here`,
      });
    }
    if (entry.type === 'himalayas' && !entry.query && !entry.url) {
      ctx.addIssue({
        code: 'custom',
        path: ['query'],
        message: 'required for himalayas (its unfiltered feed is huge)',
      });
    }
  });

const fileSchema = z.strictObject({
  version: z.literal(1),
  sources: z.array(z.unknown()).min(1),
});

/** Lowercase words joined by dashes: "LLM evaluation" → "llm-evaluation". */
export function slug(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** The id an entry gets when it states none. */
export function defaultSourceId(entry: { type: SourceType; board?: string; query?: string }): string {
  const detail = entry.board ?? (entry.query ? slug(entry.query) : '');
  return detail ? `${entry.type}:${detail.toLowerCase()}` : entry.type;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Validates parsed YAML; `label` names the file in problems. Throws `JobSourcesError`. */
export function parseJobSources(data: unknown, label: string): JobSource[] {
  const file = fileSchema.safeParse(data);
  if (!file.success) {
    throw new JobSourcesError(
      file.error.issues.map((i) => `${label}: ${formatPath(i.path).replace(/^\./, '') || '(top level)'}: ${i.message}`),
    );
  }
  const problems: string[] = [];
  const sources: JobSource[] = [];
  const seen = new Map<string, number>();
  file.data.sources.forEach((raw, index) => {
    const result = entrySchema.safeParse(raw);
    const name = describe(raw);
    const where = `${label}: sources[${index}]${name ? ` (${name})` : ''}`;
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${where}${formatPath(issue.path)}: ${issue.message}`);
      return;
    }
    const { id, ...rest } = result.data;
    const source: JobSource = { id: id ?? defaultSourceId(rest), ...rest };
    const earlier = seen.get(source.id);
    if (earlier !== undefined) {
      problems.push(`${where}.id: "${source.id}" is already used by sources[${earlier}]; give one an explicit id`);
      return;
    }
    seen.set(source.id, index);
    sources.push(source);
  });
  if (problems.length > 0) throw new JobSourcesError(problems);
  return sources;
}

function describe(raw: unknown): string {
  if (typeof raw !== 'object' || raw === null) return '';
  const r = raw as Record<string, unknown>;
  if (typeof r.id === 'string') return r.id;
  if (typeof r.type !== 'string') return '';
  const detail = typeof r.board === 'string' ? r.board : typeof r.query === 'string' ? slug(r.query) : '';
  return detail ? `${r.type}:${detail}` : r.type;
}

/** Reads and validates a sources file; every problem names the file, the entry and the field. */
export function loadJobSources(file: string): JobSource[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new JobSourcesError([`${file}: file is missing`]);
  }
  let data: unknown;
  try {
    data = parse(raw);
  } catch (error) {
    throw new JobSourcesError([`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`]);
  }
  return parseJobSources(data, file);
}
