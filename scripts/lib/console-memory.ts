/** The console process's memory, measured the way `npm start` runs it (shared by `npm run bench` and `scripts/bench-console.ts`). */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Peak and current RSS of the real `npm start` process (console chat, same flags) after it answered every message. */
export async function consoleProcessMemory(texts: readonly string[]): Promise<{ peakMb: number; rssMb: number }> {
  // The same Node flags as `npm start`, so the figure is the real process's.
  const start = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: { start: string } }).scripts.start;
  // Node's own flags sit between `node` and the script; what follows the script is the app's (`--dotenv`).
  const command = start.split('&&').at(-1)?.trim().split(/\s+/) ?? [];
  const flags = command.slice(1, command.indexOf('src/main.ts')).filter((part) => part.startsWith('--'));
  const child = spawn(process.execPath, [...flags, 'src/main.ts'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, DATA_DIR: ':memory:', LOG_LEVEL: 'warn' },
  });
  let transcript = '';
  const done = new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      transcript += chunk.toString();
      // One prompt after the greeting and one after every answer.
      if (transcript.split('\n> ').length - 1 > texts.length) resolve();
    });
  });
  for (const text of texts) child.stdin.write(`${text.replace(/\n/g, ' ')}\n`);
  await done;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  child.stdin.end('/quit\n');
  await new Promise((resolve) => child.once('exit', resolve));
  return { peakMb: kb('VmHWM'), rssMb: kb('VmRSS') };
}
