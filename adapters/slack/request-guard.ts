/**
 * The checks a Slack request passes before Bolt sees it (issue 10). Bolt reads up to 4 MB of body before it
 * looks at the signature, accepts timestamps from the future, and crashes the process on a signed `null`
 * body; this guard decides from the headers alone whether a body is worth reading, reads it with a byte cap,
 * verifies the signature and refuses bodies that are not objects.
 */
import type { IncomingMessage } from 'node:http';
import { HTTPModuleFunctions, verifySlackRequest } from '@slack/bolt';

/** Slack's window for `x-slack-request-timestamp`, both ways: replays are refused, and so are clocks set ahead. */
export const MAX_CLOCK_SKEW_S = 5 * 60;
/** What an unsigned request may carry: only Slack's `ssl_check=1&token=…` is unsigned, and it is tiny. */
const UNSIGNED_MAX_BYTES = 512;
const SIGNATURE = /^v0=[0-9a-f]{64}$/;
const TIMESTAMP = /^\d{1,12}$/;
const FORM = 'application/x-www-form-urlencoded';

/** A request the guard refused: the HTTP status to answer and why (for the log). */
export interface Refusal {
  status: 400 | 401 | 413 | 503;
  reason: string;
}

/** How a request may go on after the header check: signed or not, and how many body bytes it may send. */
export interface Admission {
  signed: boolean;
  maxBytes: number;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === 'string' ? value : undefined;
}

/** Decides from the headers alone, so an unauthenticated caller never gets a body read. */
export function admit(req: IncomingMessage, maxBytes: number, nowMs: number): Admission | Refusal {
  const ts = header(req, 'x-slack-request-timestamp');
  const signature = header(req, 'x-slack-signature');
  const signed = ts !== undefined || signature !== undefined;
  const limit = signed ? maxBytes : UNSIGNED_MAX_BYTES;
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { status: signed ? 413 : 401, reason: 'body too large' };
  if (!signed) return { signed, maxBytes: limit };
  if (!ts || !TIMESTAMP.test(ts)) return { status: 401, reason: 'missing or malformed timestamp' };
  if (Math.abs(Number(ts) - nowMs / 1000) > MAX_CLOCK_SKEW_S) return { status: 401, reason: 'timestamp out of window' };
  if (!signature || !SIGNATURE.test(signature)) return { status: 401, reason: 'missing or malformed signature' };
  return { signed, maxBytes: limit };
}

/**
 * Reads the body, giving up as soon as it exceeds `maxBytes` (`'too-large'`) or `take` refuses a chunk because
 * the server's budget for bodies in memory is spent (`'busy'`).
 */
export async function readCapped(
  req: IncomingMessage,
  maxBytes: number,
  take: (bytes: number) => boolean,
): Promise<Buffer | 'too-large' | 'busy'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) return 'too-large';
    if (!take((chunk as Buffer).length)) return 'busy';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Checks a read body: signed ones must carry a valid signature; unsigned ones may only be Slack's ssl_check.
 * Either way the body must parse (as Bolt parses it) to an object, since Bolt reads fields of it unguarded.
 */
export function checkBody(req: IncomingMessage, raw: Buffer, admission: Admission, signingSecret: string) {
  const text = raw.toString('utf8');
  const contentType = header(req, 'content-type');
  if (admission.signed) {
    try {
      verifySlackRequest({
        signingSecret,
        body: text,
        headers: {
          'x-slack-signature': header(req, 'x-slack-signature') ?? '',
          'x-slack-request-timestamp': Number(header(req, 'x-slack-request-timestamp')),
        },
      });
    } catch {
      return { status: 401, reason: 'signature mismatch' } satisfies Refusal;
    }
  } else if (contentType !== FORM || new URLSearchParams(text).get('ssl_check') !== '1') {
    return { status: 401, reason: 'unsigned request' } satisfies Refusal;
  }
  let parsed: unknown;
  try {
    parsed = HTTPModuleFunctions.parseHTTPRequestBody(Object.assign(req, { rawBody: raw }));
  } catch {
    return { status: 400, reason: 'malformed body' } satisfies Refusal;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { status: 400, reason: 'body is not an object' } satisfies Refusal;
  }
  return undefined;
}
