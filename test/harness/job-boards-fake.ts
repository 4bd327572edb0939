/**
 * A local stand-in for the job-board APIs (Greenhouse, Lever, Ashby, Remotive, Himalayas) serving the recorded
 * payloads in test/fixtures/jobs/ on 127.0.0.1, so the real HTTP path (ky, retries, timeouts) runs in tests.
 * Any route can be wrapped in a failure: `/fail/<kind>/<route>` (see `FailureKind`). Every request is recorded.
 *
 * Fixture clock: the reference run is Monday 2026-11-23 09:00 UTC (`FIXTURE_NOW`); the fixtures spread postings
 * over the ISO weeks of 2026-11-09, 2026-11-16 and 2026-11-23, plus one dated after it. A run at
 * `FIXTURE_PREVIOUS_NOW` (a week earlier) sees only the postings dated before then.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { SourceType } from '../../src/jobs/posting.ts';
import { hostileGreenhouseBoard } from './job-boards-hostile.ts';

/** The pinned "now" of the fixtures: Monday 2026-11-23 09:00 UTC. */
export const FIXTURE_NOW = new Date('2026-11-23T09:00:00Z');
/** One week earlier, Monday 2026-11-16 09:00 UTC: later postings are in its future. */
export const FIXTURE_PREVIOUS_NOW = new Date('2026-11-16T09:00:00Z');
/** Where the recorded payloads live. */
export const FIXTURES_DIR = join(import.meta.dirname, '..', 'fixtures', 'jobs');

/** Failures any route can be wrapped in with `/fail/<kind>/…`. */
export type FailureKind = '429' | '429-long' | '500' | 'hang' | 'malformed' | 'html' | 'shape';

/** One request as the fake received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/lever/v0/postings/lumen?mode=json&skip=0&limit=100`. */
  url: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
}

/** A running fake. */
export interface JobBoardsFake {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  requests: RecordedRequest[];
  /** Most requests the fake held open at once (a hanging route holds one until the client gives up). */
  readonly maxInFlight: number;
  /** Requests whose path starts with `prefix`. */
  requestsTo(prefix: string): RecordedRequest[];
  close(): Promise<void>;
}

/** One entry for `writeSourcesFile`; `fail` routes it through a failure. */
export interface FakeSourceSpec {
  type: SourceType;
  board?: string;
  query?: string;
  company?: string;
  id?: string;
  timeoutSeconds?: number;
  fail?: FailureKind;
}

/** The five fixture sources: one board per ATS and one query per aggregator. */
export const FIXTURE_SOURCES: readonly FakeSourceSpec[] = [
  { type: 'greenhouse', board: 'northwind' },
  { type: 'lever', board: 'lumen', company: 'Lumen Labs' },
  { type: 'ashby', board: 'tessera', company: 'Tessera' },
  { type: 'remotive', query: 'ai trainer' },
  { type: 'himalayas', query: 'ai trainer' },
];

function readFixture(type: string, name: string): unknown | undefined {
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(name) || name.includes('..')) return undefined;
  try {
    return JSON.parse(readFileSync(join(FIXTURES_DIR, type, `${name}.json`), 'utf8'));
  } catch {
    return undefined;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

interface Reply {
  status: number;
  body: unknown;
}

const notFound = (body: unknown): Reply => ({ status: 404, body });

/** The recorded answer for a route; unknown boards get each API's own 404 body. */
function route(path: string, query: Record<string, string>): Reply {
  let m = /^\/greenhouse\/v1\/boards\/([^/]+)\/jobs$/.exec(path);
  if (m?.[1]) {
    const board = m[1] === 'hostile' ? hostileGreenhouseBoard() : readFixture('greenhouse', m[1]);
    return board ? { status: 200, body: board } : notFound({ status: 404, error: 'Job board not found' });
  }
  m = /^\/lever\/v0\/postings\/([^/]+)$/.exec(path);
  if (m?.[1]) {
    const site = readFixture('lever', m[1]);
    if (!Array.isArray(site)) return notFound({ ok: false, error: 'Document not found' });
    const skip = Number(query.skip ?? 0);
    const limit = Number(query.limit ?? site.length);
    return { status: 200, body: site.slice(skip, skip + limit) };
  }
  m = /^\/ashby\/posting-api\/job-board\/([^/]+)$/.exec(path);
  if (m?.[1]) {
    const board = readFixture('ashby', m[1]);
    return board ? { status: 200, body: board } : notFound({ success: false, error: 'Not found' });
  }
  if (path === '/remotive/api/remote-jobs') return { status: 200, body: readFixture('remotive', 'remote-jobs') };
  if (path === '/himalayas/jobs/api/search') {
    const page = readFixture('himalayas', 'search') as Record<string, unknown>;
    return { status: 200, body: Number(query.page ?? 1) > 1 ? { ...page, jobs: [] } : page };
  }
  return notFound({ error: 'no such route on the fake' });
}

function serveRoute(res: ServerResponse, path: string, query: Record<string, string>): void {
  const { status, body } = route(path, query);
  send(res, status, body);
}

/** Starts the fake on an ephemeral port. */
export async function startJobBoardsFake(): Promise<JobBoardsFake> {
  const requests: RecordedRequest[] = [];
  const failedOnce = new Set<string>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((req, res) => {
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    res.on('close', () => {
      inFlight -= 1;
    });
    const parsed = new URL(req.url ?? '/', 'http://fake.local');
    const query = Object.fromEntries(parsed.searchParams);
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: parsed.pathname,
      query,
      headers: req.headers,
    });
    const fail = /^\/fail\/([a-z0-9-]+)(\/.*)$/.exec(parsed.pathname);
    const kind = fail?.[1] as FailureKind | undefined;
    const inner = fail?.[2] ?? parsed.pathname;
    if (kind === '429' || kind === '429-long') {
      // Rate-limited once per URL, then served normally: the retry must wait for Retry-After.
      if (failedOnce.has(req.url ?? '')) serveRoute(res, inner, query);
      else {
        failedOnce.add(req.url ?? '');
        send(res, 429, { error: 'slow down' }, { 'retry-after': kind === '429' ? '1' : '3600' });
      }
    } else if (kind === '500') send(res, 500, { error: 'internal error' });
    else if (kind === 'hang') {
      // Never answers; close() drops the socket.
    } else if (kind === 'malformed') send(res, 200, '{"jobs": [{"title": "Prompt Eng');
    else if (kind === 'html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>Sign in</title></head><body>Please sign in</body></html>');
    } else if (kind === 'shape') send(res, 200, { postings: [] });
    else if (kind) send(res, 404, { error: `unknown failure ${kind}` });
    else serveRoute(res, inner, query);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get maxInFlight() {
      return maxInFlight;
    },
    requestsTo: (prefix) => requests.filter((r) => r.path.startsWith(prefix)),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** The URL on the fake that stands in for a source's public endpoint. */
export function fakeSourceUrl(fake: JobBoardsFake, spec: FakeSourceSpec): string {
  const base = `${fake.url}${spec.fail ? `/fail/${spec.fail}` : ''}`;
  const board = encodeURIComponent(spec.board ?? '');
  const q = encodeURIComponent(spec.query ?? '');
  switch (spec.type) {
    case 'greenhouse':
      return `${base}/greenhouse/v1/boards/${board}/jobs?content=true`;
    case 'lever':
      return `${base}/lever/v0/postings/${board}?mode=json`;
    case 'ashby':
      return `${base}/ashby/posting-api/job-board/${board}?includeCompensation=true`;
    case 'remotive':
      return `${base}/remotive/api/remote-jobs${q ? `?search=${q}` : ''}`;
    case 'himalayas':
      return `${base}/himalayas/jobs/api/search?q=${q}&sort=recent`;
  }
}

/** Writes a sources YAML whose every entry fetches from the fake; returns its path. */
export function writeSourcesFile(
  dir: string,
  fake: JobBoardsFake,
  entries: readonly FakeSourceSpec[] = FIXTURE_SOURCES,
  name = 'job-sources.yaml',
): string {
  const sources = entries.map((entry) => {
    const { fail, ...spec } = entry;
    return { ...spec, url: fakeSourceUrl(fake, entry), ...(fail && { note: `routed through /fail/${fail}` }) };
  });
  const path = join(dir, name);
  writeFileSync(
    path,
    `# Written by the job-boards fake: every url points at ${fake.url}.\n${stringify({ version: 1, sources })}`,
  );
  return path;
}
