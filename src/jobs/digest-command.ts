/**
 * `npm run -s cli -- jobs digest [--sources <file>] [--now <ISO date>] [--json]`: builds the digest
 * once from fresh fetches and prints it, as text or as the stats JSON. Snapshots go to the configured
 * store, so running it week after week shows the week-over-week changes.
 */

import type { Config } from '../config.ts';
import { createContext } from '../context.ts';
import type { Logger } from '../logger.ts';
import { renderText } from '../render-text.ts';
import { createJobs } from './jobs.ts';
import { loadJobSources } from './sources-file.ts';

/** Options parsed from the command line. */
export interface DigestCommandOptions {
  sources?: string;
  now?: string;
  json?: boolean;
}

/** Runs the command; returns the exit code (1 when no source answered, 2 on bad arguments). */
export async function digestCommand(
  config: Config,
  logger: Logger,
  options: DigestCommandOptions,
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  const now = options.now === undefined ? new Date() : new Date(options.now);
  if (Number.isNaN(now.getTime())) {
    writeError(`careerbot: --now "${options.now}" is not an ISO date, e.g. 2026-11-23T09:00:00Z`);
    return 2;
  }
  const sources = loadJobSources(options.sources ?? config.jobs.sourcesFile);
  const ctx = await createContext(config, logger, { clock: () => now });
  try {
    const { stats, reply, notable, failed } = await createJobs(ctx, { sources }).market.build(now, { fresh: true });
    if (failed) {
      // One line, not a digest of zeros: nothing was measured, and a script should see the failure.
      const first = stats.sources[0];
      writeError(
        `careerbot: none of the ${stats.sources.length} job sources answered (for example ${first?.id}: ${first?.error ?? 'no answer'}); no digest was built.`,
      );
      return 1;
    }
    write(options.json ? JSON.stringify({ ...stats, notable }, null, 2) : renderText(reply));
    return 0;
  } finally {
    await ctx.store.close();
  }
}
