import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/context.ts';

const repo = resolve('.');
const knowledge = join(repo, 'knowledge');
let cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups) cleanup();
  cleanups = [];
});

/** A working folder with `.env` holding `contents`; the run happens there, as `npm start` in a checkout would. */
function folderWithEnvFile(contents: string): string {
  const { dir, cleanup } = tempDir();
  cleanups.push(cleanup);
  writeFileSync(join(dir, '.env'), contents);
  return dir;
}

/**
 * Runs an npm script's node command (its last `&&` step, from package.json) in `cwd` without npm, which
 * would need a package.json there: the .ts entry is made absolute, every other argument is kept as written.
 */
function run(script: 'start' | 'cli', args: string[], cwd: string, env: Record<string, string> = {}) {
  const { scripts } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  const [node, ...nodeArgs] = (scripts[script]?.split('&&').at(-1) ?? '').trim().split(/\s+/);
  expect(node).toBe('node');
  const resolved = nodeArgs.map((a) => (a.endsWith('.ts') ? join(repo, a) : a));
  const result = spawnSync(process.execPath, [...resolved, ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DATA_DIR: ':memory:', ...env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('.env in the working folder, for npm start and npm run cli', () => {
  it('issue 10: the CLI takes its settings from .env (KNOWLEDGE_DIR set only there)', () => {
    const cwd = folderWithEnvFile(`# copied from .env.example\nKNOWLEDGE_DIR="${knowledge}"\nLOG_LEVEL=\n`);
    const { code, stdout, stderr } = run('cli', ['kb', 'check'], cwd);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain(': OK');
  });

  it('issue 10: a variable set in the real environment wins over the same one in .env', () => {
    const cwd = folderWithEnvFile('KNOWLEDGE_DIR=./no-such-knowledge\n');
    const { code, stdout } = run('cli', ['kb', 'check'], cwd, { KNOWLEDGE_DIR: knowledge });
    expect(code).toBe(0);
    expect(stdout).toContain(': OK');
  });

  it('issue 10: npm start reads .env too (a bad token there is reported by name, exit 2)', () => {
    const cwd = folderWithEnvFile(`KNOWLEDGE_DIR=${knowledge}\nSLACK_BOT_TOKEN=not-a-slack-token\n`);
    const { code, stderr } = run('start', [], cwd);
    expect(code).toBe(2);
    expect(stderr).toContain('SLACK_BOT_TOKEN: must start with "xoxb-"');
    expect(stderr).not.toContain('not-a-slack-token');
  });

  it('without a .env file, the environment alone is used', () => {
    const { dir, cleanup } = tempDir();
    cleanups.push(cleanup);
    const { code, stdout } = run('cli', ['kb', 'check'], dir, { KNOWLEDGE_DIR: knowledge });
    expect(code).toBe(0);
    expect(stdout).toContain(': OK');
  });
});

describe('.env outside the npm scripts', () => {
  it('node src/cli.ts without --dotenv ignores .env, so tests and deployments get exactly their environment', () => {
    const cwd = folderWithEnvFile(`KNOWLEDGE_DIR=${knowledge}\n`);
    const result = spawnSync(process.execPath, [join(repo, 'src/cli.ts'), 'kb', 'check'], {
      cwd,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', DATA_DIR: ':memory:' },
      timeout: 30_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/knowledge/);
  });
});
