/** Folder creation for the embedded store. */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/**
 * Creates `dir` and its missing parents one level at a time. Node's `mkdirSync(dir, { recursive: true })`
 * never returns for a path under /proc (each mkdir there fails with ENOENT, which the recursive walk
 * takes as "create the parent first"), so the walk is done here and the first real error is thrown,
 * with `path` set to the component that failed (ENOTDIR when a component is a file).
 */
export function ensureFolder(dir: string): void {
  const missing: string[] = [];
  let current = resolve(dir);
  for (;;) {
    const stat = statSync(current, { throwIfNoEntry: false });
    if (stat) {
      if (stat.isDirectory()) break;
      throw Object.assign(new Error(`ENOTDIR: not a directory, ${current}`), { code: 'ENOTDIR', path: current });
    }
    missing.unshift(current);
    const parent = dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (err) {
      // Another process may have created it in between; anything else is a real failure.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}
