/** Recognises "the other side could not be reached" in errors from fetch, undici, ws and the platform SDKs. */

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_SOCKET',
]);

/**
 * The network error code (ECONNREFUSED, ENOTFOUND, ...) somewhere in `err` or its causes, 'timeout' for an
 * aborted or timed-out request, or undefined when the error is not about reaching the server. SDKs wrap
 * the socket error at different depths (`cause`, Slack's `original`, an AggregateError's `errors`).
 */
export function networkErrorCode(err: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; name?: unknown; cause?: unknown; original?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
  if (e.name === 'AbortError' || e.name === 'TimeoutError' || e.name === 'ConnectTimeoutError') return 'timeout';
  const nested = [e.cause, e.original, ...(Array.isArray(e.errors) ? e.errors : [])];
  for (const inner of nested) {
    const code = networkErrorCode(inner, depth + 1);
    if (code) return code;
  }
  // undici's own wording when the request never got an answer and no socket code was kept.
  if (e.name === 'TypeError' && (err as Error).message === 'fetch failed') return 'fetch failed';
  return undefined;
}
