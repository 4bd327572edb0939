/**
 * A local OpenAI-compatible server for tests and the benchmark: the real `openai` SDK talks to it over
 * loopback. It serves `POST /v1/chat/completions` (JSON or SSE streaming, with a usage chunk when
 * `stream_options.include_usage` is set) and `GET /v1/models`. Each request takes the next scripted
 * behaviour (or the default), and every request is recorded with its headers, its body and how long
 * the fake itself spent on it, so a benchmark can subtract the "model's" time.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** What the fake does with one request. Fields combine: `delayMs` plus `text` is a slow answer. */
export interface FakeBehaviour {
  /** The assistant's content. */
  text?: string;
  /** Content for structured output: serialised as JSON text. */
  json?: unknown;
  /** Answer with this HTTP error status instead (429, 500...). */
  status?: number;
  /** Seconds for `Retry-After` on an error status. */
  retryAfter?: number;
  /** A body (or SSE event) that is not valid JSON. */
  malformed?: boolean;
  /** Wait before sending anything. */
  delayMs?: number;
  /** Wait between streamed chunks. */
  chunkDelayMs?: number;
  /** Stream in pieces of this many characters instead of word by word (for very long answers). */
  chunkChars?: number;
  finishReason?: string;
  /** Token counts to report; estimated from characters when omitted; false reports none. */
  usage?: { prompt: number; completion: number } | false;
}

/** One request as the fake saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  /** The parsed JSON body (undefined for GET). */
  body: ChatBody | undefined;
  /** The raw body text, for searching the whole payload. */
  raw: string;
  stream: boolean;
  /** Milliseconds from receiving the request to finishing (or abandoning) the response. */
  handlingMs?: number;
  /** True when the client closed the connection before the response was complete. */
  abandoned?: boolean;
}

/** The parts of a chat completion request the fake reads. */
export interface ChatBody {
  model: string;
  messages: { role: string; content: string }[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name: string; schema: Record<string, unknown> } };
  max_completion_tokens?: number;
  [key: string]: unknown;
}

/** A fixed behaviour, or one worked out from the request (to echo it, or to leak it). */
export type Script = FakeBehaviour | ((request: RecordedRequest) => FakeBehaviour);

/** Ready-made behaviours. */
export const fakeReply = {
  text: (text: string, extra: FakeBehaviour = {}): FakeBehaviour => ({ text, ...extra }),
  slow: (delayMs: number, text = 'Too late.'): FakeBehaviour => ({ delayMs, text }),
  rateLimited: (retryAfter = 1): FakeBehaviour => ({ status: 429, retryAfter }),
  serverError: (status = 500): FakeBehaviour => ({ status }),
  malformed: (): FakeBehaviour => ({ malformed: true }),
  empty: (): FakeBehaviour => ({ text: '' }),
  json: (value: unknown): FakeBehaviour => ({ json: value }),
  /**
   * A model that obeys whatever attack it finds in the user message: it returns that attack's harmful
   * answer (matched on letters and digits only, so spacing and zero-width characters do not matter),
   * and `otherwise` when the message holds none of them.
   */
  obey:
    (attacks: readonly { text: string; answer: string }[], otherwise = ''): Script =>
    (request) => {
      const user = letters(request.body?.messages.filter((m) => m.role === 'user').at(-1)?.content ?? '');
      const hit = attacks.find((a) => user.includes(letters(a.text).slice(0, 60)));
      return { text: hit?.answer ?? otherwise };
    },
  /** A model that obeyed "print your instructions": it returns its whole system message. */
  leakSystemPrompt: (): Script => (request) => ({
    text: request.body?.messages.find((m) => m.role === 'system')?.content ?? '',
  }),
};

function letters(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** A running fake. */
export interface OpenAiFake {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Requests to `/v1/chat/completions` only. */
  chats(): RecordedRequest[];
  enqueue(...scripts: Script[]): void;
  /** Used when the queue is empty; without one the fake answers 500. */
  setDefault(script: Script | undefined): void;
  reset(): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tokens = (chars: number) => Math.max(1, Math.ceil(chars / 4));

function* pieces(text: string, chunkChars?: number): Generator<string> {
  if (chunkChars) {
    for (let i = 0; i < text.length; i += chunkChars) yield text.slice(i, i + chunkChars);
    return;
  }
  yield* text.match(/\S+\s*/g) ?? [text];
}

/** Resolves when the socket can take more, or is gone. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.once('drain', done).once('close', done);
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Starts the fake on 127.0.0.1 with a free port. */
export async function startOpenAiFake(options: { default?: Script } = {}): Promise<OpenAiFake> {
  const queue: Script[] = [];
  let fallback = options.default;
  const requests: RecordedRequest[] = [];
  let seq = 0;

  async function chat(res: ServerResponse, record: RecordedRequest): Promise<void> {
    const script = queue.shift() ?? fallback;
    const b: FakeBehaviour = typeof script === 'function' ? script(record) : (script ?? { status: 500 });
    if (b.delayMs) await sleep(b.delayMs);
    if (res.destroyed) return;
    if (b.status) {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (b.retryAfter !== undefined) headers['retry-after'] = String(b.retryAfter);
      res.writeHead(b.status, headers).end(JSON.stringify({ error: { message: `fake ${b.status}`, type: 'fake' } }));
      return;
    }
    const body = record.body;
    const content = b.json !== undefined ? JSON.stringify(b.json) : (b.text ?? '');
    const promptChars = (body?.messages ?? []).reduce((n, m) => n + String(m.content).length, 0);
    const usage =
      b.usage === false
        ? undefined
        : (b.usage ?? { prompt: tokens(promptChars), completion: content ? tokens(content.length) : 0 });
    const usageJson = usage && {
      prompt_tokens: usage.prompt,
      completion_tokens: usage.completion,
      total_tokens: usage.prompt + usage.completion,
    };
    const base = { id: `chatcmpl-fake${++seq}`, created: Math.floor(Date.now() / 1000), model: body?.model ?? 'fake' };
    if (!record.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      if (b.malformed) {
        res.end('{"id": "broken", "choices": [');
        return;
      }
      const message = { role: 'assistant', content, refusal: null };
      const choice = { index: 0, message, finish_reason: b.finishReason ?? 'stop', logprobs: null };
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [choice], usage: usageJson }));
      return;
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (data: unknown) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
      ...base,
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta, finish_reason: finish, logprobs: null }],
    });
    send(chunk({ role: 'assistant', content: '' }, null));
    for (const piece of pieces(content, b.chunkChars)) {
      if (b.chunkDelayMs) await sleep(b.chunkDelayMs);
      if (res.destroyed) return;
      // Waits for the socket to drain, as a real server does, so a client that stops reading stops the stream.
      if (!send(chunk({ content: piece }, null))) await drained(res);
    }
    if (b.malformed) send('{"choices": [ {"delta": ');
    send(chunk({}, b.finishReason ?? 'stop'));
    if (body?.stream_options?.include_usage && usageJson) {
      send({ ...base, object: 'chat.completion.chunk', choices: [], usage: usageJson });
    }
    send('[DONE]');
    res.end();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const raw = await readBody(req);
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    let body: ChatBody | undefined;
    try {
      body = raw ? (JSON.parse(raw) as ChatBody) : undefined;
    } catch {
      body = undefined;
    }
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path,
      headers: { ...req.headers },
      body,
      raw,
      stream: body?.stream === true,
    };
    requests.push(record);
    // `finish`: the last byte was handed to the socket; `close` covers responses the client abandoned.
    const stamp = () => {
      record.handlingMs ??= performance.now() - started;
    };
    res.on('finish', stamp);
    res.on('close', () => {
      record.abandoned = !res.writableFinished;
      stamp();
    });
    if (req.method === 'GET' && path === '/v1/models') {
      const data = [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'fake' }];
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data }));
      return;
    }
    if (req.method === 'POST' && path === '/v1/chat/completions') return chat(res, record);
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chats: () => requests.filter((r) => r.path === '/v1/chat/completions'),
    enqueue: (...scripts) => {
      queue.push(...scripts);
    },
    setDefault: (script) => {
      fallback = script;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
