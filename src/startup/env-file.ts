/**
 * `.env` support for `npm start` and the CLI: `.env.example` tells users to copy it to `.env`, so the file
 * is read from the working folder, underneath the real environment (a variable set in the environment
 * wins, as with `node --env-file`). The result goes to `loadConfig`; `process.env` itself is left alone.
 */
import { readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { ConfigError } from '../config.ts';

/** `env` with the variables of the file at `path` (default `.env`) added where `env` lacks them. */
export function withEnvFile(
  env: Record<string, string | undefined> = process.env,
  path = '.env',
): Record<string, string | undefined> {
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
