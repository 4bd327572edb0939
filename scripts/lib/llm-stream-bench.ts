/**
 * Event-loop figure for `npm run bench`: a model that streams 20 MB. The fake runs in its own process
 * (its JSON encoding must not count against careerbot's loop); careerbot streams from it through
 * `followUp` while `monitorEventLoopDelay` samples the loop and a local health endpoint is polled every
 * 100 ms. Run alone with `node scripts/lib/llm-stream-bench.ts`.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import { createLlm } from '../../src/llm/llm.ts';
import { createLogger } from '../../src/logger.ts';
import { createStore } from '../../src/store/store.ts';
import { fakeReply, startOpenAiFake } from '../../test/harness/openai-fake.ts';

const STREAM_BYTES = 20 * 1024 * 1024;
const SENTENCE = 'Startups mostly hire contractors [employment/contractors]. ';

/** The figures: the loop's worst and p99 delay, the slowest health answer, and how the follow-up ended. */
export interface StreamBenchResult {
  maxDelayMs: number;
  p99DelayMs: number;
  slowestHealthMs: number;
  healthAnswers: number;
  totalMs: number;
  outcome: string;
}

async function fakeProcess(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--fake'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve) =>
    child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())),
  );
  return { url, stop: () => child.kill() };
}

/** Streams 20 MB through followUp and measures the event loop meanwhile. */
export async function llmStreamBench(): Promise<StreamBenchResult> {
  const fake = await fakeProcess();
  const logger = createLogger('silent');
  const store = await createStore({ dataDir: ':memory:', logger });
  const health = createServer((_req, res) => res.end('ok'));
  await new Promise<void>((resolve) => health.listen(0, '127.0.0.1', resolve));
  const healthUrl = `http://127.0.0.1:${(health.address() as AddressInfo).port}/health`;
  const llm = createLlm({
    config: { apiKey: 'sk-bench-stream-0a1b2c3d4e5f', baseUrl: fake.url, model: 'bench' },
    logger,
    store,
    kb: loadKnowledge('knowledge'),
    clock: () => new Date(),
    // Long enough that the deadline does not hide how long checking the stream takes.
    timeoutMs: 120_000,
    maxRetries: 0,
  });
  if (!llm) throw new Error('expected an LLM');
  const loop = monitorEventLoopDelay({ resolution: 10 });
  const latencies: number[] = [];
  let streaming = true;
  const poll = (async () => {
    while (streaming) {
      const started = performance.now();
      await fetch(healthUrl).then((r) => r.text());
      latencies.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  loop.enable();
  const started = performance.now();
  try {
    const result = await llm.followUp(
      { question: 'tell me everything', entries: ['employment'], turns: [], userKey: 'u', conversationKey: 'c' },
      { onDelta: () => {} },
    );
    const totalMs = performance.now() - started;
    loop.disable();
    streaming = false;
    await poll;
    return {
      maxDelayMs: loop.max / 1e6,
      p99DelayMs: loop.percentile(99) / 1e6,
      slowestHealthMs: Math.max(...latencies),
      healthAnswers: latencies.length,
      totalMs,
      outcome: result.ok ? `answered (${result.reply.body.length} chars shown)` : `${result.reason}: ${result.detail}`,
    };
  } finally {
    streaming = false;
    fake.stop();
    health.closeAllConnections();
    health.close();
    await store.close();
  }
}

if (import.meta.main && process.argv.includes('--fake')) {
  const text = SENTENCE.repeat(Math.ceil(STREAM_BYTES / SENTENCE.length));
  const fake = await startOpenAiFake({ default: fakeReply.text(text, { chunkChars: 64 * 1024 }) });
  process.stdout.write(`${fake.url}\n`);
} else if (import.meta.main) {
  const r = await llmStreamBench();
  process.stdout.write(
    `LLM 20 MB stream: event-loop delay max ${r.maxDelayMs.toFixed(0)} ms · p99 ${r.p99DelayMs.toFixed(0)} ms · slowest of ${r.healthAnswers} health answers ${r.slowestHealthMs.toFixed(0)} ms · ${r.totalMs.toFixed(0)} ms in all · ${r.outcome}\n`,
  );
}
