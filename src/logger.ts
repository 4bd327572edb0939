/**
 * Structured logging with pino. Logs go to stderr so stdout stays clean for CLI output, and any
 * field that could hold a credential is redacted before it is written.
 */
import pino, { type Logger } from 'pino';

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
