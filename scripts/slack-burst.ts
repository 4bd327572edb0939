/**
 * `npm run bench:slack-burst` (issue 10): the resident memory of the real bot in Slack HTTP mode before and
 * after 100 concurrent 3.9 MB bodies, first unsigned, then with well-formed but forged signature headers
 * sent chunked (no content-length, so only the streaming cap can stop them). Linux only (reads /proc).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { FakeSlack } from '../test/harness/slack-fake.ts';
import { freePort } from '../test/helpers/process.ts';

const CONCURRENCY = 100;
const BODY = Buffer.alloc(3_900_000, 'a');
const out = (s: string) => process.stdout.write(`${s}\n`);

/** VmRSS and VmHWM (peak) of a process, in MB. */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

/** One POST of the whole body; resolves with the status, or the socket error's code when the server hung up. */
function send(port: number, headers: Record<string, string | number>): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/slack/events', headers });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => resolve(String(res.statusCode)));
    });
    req.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
    req.end(BODY);
  });
}

async function burst(port: number, headers: () => Record<string, string | number>): Promise<string> {
  const results = await Promise.all(Array.from({ length: CONCURRENCY }, () => send(port, headers())));
  const counts = new Map<string, number>();
  for (const r of results) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts].map(([k, n]) => `${n}× ${k}`).join(', ');
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the bot did not come up');
}

const settle = () => new Promise((r) => setTimeout(r, 2_000));
const fake = await FakeSlack.start();
const port = await freePort();
const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
const parts = start.split(/\s+/);
// Node's own flags come before the script; what follows it (`--dotenv=.env`) is the bot's, which node refuses.
const flags = parts.slice(0, parts.lastIndexOf('src/main.ts')).filter((part) => part.startsWith('--'));
const child = spawn(process.execPath, [...flags, 'src/main.ts'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: {
    PATH: process.env.PATH ?? '',
    SLACK_BOT_TOKEN: 'xoxb-burst',
    SLACK_SIGNING_SECRET: fake.signingSecret,
    SLACK_API_URL: fake.apiUrl,
    PORT: String(port),
    DATA_DIR: ':memory:',
    LOG_LEVEL: 'fatal',
  },
});
try {
  await waitForHealth(port);
  await settle();
  const pid = child.pid ?? 0;
  const fmt = ({ rss, peak }: { rss: number; peak: number }) => `RSS ${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)`;
  out(`idle: ${fmt(memory(pid))}`);
  const unsigned = await burst(port, () => ({ 'content-type': 'application/json', 'content-length': BODY.length }));
  await settle();
  out(`after ${CONCURRENCY} concurrent unsigned 3.9 MB bodies [${unsigned}]: ${fmt(memory(pid))}`);
  const forged = await burst(port, () => ({
    'content-type': 'application/json',
    'transfer-encoding': 'chunked',
    'x-slack-request-timestamp': Math.floor(Date.now() / 1000),
    'x-slack-signature': `v0=${'0'.repeat(64)}`,
  }));
  await settle();
  out(`after ${CONCURRENCY} concurrent forged-signature chunked 3.9 MB bodies [${forged}]: ${fmt(memory(pid))}`);
  const alive = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status);
  out(`GET /healthz afterwards: ${alive}`);
} finally {
  child.kill('SIGTERM');
  await fake.stop();
}
