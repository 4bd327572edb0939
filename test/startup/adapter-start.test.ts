import { describe, expect, it } from 'vitest';
import type { Adapter } from '../../src/ports.ts';
import { AdapterStartError, startAdapters } from '../../src/startup/adapter-start.ts';
import { captureLogger } from '../helpers/context.ts';

/** A platform adapter whose `start()` throws the given errors in turn, then succeeds. */
function flakyAdapter(name: string, failures: Error[]) {
  const events: string[] = [];
  const adapter: Adapter = {
    name,
    async start() {
      const failure = failures.shift();
      events.push(failure ? 'start failed' : 'started');
      if (failure) throw failure;
    },
    async stop() {
      events.push('stopped');
    },
    async post() {},
  };
  return { adapter, events };
}

const unreachable = () => new AdapterStartError('cannot reach Slack at slack.com (ENOTFOUND)', { retry: true });
const refused = () => new AdapterStartError('Discord refused DISCORD_TOKEN (TokenInvalid)', { retry: false });

describe('startAdapters', () => {
  it('issue 10: retries a platform that cannot be reached, with growing waits and one log line per attempt', async () => {
    const { logger, lines } = captureLogger();
    const waits: number[] = [];
    const slack = flakyAdapter('slack', [unreachable(), unreachable(), unreachable()]);
    await startAdapters([slack.adapter], logger, {
      firstDelayMs: 1_000,
      maxDelayMs: 3_000,
      sleep: async (ms) => {
        waits.push(ms);
      },
    });
    expect(slack.events).toEqual(['start failed', 'start failed', 'start failed', 'started']);
    expect(waits).toEqual([1_000, 2_000, 3_000]);
    const logged = lines.map((l) => JSON.parse(l) as { msg: string; attempt: number });
    expect(logged.map((l) => l.attempt)).toEqual([1, 2, 3]);
    expect(logged[0]?.msg).toBe('cannot reach Slack at slack.com (ENOTFOUND); retrying in 1 s');
  });

  it('issue 10: a refused token is not retried; adapters already started are stopped before it is thrown', async () => {
    const { logger } = captureLogger();
    const slack = flakyAdapter('slack', []);
    const discord = flakyAdapter('discord', [refused()]);
    await expect(startAdapters([slack.adapter, discord.adapter], logger, { firstDelayMs: 1 })).rejects.toThrow(
      /Discord refused DISCORD_TOKEN/,
    );
    expect(slack.events).toEqual(['started', 'stopped']);
    expect(discord.events).toEqual(['start failed', 'stopped']);
  });

  it('passes an unexpected error through unchanged, without retrying', async () => {
    const { logger } = captureLogger();
    const odd = flakyAdapter('slack', [new Error('something else')]);
    await expect(startAdapters([odd.adapter], logger, { firstDelayMs: 1 })).rejects.toThrow('something else');
    expect(odd.events).toEqual(['start failed', 'stopped']);
  });
});
