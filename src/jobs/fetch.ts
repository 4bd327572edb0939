/**
 * Polite JSON fetching for job boards, on ky: a User-Agent that names the bot, a per-request timeout, and
 * retries with backoff on 429 and 5xx that wait as long as Retry-After asks (up to a cap). Every failure becomes
 * a `FetchError` whose `reason` is short enough to show in a source-health line ("HTTP 404").
 */
import ky, { HTTPError, isHTTPError, isNetworkError, isTimeoutError } from 'ky';
import pkg from '../../package.json' with { type: 'json' };
import { BotError } from '../errors.ts';

/** The User-Agent every job-board request carries. */
export const USER_AGENT = `careerbot/${pkg.version} (+https://github.com/careerbot/careerbot)`;

/** Retry policy; times are in milliseconds so tests can use small ones. */
export interface RetryPolicy {
  /** Retries after the first attempt (default 2). */
  limit?: number;
  /** Longest Retry-After honoured; longer waits are cut to this (default 30 s). */
  maxRetryAfterMs?: number;
  /** Cap on the exponential backoff used when no Retry-After is sent (default 10 s). */
  backoffLimitMs?: number;
}

/** Options for `createHttp`. */
export interface HttpOptions {
  /** Per-attempt timeout, also applied to reading the body (default 15 s). */
  timeoutMs?: number;
  retry?: RetryPolicy;
  userAgent?: string;
}

/** A JSON getter; `getJson` rejects only with `FetchError`. */
export interface Http {
  getJson(url: string): Promise<unknown>;
}

/** A request that produced no usable JSON; `reason` is a short human string. */
export class FetchError extends BotError {
  readonly reason: string;
  readonly status?: number;
  constructor(reason: string, status?: number, options?: { cause?: unknown }) {
    super('FETCH_FAILED', reason, options);
    this.reason = reason;
    if (status !== undefined) this.status = status;
  }
}

/** Default per-request timeout. */
export const DEFAULT_TIMEOUT_MS = 15_000;

/** Creates a JSON getter with the bot's User-Agent, timeout and retry policy. */
export function createHttp(options: HttpOptions = {}): Http {
  const timeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const client = ky.create({
    timeout,
    headers: { 'user-agent': options.userAgent ?? USER_AGENT, accept: 'application/json' },
    retry: {
      limit: options.retry?.limit ?? 2,
      methods: ['get'],
      statusCodes: [408, 429, 500, 502, 503, 504],
      afterStatusCodes: [429, 503],
      maxRetryAfter: options.retry?.maxRetryAfterMs ?? 30_000,
      backoffLimit: options.retry?.backoffLimitMs ?? 10_000,
    },
  });
  return {
    async getJson(url) {
      let contentType = '';
      let body: string;
      try {
        body = await client
          .get(url, {
            hooks: {
              afterResponse: [
                ({ response }) => {
                  contentType = response.headers.get('content-type') ?? '';
                },
              ],
            },
          })
          .text();
      } catch (error) {
        throw toFetchError(error, timeout);
      }
      // Boards that moved or sit behind a login page answer 200 with HTML.
      if (contentType && !/json/i.test(contentType)) {
        throw new FetchError(`not JSON (${contentType.split(';')[0]?.trim()})`);
      }
      try {
        return JSON.parse(body) as unknown;
      } catch (error) {
        throw new FetchError('malformed JSON', undefined, { cause: error });
      }
    },
  };
}

/** One JSON GET with the bot's policy; for repeated calls build a client once with `createHttp`. */
export function fetchJson(url: string, options: HttpOptions = {}): Promise<unknown> {
  return createHttp(options).getJson(url);
}

function toFetchError(error: unknown, timeoutMs: number): FetchError {
  if (isHTTPError(error) || error instanceof HTTPError) {
    const status = error.response.status;
    return new FetchError(`HTTP ${status}`, status, { cause: error });
  }
  if (isTimeoutError(error))
    return new FetchError(`timed out after ${formatSeconds(timeoutMs)}`, undefined, { cause: error });
  if (isNetworkError(error)) {
    const cause = (error as { cause?: { code?: string; cause?: { code?: string } } }).cause;
    const code = cause?.code ?? cause?.cause?.code;
    return new FetchError(code ? `network error (${code})` : 'network error', undefined, { cause: error });
  }
  return new FetchError(`request failed (${(error as Error)?.message ?? String(error)})`, undefined, { cause: error });
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
