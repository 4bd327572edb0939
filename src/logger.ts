/**
 * Structured logging with pino. Logs go to stderr so stdout stays clean for CLI output, and any
 * field that could hold a credential is redacted before it is written.
 */
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino, { type Logger } from 'pino';
import { ensureFolder } from './store/folder.ts';

export type { Logger } from 'pino';

/** Field paths whose values are replaced by "[redacted]" wherever they appear. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'config',
];

/** Creates the process logger. `destination` exists for tests that read what was logged. */
export function createLogger(level = 'info', destination: pino.DestinationStream = pino.destination(2)): Logger {
  return pino(
    {
      name: 'careerbot',
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: undefined,
    },
    destination,
  );
}

/** Where the console chat's logs go: `careerbot.log` in the data folder, or the temp folder with `:memory:`. */
export function consoleLogPath(dataDir: string): string {
  return dataDir === ':memory:' ? join(tmpdir(), 'careerbot-console.log') : join(dataDir, 'careerbot.log');
}

/**
 * A logger for the console chat, where stderr shares the screen with the conversation: it appends to
 * `path` (creating the folder). Writes are synchronous so nothing is lost when the chat ends; the volume
 * is one person's. If the file cannot be opened, warnings go to stderr as before and `path` is undefined.
 */
export function createConsoleLogger(level: string, path: string): { logger: Logger; path?: string; problem?: unknown } {
  try {
    // Not pino's `mkdir: true`: a recursive mkdir never returns under /proc (see ensureFolder).
    ensureFolder(dirname(path));
    return { logger: createLogger(level, pino.destination({ dest: path, sync: true })), path };
  } catch (err) {
    // Reported by the caller once start-up is past the store check, which names a bad DATA_DIR in one line.
    return { logger: createLogger('warn'), problem: err };
  }
}
