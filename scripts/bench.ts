/**
 * `npm run bench`: classification latency (p50/p95/p99 per message on one core) over the development
 * set, router training time, the resident memory of the real console process with everything loaded, and
 * Slack's time to ack under 200 concurrent slash commands (careerbot vs a bare Bolt app), and Discord's
 * dispatch-to-callback time under 200 concurrent interactions (careerbot vs a bare discord.js client),
 * the jobs digest pipeline over 20,000 postings (time and peak RSS, in its own process), and the time the
 * LLM layer adds over the model's own response time (local OpenAI-compatible fake), with tokens per answer.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadKnowledge } from '../src/knowledge/loader.ts';
import { trainLogisticRegression } from '../src/router/classifier.ts';
import { createRouter, trainingExamples } from '../src/router/router.ts';
import { compileLexicon } from '../src/router/text.ts';
import { consoleProcessMemory } from './lib/console-memory.ts';
import { discordInteractionBench } from './lib/discord-bench.ts';
import { jobsDigestBench } from './lib/jobs-bench.ts';
import { llmBench } from './lib/llm-bench.ts';
import { llmBotBench } from './lib/llm-bot-bench.ts';
import { llmStreamBench } from './lib/llm-stream-bench.ts';
import { slackAckBench } from './lib/slack-bench.ts';

const out = (s: string) => process.stdout.write(`${s}\n`);
const texts = readFileSync('test/fixtures/router-dev.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);

const kbStart = performance.now();
const kb = loadKnowledge('knowledge');
const kbMs = performance.now() - kbStart;
const loadStart = performance.now();
const router = createRouter(kb);
const loadMs = performance.now() - loadStart;

// Warm up the JIT, then time every call separately.
for (let i = 0; i < 3; i++) for (const text of texts) router.route({ text, kind: 'mention' });
const rounds = 20;
const samples: number[] = [];
for (let r = 0; r < rounds; r++) {
  for (const text of texts) {
    const t0 = process.hrtime.bigint();
    router.route({ text, kind: 'mention' });
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
}
samples.sort((a, b) => a - b);
// Timed after the classification samples, so its garbage does not land in them as collection pauses.
const trainStart = performance.now();
trainLogisticRegression(trainingExamples(kb), { lexicon: compileLexicon(kb.lexicon.terms) });
const trainMs = performance.now() - trainStart;
const q = (p: number) => samples[Math.min(samples.length - 1, Math.floor(p * samples.length))] ?? 0;
out(
  `router start-up: knowledge/ loaded in ${kbMs.toFixed(0)} ms; saved model (${router.modelSource}) ready in ${loadMs.toFixed(0)} ms; training afresh would take ${trainMs.toFixed(0)} ms on ${kb.examples.length} examples`,
);
out(
  `classification (${samples.length} calls over ${texts.length} messages): p50 ${q(0.5).toFixed(3)} ms · p95 ${q(0.95).toFixed(3)} ms · p99 ${q(0.99).toFixed(3)} ms · max ${(samples.at(-1) ?? 0).toFixed(3)} ms`,
);

/** Wall time of `node src/cli.ts ask` (process start to exit), median of five runs. */
async function askWallTime(): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, ['src/cli.ts', 'ask', 'how much do AI trainers make on Outlier?'], {
      stdio: 'ignore',
      env: { ...process.env, DATA_DIR: ':memory:' },
    });
    await new Promise((resolve) => child.once('exit', resolve));
    runs.push(performance.now() - t0);
  }
  return runs.sort((a, b) => a - b)[2] ?? 0;
}
out(`cli ask, whole process: median ${(await askWallTime()).toFixed(0)} ms over 5 runs`);

const mem = await consoleProcessMemory(texts);
out(
  `console process after ${texts.length} answers: RSS ${mem.rssMb.toFixed(1)} MB · peak RSS ${mem.peakMb.toFixed(1)} MB`,
);

for (const line of (await jobsDigestBench()).lines) out(line);

const ms = (n: number) => `${n.toFixed(2)} ms`;
for (const stream of [false, true]) {
  const r = await llmBench({ stream });
  out(
    `LLM layer (followUp, ${stream ? 'streamed' : 'not streamed'}, ${r.answers} follow-ups, model ${ms(r.medianModelMs)}): added median ${ms(r.medianExtraMs)} · p95 ${ms(r.p95ExtraMs)} · tokens per answer ${r.tokensPerAnswer.prompt} prompt + ${r.tokensPerAnswer.completion} completion = ${r.tokensPerAnswer.total}`,
  );
}
const stream = await llmStreamBench();
out(
  `LLM 20 MB stream: event-loop delay max ${ms(stream.maxDelayMs)} · p99 ${ms(stream.p99DelayMs)} · slowest health answer ${ms(stream.slowestHealthMs)} · ${stream.outcome}`,
);
const viaBot = await llmBotBench();
out(
  `LLM follow-ups through Bot.handle (${viaBot.followUps}, ${viaBot.viaModel} written by the model): added median ${ms(viaBot.medianExtraMs)} · p95 ${ms(viaBot.p95ExtraMs)} over the model's ${ms(viaBot.medianModelMs)}`,
);

const slack = await slackAckBench();
for (const line of slack.lines) out(line);
const discord = await discordInteractionBench();
for (const line of discord.lines) out(line);
