import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttp, FetchError, USER_AGENT } from '../../src/jobs/fetch.ts';
import { type JobBoardsFake, startJobBoardsFake } from '../harness/job-boards-fake.ts';

let fake: JobBoardsFake;
beforeAll(async () => {
  fake = await startJobBoardsFake();
});
afterAll(() => fake.close());

const ROUTE = '/ashby/posting-api/job-board/tessera';
const http = () => createHttp({ timeoutMs: 300, retry: { limit: 2, maxRetryAfterMs: 1000, backoffLimitMs: 50 } });

async function failure(url: string, client = http()): Promise<FetchError> {
  try {
    await client.getJson(url);
  } catch (error) {
    if (error instanceof FetchError) return error;
    throw error;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('createHttp', () => {
  it('returns parsed JSON and sends the User-Agent and an Accept header', async () => {
    const body = (await http().getJson(`${fake.url}${ROUTE}`)) as { jobs: unknown[] };
    expect(body.jobs).toHaveLength(6);
    const request = fake.requestsTo(ROUTE).at(-1);
    expect(request?.headers['user-agent']).toBe(USER_AGENT);
    expect(request?.headers.accept).toContain('application/json');
  });

  it('waits for Retry-After on a 429 and then succeeds', async () => {
    const url = `${fake.url}/fail/429${ROUTE}?case=retry-after`;
    const started = performance.now();
    const body = (await http().getJson(url)) as { jobs: unknown[] };
    const waited = performance.now() - started;
    expect(body.jobs).toHaveLength(6);
    expect(fake.requests.filter((r) => r.url.endsWith('case=retry-after'))).toHaveLength(2);
    expect(waited).toBeGreaterThanOrEqual(900);
  });

  it('caps a long Retry-After at maxRetryAfterMs', async () => {
    const client = createHttp({ timeoutMs: 300, retry: { limit: 1, maxRetryAfterMs: 100 } });
    const started = performance.now();
    await client.getJson(`${fake.url}/fail/429-long${ROUTE}?case=cap`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('retries a 500 up to the limit, then reports the status', async () => {
    const error = await failure(`${fake.url}/fail/500${ROUTE}?case=500`);
    expect(error.reason).toBe('HTTP 500');
    expect(error.status).toBe(500);
    expect(fake.requests.filter((r) => r.url.endsWith('case=500'))).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const error = await failure(`${fake.url}/greenhouse/v1/boards/gone/jobs?case=404`);
    expect(error.reason).toBe('HTTP 404');
    expect(fake.requests.filter((r) => r.url.endsWith('case=404'))).toHaveLength(1);
  });

  it('gives up on a server that never answers, saying after how long', async () => {
    const error = await failure(`${fake.url}/fail/hang${ROUTE}`);
    expect(error.reason).toBe('timed out after 0.3 s');
  });

  it('rejects an HTML page served with 200, naming its content type', async () => {
    expect((await failure(`${fake.url}/fail/html${ROUTE}`)).reason).toBe('not JSON (text/html)');
  });

  it('rejects malformed JSON', async () => {
    expect((await failure(`${fake.url}/fail/malformed${ROUTE}`)).reason).toBe('malformed JSON');
  });

  it('reports a refused connection as a network error', async () => {
    const closed = await startJobBoardsFake();
    await closed.close();
    const error = await failure(`${closed.url}${ROUTE}`, createHttp({ timeoutMs: 300, retry: { limit: 0 } }));
    expect(error.reason).toMatch(/^network error/);
  });
});
