import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  closeSync,
  copyFileSync,
  mkdirSync,
  openSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createStore } from '../../src/store/store.ts';
import { captureLogger, tempDir } from '../helpers/context.ts';

const { dir, cleanup } = tempDir();
afterAll(() => {
  chmodSync(join(dir, 'read-only'), 0o755);
  cleanup();
});

/** The error `createStore` throws for `dataDir`, or undefined when the store opens. */
async function openError(dataDir: string): Promise<Error | undefined> {
  const { logger } = captureLogger();
  try {
    const store = await createStore({ dataDir, logger });
    await store.close();
    return undefined;
  } catch (err) {
    return err as Error;
  }
}

/** A DATA_DIR whose careerbot.sqlite is first written by a real store, then damaged by `damage`. */
async function damagedStore(name: string, damage: (file: string) => void): Promise<{ dataDir: string; file: string }> {
  const dataDir = join(dir, name);
  const { logger } = captureLogger();
  const store = await createStore({ dataDir, logger });
  for (let i = 0; i < 400; i++) await store.set(`conversation:k${i}`, { text: 'x'.repeat(400) });
  await store.close();
  const file = join(dataDir, 'careerbot.sqlite');
  damage(file);
  return { dataDir, file };
}

function expectOneLineNaming(err: Error | undefined, dataDir: string, path: string) {
  expect(err).toBeDefined();
  expect(err?.name).toBe('StoreOpenError');
  expect(err?.message).not.toContain('\n');
  expect(err?.message).toContain(`DATA_DIR=${dataDir}`);
  expect(err?.message).toContain(path);
}

describe('a store that cannot be opened', () => {
  it('issue 10: DATA_DIR pointing at a file says so, naming the path', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    const err = await openError(file);
    expectOneLineNaming(err, file, file);
    expect(err?.message).toMatch(/is a file, not a folder/);
  });

  it('issue 10: a folder in place of careerbot.sqlite says so', async () => {
    const dataDir = join(dir, 'folder-in-place');
    mkdirSync(join(dataDir, 'careerbot.sqlite'), { recursive: true });
    const err = await openError(dataDir);
    expectOneLineNaming(err, dataDir, join(dataDir, 'careerbot.sqlite'));
    expect(err?.message).toMatch(/is a folder, not a database file/);
  });

  it('issue 10: a careerbot.sqlite full of garbage is reported as damaged', async () => {
    const dataDir = join(dir, 'garbage');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'careerbot.sqlite'), 'definitely not SQLite '.repeat(200));
    const err = await openError(dataDir);
    expectOneLineNaming(err, dataDir, join(dataDir, 'careerbot.sqlite'));
    expect(err?.message).toMatch(/not a SQLite database or is damaged/);
  });

  it('issue 10: a truncated careerbot.sqlite is reported as damaged', async () => {
    const { dataDir, file } = await damagedStore('truncated', (file) => truncateSync(file, 20_000));
    const err = await openError(dataDir);
    expectOneLineNaming(err, dataDir, file);
    expect(err?.message).toMatch(/not a SQLite database or is damaged/);
  });

  it('issue 10: a careerbot.sqlite with a broken header is reported as damaged', async () => {
    const { dataDir, file } = await damagedStore('bad-header', (file) => {
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.from('NOT-SQLITE-HEADR'), 0, 16, 0);
      closeSync(fd);
    });
    const err = await openError(dataDir);
    expectOneLineNaming(err, dataDir, file);
  });

  it('issue 10: a folder the process cannot write to is reported as not writable', async () => {
    // Root writes through file modes, so as root the check uses a kernel folder nobody may create files in.
    const isRoot = process.getuid?.() === 0;
    const dataDir = isRoot ? '/sys/kernel' : join(dir, 'read-only');
    mkdirSync(join(dir, 'read-only'));
    chmodSync(join(dir, 'read-only'), 0o555);
    const err = await openError(dataDir);
    expectOneLineNaming(err, dataDir, dataDir);
    expect(err?.message).toMatch(/not writable/);
  });

  it('still opens a healthy store, and creates missing parent folders', async () => {
    const { dataDir } = await damagedStore('healthy', () => undefined);
    expect(await openError(dataDir)).toBeUndefined();
    expect(await openError(join(dir, 'new', 'nested', 'data'))).toBeUndefined();
  });
});

describe('npm start with a store that cannot be opened', () => {
  function start(dataDir: string) {
    const run = spawnSync(process.execPath, ['src/main.ts'], {
      env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir },
      encoding: 'utf8',
      input: '',
      // A DATA_DIR under /proc used to spin in a recursive mkdir forever; the timeout turns that into a failure.
      timeout: 15_000,
    });
    return { code: run.status, stderr: run.stderr };
  }

  it('issue 10: DATA_DIR pointing at a file: one line naming DATA_DIR and the path, exit 2', () => {
    const file = join(dir, 'start-file');
    writeFileSync(file, '');
    const { code, stderr } = start(file);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^careerbot: /);
    expect(stderr).toContain(`DATA_DIR=${file}`);
  });

  it('issue 10: DATA_DIR under /proc fails at once instead of spinning, exit 2', () => {
    const { code, stderr } = start('/proc/careerbot/data');
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('DATA_DIR=/proc/careerbot/data');
  });

  it('issue 10: a damaged careerbot.sqlite: one line, exit 2', () => {
    const dataDir = join(dir, 'start-garbage');
    mkdirSync(dataDir);
    copyFileSync('package.json', join(dataDir, 'careerbot.sqlite'));
    const { code, stderr } = start(dataDir);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(join(dataDir, 'careerbot.sqlite'));
  });
});
