import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Runs the preflight as the npm scripts do, optionally checking a given version instead of this Node. */
function preflight(version?: string) {
  const run = spawnSync(process.execPath, ['scripts/check-node.mjs', ...(version ? [version] : [])], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return { code: run.status, stderr: run.stderr };
}

describe('Node version preflight (scripts/check-node.mjs)', () => {
  it('issue 10: on Node 20 it says in one line that careerbot needs 22.18 and which Node this is, exit 1', () => {
    const { code, stderr } = preflight('20.19.0');
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('careerbot needs Node.js 22.18 or newer; this is 20.19.0');
  });

  it('issue 10: rejects a Node just below the minimum (22.17.x) and accepts 22.18 and later', () => {
    expect(preflight('v22.17.1').code).toBe(1);
    for (const version of ['22.18.0', 'v22.19.3', '23.0.0', '24.1.0', '30.0.0']) {
      expect(preflight(version), version).toEqual({ code: 0, stderr: '' });
    }
  });

  it('passes silently on the Node running the tests', () => {
    expect(preflight()).toEqual({ code: 0, stderr: '' });
  });

  it('issue 10: every npm script that loads a .ts file runs the preflight first', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['start', 'cli', 'test', 'test:unit', 'eval', 'bench']) {
      expect(scripts[name], name).toMatch(/^node scripts\/check-node\.mjs && /);
    }
  });

  it('issue 10: npm install stops on an unsupported Node (engine-strict in .npmrc)', () => {
    const run = spawnSync('npm', ['config', 'get', 'engine-strict'], { encoding: 'utf8', timeout: 20_000 });
    expect(run.stdout.trim()).toBe('true');
  });
});
