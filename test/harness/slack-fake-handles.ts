/**
 * Slack's short-lived handles, as FakeSlack enforces them (issue 10): a trigger_id opens one view within
 * 3 seconds; a response_url takes at most 5 messages within 30 minutes, each a valid message, with
 * `delete_original` sent alone. Time is the fake's clock, which tests move on with `FakeSlack.elapse()`.
 */
import { blockLimitErrors, messageTextError } from './slack-fake-limits.ts';

type Json = Record<string, unknown>;

/** How long a trigger_id stays valid (Slack: 3 seconds). */
export const TRIGGER_TTL_MS = 3_000;
/** How long a response_url stays valid, and how often it may be used (Slack: 30 minutes, 5 times). */
export const RESPONSE_URL_TTL_MS = 30 * 60 * 1000;
export const RESPONSE_URL_MAX_USES = 5;

/** Why a response_url POST was refused: the HTTP status and Slack's error. */
export interface ResponseRefusal {
  status: number;
  error: string;
}

/** Trigger ids spent and response_urls issued, against the fake's clock. */
export class SlackHandles {
  private readonly spent = new Set<string>();
  private readonly urls = new Map<string, { issued: number; uses: number }>();
  private readonly now: () => number;

  constructor(now: () => number) {
    this.now = now;
  }

  /** Spends a trigger_id; undefined when it may open a view, else Slack's error. */
  spendTrigger(triggerId: unknown): string | undefined {
    // The fake's trigger ids start with the Date.now() of the payload that carried them (slack-fake-payloads.ts).
    const issued = typeof triggerId === 'string' ? Number(triggerId.split('.')[0]) : Number.NaN;
    if (!Number.isFinite(issued) || typeof triggerId !== 'string') return 'invalid_trigger_id';
    if (this.spent.has(triggerId)) return 'exchanged_trigger_id';
    if (this.now() - issued > TRIGGER_TTL_MS) return 'expired_trigger_id';
    this.spent.add(triggerId);
    return undefined;
  }

  /** Notes when a response_url was handed out (the first time only). */
  issueResponseUrl(id: string): void {
    if (!this.urls.has(id)) this.urls.set(id, { issued: this.now(), uses: 0 });
  }

  /** Checks and counts one POST to a response_url; undefined when Slack would accept it. */
  useResponseUrl(id: string, body: Json): ResponseRefusal | undefined {
    this.issueResponseUrl(id);
    const url = this.urls.get(id) ?? { issued: this.now(), uses: 0 };
    if (this.now() - url.issued > RESPONSE_URL_TTL_MS) return { status: 404, error: 'expired_url' };
    if (url.uses >= RESPONSE_URL_MAX_USES) return { status: 404, error: 'used_url' };
    const invalid = responseBodyError(body);
    if (invalid) return { status: 400, error: invalid };
    url.uses += 1;
    return undefined;
  }

  /** Forgets everything (between tests). */
  reset(): void {
    this.spent.clear();
    this.urls.clear();
  }
}

/** A response_url message: `delete_original` alone, or a message with text (and valid blocks). */
function responseBodyError(body: Json): string | undefined {
  if ('_raw' in body) return 'invalid_payload';
  if (body.delete_original === true || body.delete_original === 'true') {
    return Object.keys(body).length === 1 ? undefined : 'invalid_payload';
  }
  const noText = messageTextError(body);
  if (noText) return noText;
  return blockLimitErrors(body.blocks, 50, '/blocks').length > 0 ? 'invalid_blocks' : undefined;
}
