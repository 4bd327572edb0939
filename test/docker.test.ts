/**
 * issue 10 (item 17): `.dockerignore` keeps node_modules, data and secrets out of the build context, and keeps in
 * everything the Dockerfile copies. Patterns are matched the way Docker's builder does (moby/patternmatcher): paths
 * relative to the context root, `*` within one segment, `**` across segments, a pattern also excluding everything
 * below a matching directory, `!` re-including, and the last matching line winning.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startHealthServer } from '../src/health.ts';
import { freePort } from './helpers/process.ts';

interface Rule {
  exclude: boolean;
  regex: RegExp;
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '*' && pattern[i + 1] === '*') {
      i++;
      // `**/` may stand for no directory at all, so `**/node_modules` matches `node_modules` at the root.
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else source += '.*';
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function readRules(file: string): Rule[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const exclude = !line.startsWith('!');
      const pattern = (exclude ? line : line.slice(1)).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { exclude, regex: toRegex(pattern) };
    });
}

/** Whether Docker leaves `path` (relative, `/`-separated) out of the context. */
function ignored(rules: readonly Rule[], path: string): boolean {
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let out = false;
  for (const rule of rules) if (candidates.some((p) => rule.regex.test(p))) out = rule.exclude;
  return out;
}

/** The files Docker would send from `root`, without descending into ignored directories. */
function context(rules: readonly Rule[], root: string, dir = ''): string[] {
  const files: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const path = dir ? `${dir}/${name}` : name;
    if (ignored(rules, path)) continue;
    const stat = lstatSync(join(root, path));
    if (stat.isDirectory() && !stat.isSymbolicLink()) files.push(...context(rules, root, path));
    else files.push(path);
  }
  return files;
}

const rules = readRules('.dockerignore');

describe('issue 10: .dockerignore', () => {
  it('leaves out dependencies, data, secrets, git history and test output', () => {
    for (const path of [
      'node_modules/pino/package.json',
      'adapters/slack/node_modules/x/index.js',
      'data/careerbot.sqlite',
      'careerbot.sqlite-wal',
      '.env',
      '.env.local',
      '.env.production',
      'deploy/.env',
      '.git/HEAD',
      'coverage/index.html',
      'test/main.test.ts',
      'npm-debug.log',
    ]) {
      expect(ignored(rules, path), path).toBe(true);
    }
  });

  it('keeps .env.example and everything the Dockerfile copies', () => {
    expect(ignored(rules, '.env.example')).toBe(false);
    const dockerfile = readFileSync('Dockerfile', 'utf8');
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => (m[1] ?? '').split(/\s+/));
    expect(sources).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', 'src', 'knowledge']));
    const sent = new Set(context(rules, '.'));
    for (const source of sources) {
      const stat = lstatSync(source);
      const files = stat.isDirectory() ? context([], '.', source) : [source];
      expect(files.length, source).toBeGreaterThan(0);
      for (const file of files) expect(sent.has(file), file).toBe(true);
    }
  });

  it('sends no node_modules, data or .env from this checkout', () => {
    const sent = context(rules, '.');
    expect(sent.filter((p) => /(^|\/)(node_modules|data|\.git)(\/|$)|(^|\/)\.env(?!\.example$)/.test(p))).toEqual([]);
  });
});

describe('issue 10: Dockerfile health check and volume', () => {
  const dockerfile = readFileSync('Dockerfile', 'utf8').replace(/\\\n\s*/g, '');
  const healthcheck = JSON.parse(/^HEALTHCHECK .*? CMD (\[.*\])$/m.exec(dockerfile)?.[1] ?? '[]') as string[];

  /** Runs the image's HEALTHCHECK command here, with the container's environment; resolves with its exit code. */
  async function check(env: Record<string, string>): Promise<number | null> {
    const [command, ...args] = healthcheck;
    expect(command).toBe('node');
    // Not spawnSync: the health server under test runs in this process and must keep answering.
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'ignore' });
    const [code] = (await once(child, 'exit')) as [number | null];
    return code;
  }

  it('passes on 200, fails on 503, and fails when nothing listens unless no platform is configured', async () => {
    let up = true;
    const server = await startHealthServer({
      host: '127.0.0.1',
      port: 0,
      sources: [{ name: 'discord', ready: () => up }],
    });
    try {
      expect(await check({ PORT: String(server.port), DISCORD_TOKEN: 'x' })).toBe(0);
      up = false;
      expect(await check({ PORT: String(server.port), DISCORD_TOKEN: 'x' })).toBe(1);
    } finally {
      await server.stop();
    }
    const closed = String(await freePort());
    expect(await check({ PORT: closed, DISCORD_TOKEN: 'x' })).toBe(1);
    expect(await check({ PORT: closed, SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).toBe(1);
    expect(await check({ PORT: closed })).toBe(0);
  });

  it('runs as node with /data (and ./data under /app) owned by node, and the README shows how to run it', () => {
    expect(dockerfile).toMatch(/chown node:node \/data/);
    expect(dockerfile).toMatch(/ln -s \/data \/app\/data/);
    expect(dockerfile).toMatch(/^USER node$/m);
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain('docker build -t careerbot .');
    expect(readme).toMatch(/docker run -it --rm careerbot/);
    expect(readme).toMatch(/docker run .*--env-file \.env -v careerbot-data:\/data/);
  });
});
