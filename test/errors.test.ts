/** The one error base (issue 13): every error careerbot raises on purpose has a stable code; set-up errors an exit code. */
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../src/config.ts';
import { BotError, ChannelGoneError, MessageGoneError, setupFailure } from '../src/errors.ts';
import { FetchError } from '../src/jobs/fetch.ts';
import { ShapeError } from '../src/jobs/sources/common.ts';
import { JobSourcesError } from '../src/jobs/sources-file.ts';
import { KnowledgeError } from '../src/knowledge/loader.ts';
import { AdapterStartError } from '../src/startup/adapter-start.ts';
import { LockTimeoutError } from '../src/store/lock.ts';
import { StoreOpenError } from '../src/store/open-sqlite.ts';
import { StoreTimeoutError } from '../src/store/store.ts';

const cause = new Error('underneath');
const ERRORS: [BotError, string, number | undefined][] = [
  [new ConfigError('bad env'), 'CONFIG_INVALID', 2],
  [new KnowledgeError(['factors/pay.yaml: facts.0.source: unknown']), 'KNOWLEDGE_INVALID', 2],
  [new JobSourcesError(['job-sources.yaml: 0.url: invalid']), 'JOB_SOURCES_INVALID', 2],
  [new StoreOpenError('cannot open the store', { cause }), 'STORE_OPEN', 2],
  [new AdapterStartError('Slack refused SLACK_BOT_TOKEN', { retry: false, cause }), 'ADAPTER_START', 2],
  [new StoreTimeoutError('store get timed out'), 'STORE_TIMEOUT', undefined],
  [new LockTimeoutError('lock busy'), 'LOCK_TIMEOUT', undefined],
  [new FetchError('HTTP 404', 404, { cause }), 'FETCH_FAILED', undefined],
  [new ShapeError('jobs missing'), 'UNEXPECTED_SHAPE', undefined],
  [new ChannelGoneError('archived', 'channel archived'), 'CHANNEL_GONE', undefined],
  [new MessageGoneError('message deleted'), 'MESSAGE_GONE', undefined],
];

describe('BotError', () => {
  it('is the base of every error careerbot raises on purpose, each with its stable code and its own name', () => {
    for (const [error, code] of ERRORS) {
      expect(error).toBeInstanceOf(BotError);
      expect(error.code).toBe(code);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(new Set(ERRORS.map(([e]) => e.code)).size).toBe(ERRORS.length);
  });

  it('keeps the cause it wraps', () => {
    expect(new StoreOpenError('x', { cause }).cause).toBe(cause);
    expect(new FetchError('HTTP 500', 500, { cause }).cause).toBe(cause);
  });

  it('gives set-up errors their exit code and one line, and leaves bugs to be thrown', () => {
    for (const [error, , exitCode] of ERRORS) {
      expect(setupFailure(error)).toEqual(exitCode === undefined ? undefined : { message: error.message, exitCode });
    }
    expect(setupFailure(new TypeError('a bug'))).toBeUndefined();
    expect(setupFailure('not even an error')).toBeUndefined();
  });
});
