import { describe, expect, it } from 'vitest';
import { ConfigError, hasPlatform, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('runs with no variables at all: console chat on the embedded store', () => {
    const config = loadConfig({});
    expect(config.dataDir).toBe('./data');
    expect(config.redisUrl).toBeUndefined();
    expect(hasPlatform(config)).toBe(false);
  });

  it('issue 10: listens on loopback unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('treats empty values as unset', () => {
    const config = loadConfig({ REDIS_URL: '', DATA_DIR: '  ', SLACK_BOT_TOKEN: '' });
    expect(config.redisUrl).toBeUndefined();
    expect(config.dataDir).toBe('./data');
  });

  it('names every bad variable without printing secret values', () => {
    const secret = 'not-a-slack-token-value-123';
    let error: unknown;
    try {
      loadConfig({ REDIS_URL: 'http://x', PORT: 'eighty', SLACK_BOT_TOKEN: secret, LOG_LEVEL: 'loud' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const text = (error as Error).message;
    for (const name of ['REDIS_URL', 'PORT', 'SLACK_BOT_TOKEN', 'LOG_LEVEL']) expect(text).toContain(name);
    expect(text).not.toContain(secret);
  });

  it('requires the companion variables of a platform token', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'abcdefghijklmnop' })).toThrow(/DISCORD_APPLICATION_ID/);
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-123-456' })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('reads SLACK_API_URL so the Web API base can be replaced (tests, proxies, Enterprise Grid)', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 'secret-123',
      SLACK_API_URL: 'http://127.0.0.1:9/api/',
    });
    expect(config.slack.apiUrl).toBe('http://127.0.0.1:9/api/');
    expect(() => loadConfig({ SLACK_API_URL: 'not a url' })).toThrow(/SLACK_API_URL/);
  });

  it('accepts a Redis URL', () => {
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });
});
