/**
 * Only the console-memory part of `npm run bench`: the resident memory of the real `npm start` process after
 * it answered every development-set message, `RUNS` times (default 3), so two trees can be compared run by
 * run. Run: `node scripts/bench-console.ts`.
 */
import { readFileSync } from 'node:fs';
import { consoleProcessMemory } from './lib/console-memory.ts';

const texts = readFileSync('test/fixtures/router-dev.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { text: string }).text);
const runs = Number(process.env.RUNS ?? 3);
for (let i = 0; i < runs; i++) {
  const mem = await consoleProcessMemory(texts);
  process.stdout.write(
    `console process after ${texts.length} answers: RSS ${mem.rssMb.toFixed(1)} MB · peak RSS ${mem.peakMb.toFixed(1)} MB\n`,
  );
}
