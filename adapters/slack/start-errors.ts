/**
 * Slack's start-up failures as `AdapterStartError`s: a refused token stops start-up with one line naming
 * the variable; an unreachable Slack (network, 5xx) is retried by the composition root.
 */
import { AdapterStartError } from '../../src/startup/adapter-start.ts';
import { networkErrorCode } from '../../src/startup/network-error.ts';

/** Slack's answers to a token that will not work until someone changes it. */
const REFUSALS = new Set(['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired']);

const HINT = {
  SLACK_BOT_TOKEN: 'check the Bot User OAuth Token (xoxb-...) on your Slack app\'s "OAuth & Permissions" page',
  SLACK_APP_TOKEN: 'check the app-level token (xapp-...) with the connections:write scope on "Basic Information"',
};

/** Translates an error from `auth.test` (bot token) or opening Socket Mode (app token); others pass through. */
export function slackStartError(err: unknown, variable: keyof typeof HINT, apiUrl: string | undefined): unknown {
  const e = err as { code?: string; data?: { error?: string }; statusCode?: number };
  const platformError = e.code === 'slack_webapi_platform_error' ? e.data?.error : undefined;
  if (platformError && REFUSALS.has(platformError)) {
    return new AdapterStartError(`Slack refused ${variable} (${platformError}); ${HINT[variable]}`, {
      retry: false,
      cause: err,
    });
  }
  const where = new URL(apiUrl ?? 'https://slack.com/api/').host;
  const network = networkErrorCode(err);
  if (network) return new AdapterStartError(`cannot reach Slack at ${where} (${network})`, { retry: true, cause: err });
  if (e.code === 'slack_webapi_http_error' && (e.statusCode ?? 0) >= 500) {
    return new AdapterStartError(`Slack at ${where} is not answering (HTTP ${e.statusCode})`, {
      retry: true,
      cause: err,
    });
  }
  return err;
}

/** Translates a failure to listen on PORT (HTTP mode); others pass through unchanged. */
export function slackListenError(err: unknown, port: number): unknown {
  const code = (err as NodeJS.ErrnoException).code;
  if (code !== 'EADDRINUSE' && code !== 'EACCES') return err;
  const why = code === 'EADDRINUSE' ? 'another program is using it' : 'ports below 1024 need privileges';
  return new AdapterStartError(`cannot listen on PORT=${port} (${code}): ${why}; set PORT to a free port`, {
    retry: false,
    cause: err,
  });
}
