import { describe, expect, it } from 'vitest';
import { captureLogger } from './helpers/context.ts';

describe('logger', () => {
  it('redacts tokens, keys and authorization headers wherever they appear', () => {
    const { logger, lines } = captureLogger('info');
    logger.info(
      {
        token: 'xoxb-secret-1',
        slack: { botToken: 'xoxb-secret-2' },
        headers: { authorization: 'Bearer sk-secret-3' },
        apiKey: 'sk-4',
      },
      'calling api',
    );
    const text = lines.join('');
    expect(text).toContain('calling api');
    expect(text).not.toMatch(/secret|sk-4/);
    expect(text).toContain('[redacted]');
  });
});
