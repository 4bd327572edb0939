/**
 * The process-level safety net (issue 10): an error that escapes every handler, say in a library callback,
 * is logged and the bot keeps serving, instead of one bad request taking every conversation down.
 */
import type { Logger } from './logger.ts';

/** Logs uncaught exceptions and unhandled rejections instead of letting Node exit on them. */
export function installSafetyNet(logger: Logger): void {
  process.on('uncaughtException', (err) => logger.error({ err }, 'uncaught exception; still running'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection; still running'));
}
