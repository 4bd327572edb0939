/**
 * `.env` support: `.env.example` tells users to copy it to `.env`, and the npm scripts (`npm start`,
 * `npm run cli`) pass `--dotenv=.env`. The file is read under the real environment (a variable set in
 * the environment wins, as with `node --env-file`), and only when asked for, so tests and deployments
 * that run `node src/main.ts` get exactly the environment they set. Node's own `--env-file-if-exists`
 * is not used because it prints a notice on every start without the file.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../config.ts';

/**
 * The path given as `--dotenv=<path>` (or `--dotenv <path>`) in `argv`, if any. Not `--env-file`: Node
 * takes that one for itself wherever it appears, even after the script, and exits 9 when the file is missing.
 */
export function envFileArg(argv: readonly string[]): string | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg.startsWith('--dotenv=')) return arg.slice('--dotenv='.length);
    if (arg === '--dotenv') return argv[i + 1];
  }
  return undefined;
}

/** `env` with the variables of the file at `path` added where `env` lacks them; a missing file adds nothing. */
export function withEnvFile(
  env: Record<string, string | undefined>,
  path: string | undefined,
): Record<string, string | undefined> {
  if (!path) return env;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    // No .env is the normal case in containers and CI: the environment is the whole configuration.
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return env;
    throw new ConfigError(`cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return { ...parseEnv(text), ...Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined)) };
}
