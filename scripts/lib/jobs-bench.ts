/**
 * Digest figure for `npm run bench`: normalising, deduplicating and computing the week's stats over
 * 20,000 postings built from the recorded payloads of all five source types (ids, links, titles and
 * companies varied; about one in ten repeated across sources). Runs in a fresh child process so its
 * time is a cold start and its peak RSS is the pipeline's own.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dedupePostings } from '../../src/jobs/dedupe.ts';
import type { Posting, SourceType } from '../../src/jobs/posting.ts';
import { parsePayload } from '../../src/jobs/sources/registry.ts';
import type { JobSource } from '../../src/jobs/sources-file.ts';
import { computeStats } from '../../src/jobs/stats.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'jobs');
const NOW = new Date('2026-11-23T09:00:00Z');
const TOTAL = 20_000;
const BOARDS = 40;
const SHARE: Record<SourceType, number> = { greenhouse: 0.3, lever: 0.2, ashby: 0.3, remotive: 0.1, himalayas: 0.1 };
const FILES: Record<SourceType, string> = {
  greenhouse: 'greenhouse/northwind.json',
  lever: 'lever/lumen.json',
  ashby: 'ashby/tessera.json',
  remotive: 'remotive/remote-jobs.json',
  himalayas: 'himalayas/search.json',
};

type Job = Record<string, unknown>;

/** Copies a recorded job with new ids, link, title suffix and company, so dedupe has real work to do. */
function vary(type: SourceType, job: Job, n: number, board: number): Job {
  const suffix = ` - Team ${n % 97}`;
  const link = (url: unknown) => `${String(url).replace(/\/?(\?.*)?$/, '')}/${n}`;
  const company = `Company ${board}`;
  switch (type) {
    case 'greenhouse':
      return {
        ...job,
        id: n,
        internal_job_id: n,
        title: `${job.title}${suffix}`,
        absolute_url: link(job.absolute_url),
        company_name: company,
      };
    case 'lever':
      return { ...job, id: `lv-${n}`, text: `${job.text}${suffix}`, hostedUrl: link(job.hostedUrl) };
    case 'ashby':
      return { ...job, id: `ab-${n}`, title: `${job.title}${suffix}`, jobUrl: link(job.jobUrl) };
    case 'remotive':
      return { ...job, id: n, title: `${job.title}${suffix}`, url: link(job.url), company_name: company };
    case 'himalayas':
      return {
        ...job,
        guid: `hm-${n}`,
        title: `${job.title}${suffix}`,
        applicationLink: link(job.applicationLink),
        companyName: company,
      };
  }
}

/** Builds the payloads: per type, `BOARDS` sources sharing the type's share of the 20,000 jobs. */
function payloads(): { source: JobSource; payload: unknown }[] {
  const out: { source: JobSource; payload: unknown }[] = [];
  let n = 0;
  for (const type of Object.keys(SHARE) as SourceType[]) {
    const recorded = JSON.parse(readFileSync(join(FIXTURES, FILES[type]), 'utf8')) as Job[] | { jobs: Job[] };
    const jobs = Array.isArray(recorded) ? recorded : recorded.jobs;
    const perBoard = Math.round((TOTAL * SHARE[type]) / BOARDS);
    for (let board = 0; board < BOARDS; board += 1) {
      const list: Job[] = [];
      for (let i = 0; i < perBoard; i += 1) {
        // Every tenth job repeats an earlier one's number, so it reappears under another source.
        const id = i % 10 === 9 ? n - 5 : n;
        list.push(vary(type, jobs[i % jobs.length] ?? {}, id, board));
        n += 1;
      }
      const source: JobSource = { id: `${type}:b${board}`, type, board: `b${board}`, company: `Company ${board}` };
      const payload = Array.isArray(recorded) ? list : { ...recorded, jobs: list };
      out.push({ source, payload });
    }
  }
  return out;
}

async function child(): Promise<void> {
  const inputs = payloads();
  const raw = inputs.reduce(
    (sum, i) => sum + (Array.isArray(i.payload) ? i.payload : (i.payload as { jobs: Job[] }).jobs).length,
    0,
  );
  const t0 = performance.now();
  const normalised: Posting[] = inputs.flatMap(({ source, payload }) => parsePayload(source, payload, NOW).postings);
  const t1 = performance.now();
  const postings = dedupePostings(normalised);
  const t2 = performance.now();
  const stats = computeStats({
    postings,
    sources: [],
    now: NOW,
    week: '2026-W48',
    timeZone: 'UTC',
    firstSeen: new Map(),
  });
  const t3 = performance.now();
  const status = readFileSync('/proc/self/status', 'utf8');
  const mb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  process.stdout.write(
    JSON.stringify({
      raw,
      inScope: normalised.length,
      deduped: postings.length,
      total: stats.total,
      ms: { normalise: t1 - t0, dedupe: t2 - t1, stats: t3 - t2, all: t3 - t0 },
      rssMb: mb('VmRSS'),
      peakMb: mb('VmHWM'),
    }),
  );
}

/** Runs the pipeline in a child process and returns a printable line with the figures. */
export async function jobsDigestBench(): Promise<{ lines: string[] }> {
  const proc = spawn(process.execPath, [import.meta.filename, '--child'], { stdio: ['ignore', 'pipe', 'inherit'] });
  let text = '';
  proc.stdout.on('data', (chunk: Buffer) => {
    text += chunk.toString();
  });
  await new Promise((resolve) => proc.once('exit', resolve));
  const r = JSON.parse(text) as {
    raw: number;
    inScope: number;
    deduped: number;
    ms: Record<string, number>;
    rssMb: number;
    peakMb: number;
  };
  return {
    lines: [
      `jobs digest over ${r.raw} postings (${r.inScope} in scope, ${r.deduped} after dedupe): ${r.ms.all?.toFixed(0)} ms (normalise ${r.ms.normalise?.toFixed(0)}, dedupe ${r.ms.dedupe?.toFixed(0)}, stats ${r.ms.stats?.toFixed(0)}) · peak RSS ${r.peakMb.toFixed(1)} MB`,
    ],
  };
}

if (process.argv.includes('--child')) await child();
else if (import.meta.main) for (const line of (await jobsDigestBench()).lines) process.stdout.write(`${line}\n`);
