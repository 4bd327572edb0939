/**
 * Opens the embedded store's file under `DATA_DIR`, checking the folder first so that every way it can
 * fail (DATA_DIR is a file, a folder that cannot be created or written, a folder or a damaged file where
 * careerbot.sqlite should be) ends in one `StoreOpenError` line naming the path and DATA_DIR, not a stack.
 */
import { closeSync, openSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BotError, EXIT_SETUP } from '../errors.ts';
import { ensureFolder } from './folder.ts';
import { KeyvNodeSqlite } from './sqlite-adapter.ts';

/** The store could not be opened at start-up; the message is one line naming the path and DATA_DIR. */
export class StoreOpenError extends BotError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super('STORE_OPEN', message, { ...options, exitCode: EXIT_SETUP });
  }
}

const errno = (err: unknown) => (err as NodeJS.ErrnoException).code ?? (err as Error).message;

/** Creates `dataDir` if needed and checks that files can be created in it (SQLite adds -wal and -shm files). */
function checkFolder(dataDir: string, fail: (reason: string, hint?: string) => StoreOpenError): string {
  const folder = resolve(dataDir);
  try {
    ensureFolder(folder);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOTDIR') throw fail(`${e.path ?? folder} is a file, not a folder`);
    throw fail(`cannot create the folder ${e.path ?? folder} (${errno(err)})`);
  }
  // Root ignores file modes, and read-only mounts or kernel folders refuse anyway: only trying tells.
  const probe = join(folder, `.careerbot-write-check-${process.pid}`);
  try {
    closeSync(openSync(probe, 'w'));
    unlinkSync(probe);
  } catch (err) {
    throw fail(`the folder ${folder} is not writable (${errno(err)})`);
  }
  return folder;
}

/** Opens `<dataDir>/careerbot.sqlite`, creating folders as needed; throws `StoreOpenError` on any failure. */
export function openSqliteStore(dataDir: string): KeyvNodeSqlite {
  if (dataDir === ':memory:') return new KeyvNodeSqlite({ path: ':memory:' });
  const fail = (reason: string, hint = 'set DATA_DIR to a folder careerbot may write to') =>
    new StoreOpenError(`cannot open the store (DATA_DIR=${dataDir}): ${reason}; ${hint}`);
  const file = join(checkFolder(dataDir, fail), 'careerbot.sqlite');
  try {
    if (statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
      throw fail(`${file} is a folder, not a database file`, 'move it away or change DATA_DIR');
    }
    return new KeyvNodeSqlite({ path: file, verify: true });
  } catch (err) {
    if (err instanceof StoreOpenError) throw err;
    const reason = (err as { errstr?: string }).errstr ?? (err as Error).message;
    const damaged = /not a database|malformed|corrupt|integrity/i.test(reason);
    if (damaged) {
      throw fail(
        `${file} is not a SQLite database or is damaged (${reason})`,
        'move it away to start with an empty store, or restore a backup',
      );
    }
    throw fail(`cannot open ${file} (${reason})`);
  }
}
