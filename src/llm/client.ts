/**
 * One model call through the official SDK, with a hard deadline over the whole call (retries and
 * streaming included) and every failure turned into a reason the caller can act on. Nothing thrown by
 * the SDK leaves this module.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, RateLimitError } from 'openai';
import type { ResponseFormatJSONSchema } from 'openai/resources/shared';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import type { PromptMessage } from './prompt.ts';

/** The model used when OPENAI_MODEL is unset: cheap, fast and good at following citation rules. */
export const DEFAULT_MODEL = 'gpt-4o-mini';

/** Token counts for one call. */
export interface Usage {
  prompt: number;
  completion: number;
  total: number;
}

/** One request to the model. */
export interface ModelCall {
  messages: PromptMessage[];
  maxTokens: number;
  responseFormat?: ResponseFormatJSONSchema;
  signal?: AbortSignal;
  /** Streams when given: called with the text so far; returning false stops the stream at once. */
  onText?: (text: string) => boolean;
  /**
   * Most characters of answer kept: a longer answer ends the call as an error (`answer too long`), a
   * stream as soon as it passes the mark, so a runaway server cannot fill memory or the event loop.
   */
  maxChars?: number;
}

/** How a call ended. `stopped` means `onText` cut the stream short. */
export type ModelOutcome =
  | {
      ok: true;
      text: string;
      finishReason: string | null;
      usage: Usage;
      usageEstimated: boolean;
      modelMs: number;
      stopped: boolean;
    }
  | { ok: false; reason: 'timeout' | 'rate_limited' | 'error'; detail: string; modelMs: number; usage: Usage };

/** Options for `createModelClient`. */
export interface ModelClientOptions {
  config: Pick<Config['openai'], 'baseUrl' | 'model'> & { apiKey: string };
  logger: Logger;
  timeoutMs: number;
  maxRetries: number;
  /** A 429 or 5xx asking to wait longer than this is not retried: the user is waiting. */
  maxRetryWaitMs: number;
}

/** Calls the model. */
export interface ModelClient {
  readonly model: string;
  call(request: ModelCall): Promise<ModelOutcome>;
}

function retryAfterMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms)) return ms;
  const seconds = Number.parseFloat(headers.get('retry-after') ?? '');
  return Number.isFinite(seconds) ? seconds * 1000 : undefined;
}

const estimate = (chars: number) => Math.ceil(chars / 4);

/** Creates the client. Every SDK option is explicit so the SDK reads nothing from the environment itself. */
export function createModelClient(options: ModelClientOptions): ModelClient {
  const { config, logger, timeoutMs, maxRetries, maxRetryWaitMs } = options;
  const model = config.model ?? DEFAULT_MODEL;
  // The SDK honours `x-should-retry`; setting it to false on long waits keeps retries inside the deadline.
  const fetchWithRetryCap = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const wait = response.status === 429 || response.status >= 500 ? retryAfterMs(response.headers) : undefined;
    if (wait === undefined || wait <= maxRetryWaitMs) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
  const sdkLog = (message: string) => logger.warn({ component: 'openai-sdk' }, message);
  const client = new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseUrl ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    timeout: timeoutMs,
    maxRetries,
    fetch: fetchWithRetryCap,
    logLevel: 'warn',
    // Only the message: the SDK's extra arguments can hold request details.
    logger: { error: sdkLog, warn: sdkLog, info: () => {}, debug: () => {} },
  });

  async function call(request: ModelCall): Promise<ModelOutcome> {
    const started = performance.now();
    const deadline = AbortSignal.timeout(timeoutMs);
    const stop = new AbortController();
    const signal = AbortSignal.any([deadline, stop.signal, ...(request.signal ? [request.signal] : [])]);
    const promptChars = request.messages.reduce((n, m) => n + m.content.length, 0);
    let text = '';
    const spent = (): Usage => {
      const prompt = estimate(promptChars);
      const completion = estimate(text.length);
      return { prompt, completion, total: prompt + completion };
    };
    const body = {
      model,
      messages: request.messages,
      max_completion_tokens: request.maxTokens,
      ...(request.responseFormat ? { response_format: request.responseFormat } : {}),
    };
    const fail = (reason: 'timeout' | 'rate_limited' | 'error', detail: string): ModelOutcome => ({
      ok: false,
      reason,
      detail,
      modelMs: performance.now() - started,
      usage: spent(),
    });
    const maxChars = request.maxChars ?? Number.POSITIVE_INFINITY;
    let tooLong = false;
    try {
      let finishReason: string | null = null;
      let usage: OpenAI.CompletionUsage | undefined;
      let stopped = false;
      if (request.onText) {
        const stream = await client.chat.completions.create(
          { ...body, stream: true, stream_options: { include_usage: true } },
          { signal },
        );
        for await (const chunk of stream) {
          if (chunk.usage) usage = chunk.usage;
          const choice = chunk.choices?.[0];
          finishReason = choice?.finish_reason ?? finishReason;
          if (!choice?.delta?.content) continue;
          text += choice.delta.content;
          if (text.length > maxChars) {
            text = text.slice(0, maxChars);
            tooLong = true;
            stop.abort();
            break;
          }
          if (!request.onText(text)) {
            stopped = true;
            stop.abort();
            break;
          }
        }
        // The SDK ends a stream quietly when its request is aborted, so the deadline is checked here.
        if (deadline.aborted) throw deadline.reason;
        if (tooLong) return fail('error', 'answer too long');
      } else {
        const completion = await client.chat.completions.create(body, { signal });
        if (!Array.isArray(completion?.choices)) throw new SyntaxError('response has no choices');
        const choice = completion.choices[0];
        text = typeof choice?.message?.content === 'string' ? choice.message.content : '';
        if (text.length > maxChars) {
          text = text.slice(0, maxChars);
          return fail('error', 'answer too long');
        }
        finishReason = choice?.finish_reason ?? null;
        usage = completion.usage;
      }
      const fallback = spent();
      return {
        ok: true,
        text,
        finishReason,
        usage: usage
          ? { prompt: usage.prompt_tokens, completion: usage.completion_tokens, total: usage.total_tokens }
          : fallback,
        usageEstimated: !usage,
        modelMs: performance.now() - started,
        stopped,
      };
    } catch (err) {
      if (deadline.aborted || err instanceof APIConnectionTimeoutError) return fail('timeout', `after ${timeoutMs} ms`);
      if (request.signal?.aborted) return fail('error', 'aborted');
      if (err instanceof RateLimitError) return fail('rate_limited', 'http 429');
      if (err instanceof APIConnectionError) return fail('error', 'connection');
      if (err instanceof APIError) return fail('error', err.status ? `http ${err.status}` : 'api error');
      return fail('error', 'malformed response');
    }
  }

  return { model, call };
}
