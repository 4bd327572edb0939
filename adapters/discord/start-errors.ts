/**
 * Discord's start-up failures as `AdapterStartError`s: a refused token (TokenInvalid, from a 401 on
 * /gateway/bot) stops start-up with one line; an unreachable Discord (network, 5xx) is retried.
 */
import { AdapterStartError } from '../../src/startup/adapter-start.ts';
import { networkErrorCode } from '../../src/startup/network-error.ts';

/** Translates an error from `client.login()` or a REST call made with the token; others pass through unchanged. */
export function discordStartError(err: unknown, apiUrl: string | undefined): unknown {
  const e = err as { code?: unknown; status?: number };
  // TokenInvalid from login(); a plain 401 from the REST check before it.
  if (e.code === 'TokenInvalid' || e.status === 401) {
    const why = e.code === 'TokenInvalid' ? 'TokenInvalid' : 'HTTP 401';
    return new AdapterStartError(
      `Discord refused DISCORD_TOKEN (${why}); copy the bot token again from the Developer Portal ("Bot" page, Reset Token)`,
      { retry: false, cause: err },
    );
  }
  const where = new URL(apiUrl ?? 'https://discord.com/api').host;
  const network = networkErrorCode(err);
  if (network)
    return new AdapterStartError(`cannot reach Discord at ${where} (${network})`, { retry: true, cause: err });
  if (typeof e.status === 'number' && e.status >= 500) {
    return new AdapterStartError(`Discord at ${where} is not answering (HTTP ${e.status})`, {
      retry: true,
      cause: err,
    });
  }
  return err;
}
