/**
 * The only module that reads the environment. Parsed once at start-up with a schema; every problem is
 * listed with the variable to set, empty values count as unset, and secrets are never printed.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import { BotError, EXIT_SETUP } from './errors.ts';
import { isValidTimeZone } from './jobs/week.ts';

const optional = z.string().trim().min(1).optional();
const secret = (prefix?: string) =>
  prefix
    ? z.string().trim().startsWith(prefix, `must start with "${prefix}"`).optional()
    : z.string().trim().min(8, 'looks too short').optional();

const envSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  KNOWLEDGE_DIR: z.string().trim().min(1).default('./knowledge'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, error: 'must be a redis:// or rediss:// URL' }).optional(),
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  // Loopback unless asked: an exposed endpoint should be a deliberate choice (the Dockerfile sets 0.0.0.0).
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  SLACK_BOT_TOKEN: secret('xoxb-'),
  SLACK_SIGNING_SECRET: secret(),
  SLACK_APP_TOKEN: secret('xapp-'),
  SLACK_API_URL: z.url().optional(),
  DISCORD_TOKEN: secret(),
  DISCORD_APPLICATION_ID: z
    .string()
    .regex(/^\d{15,22}$/, 'must be a Discord snowflake (digits)')
    .optional(),
  DISCORD_API_URL: z.url().optional(),
  // Any non-empty key: local servers document placeholders (Ollama's "ollama", vLLM's "EMPTY").
  OPENAI_API_KEY: optional,
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: optional,
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(8_000),
  LLM_USER_DAILY_CALLS: z.coerce.number().int().min(0).default(40),
  LLM_GLOBAL_DAILY_CALLS: z.coerce.number().int().min(0).default(2_000),
  LLM_USER_DAILY_TOKENS: z.coerce.number().int().min(0).default(60_000),
  LLM_GLOBAL_DAILY_TOKENS: z.coerce.number().int().min(0).default(3_000_000),
  JOBS_SCHEDULE: z
    .string()
    .trim()
    .default('0 9 * * 1')
    .refine(validCron, 'must be a cron expression, e.g. "0 9 * * 1" for Mondays at 09:00'),
  TZ: z.string().trim().default('UTC').refine(isValidTimeZone, 'must be an IANA time zone, e.g. "Europe/London"'),
  JOBS_SOURCES: optional,
  JOBS_REFRESH_MINUTES: z.coerce.number().int().min(1).max(10_080).default(360),
  JOBS_LEASE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
});

function validCron(expression: string): boolean {
  try {
    new Cron(expression, { paused: true }).stop();
    return true;
  } catch {
    return false;
  }
}

/** Validated configuration. Secret values stay in here and are never logged. */
export interface Config {
  logLevel?: z.infer<typeof envSchema>['LOG_LEVEL'];
  dataDir: string;
  knowledgeDir: string;
  redisUrl?: string;
  port: number;
  /** Listen address for `PORT` (loopback unless set, e.g. `0.0.0.0` in a container that publishes the port). */
  host: string;
  slack: { botToken?: string; signingSecret?: string; appToken?: string; apiUrl?: string };
  discord: { token?: string; applicationId?: string; apiUrl?: string };
  /** The optional LLM layer: on when `apiKey` is set; per-call deadline and daily budgets. */
  openai: {
    apiKey?: string;
    baseUrl?: string;
    model?: string;
    timeoutMs: number;
    limits: { userDailyCalls: number; globalDailyCalls: number; userDailyTokens: number; globalDailyTokens: number };
  };
  /**
   * The weekly digest: cron schedule and its zone, the source list, how long a fetch is reused, and how
   * long one replica may hold a channel's post before another may take over after a crash.
   */
  jobs: { schedule: string; timeZone: string; sourcesFile: string; refreshMs: number; leaseMs: number };
}

/** Raised when the environment is invalid; the message lists each variable to fix. */
export class ConfigError extends BotError {
  constructor(message: string) {
    super('CONFIG_INVALID', message, { exitCode: EXIT_SETUP });
  }
}

/** Parses `env` (default `process.env`). Throws `ConfigError` naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new ConfigError(`invalid configuration; set these environment variables:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.SLACK_BOT_TOKEN && !e.SLACK_APP_TOKEN && !e.SLACK_SIGNING_SECRET) {
    problems.push('  SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set');
  }
  if (e.DISCORD_TOKEN && !e.DISCORD_APPLICATION_ID) {
    problems.push('  DISCORD_APPLICATION_ID: required with DISCORD_TOKEN');
  }
  if (problems.length > 0) {
    throw new ConfigError(`invalid configuration; set these environment variables:\n${problems.join('\n')}`);
  }
  return {
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    knowledgeDir: e.KNOWLEDGE_DIR,
    redisUrl: e.REDIS_URL,
    port: e.PORT,
    host: e.HOST,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
    },
    discord: { token: e.DISCORD_TOKEN, applicationId: e.DISCORD_APPLICATION_ID, apiUrl: e.DISCORD_API_URL },
    openai: {
      apiKey: e.OPENAI_API_KEY,
      baseUrl: e.OPENAI_BASE_URL,
      model: e.OPENAI_MODEL,
      timeoutMs: e.LLM_TIMEOUT_MS,
      limits: {
        userDailyCalls: e.LLM_USER_DAILY_CALLS,
        globalDailyCalls: e.LLM_GLOBAL_DAILY_CALLS,
        userDailyTokens: e.LLM_USER_DAILY_TOKENS,
        globalDailyTokens: e.LLM_GLOBAL_DAILY_TOKENS,
      },
    },
    jobs: {
      schedule: e.JOBS_SCHEDULE,
      timeZone: e.TZ,
      sourcesFile: e.JOBS_SOURCES ?? `${e.KNOWLEDGE_DIR}/job-sources.yaml`,
      refreshMs: e.JOBS_REFRESH_MINUTES * 60_000,
      leaseMs: e.JOBS_LEASE_SECONDS * 1_000,
    },
  };
}

/** True when any chat platform is configured; otherwise `npm start` opens the console chat. */
export function hasPlatform(config: Config): boolean {
  return Boolean(config.slack.botToken || config.discord.token);
}
