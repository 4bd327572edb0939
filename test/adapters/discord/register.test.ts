import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCORD_IDS, FakeDiscord } from '../../harness/discord-fake.ts';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.stop();
});

/** Runs `npm run -s cli -- discord register …` as a child process against the fake. */
function register(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['src/cli.ts', 'discord', 'register', ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: 'discord-test-token',
        DISCORD_APPLICATION_ID: DISCORD_IDS.applicationId,
        DISCORD_API_URL: fake.api,
        ...env,
      },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => {
      out += String(c);
    });
    child.stderr.on('data', (c) => {
      err += String(c);
    });
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('npm run -s cli -- discord register', () => {
  it('bulk-overwrites the guild commands with --guild', async () => {
    const { code, out } = await register(['--guild', DISCORD_IDS.guildId]);
    expect(code).toBe(0);
    expect(out).toMatch(/registered 4 commands in guild/);
    const call = fake.callsTo(
      'PUT',
      `/applications/${DISCORD_IDS.applicationId}/guilds/${DISCORD_IDS.guildId}/commands`,
    )[0];
    expect(call?.auth).toBe('Bot discord-test-token');
    expect((fake.registeredCommands(DISCORD_IDS.guildId) as { name: string }[]).map((c) => c.name)).toEqual([
      'careers',
      'viability',
      'jobs',
      'help',
    ]);
  });

  it('registers globally without --guild', async () => {
    const { code } = await register([]);
    expect(code).toBe(0);
    expect(fake.registeredCommands('global')).toHaveLength(4);
  });

  it('explains what is missing without a token', async () => {
    const { code, err } = await register([], { DISCORD_TOKEN: '' });
    expect(code).toBe(2);
    expect(err).toMatch(/DISCORD_TOKEN/);
  });
});

describe('the bot itself', () => {
  it('never registers commands when it starts', async () => {
    const { startDiscordRig } = await import('../../helpers/discord.ts');
    const rig = await startDiscordRig();
    expect(rig.fake.calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
    await rig.stop();
  });
});
