/**
 * The Slack app manifest: issue 13, it lists exactly the registry's slash commands, worded as the registry
 * words them; and it asks for the scopes the adapter's checks need.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createTestBot } from '../../helpers/context.ts';

interface ManifestCommand {
  command: string;
  description: string;
  usage_hint?: string;
  should_escape?: boolean;
  url?: string;
}

const manifest = parse(readFileSync('adapters/slack/manifest.yaml', 'utf8')) as {
  features: { slash_commands: ManifestCommand[] };
  settings: { event_subscriptions: { request_url: string } };
};

describe('issue 13: adapters/slack/manifest.yaml against the command registry', () => {
  it('declares every slash command of the registry, in its order, with its description and usage hint', async () => {
    const { bot } = await createTestBot();
    const expected = bot.commands
      .filter((c) => c.surface === 'slash')
      .map((c) => ({
        command: `/${c.name}`,
        description: c.description,
        ...(c.usage ? { usage_hint: c.usage } : {}),
      }));
    const declared = manifest.features.slash_commands.map(({ command, description, usage_hint }) => ({
      command,
      description,
      ...(usage_hint ? { usage_hint } : {}),
    }));
    expect(declared).toEqual(expected);
    expect(declared.map((c) => c.command)).toContain('/help');
  });

  it('sends every slash command unescaped to the events URL', () => {
    for (const c of manifest.features.slash_commands) {
      expect(c.should_escape).toBe(false);
      expect(c.url).toBe(manifest.settings.event_subscriptions.request_url);
    }
  });
});

describe('the app manifest', () => {
  it('lists /jobs with its usage hint and the scopes its checks need', () => {
    const manifest = parse(readFileSync('adapters/slack/manifest.yaml', 'utf8')) as {
      features: { slash_commands: { command: string; usage_hint?: string }[] };
      oauth_config: { scopes: { bot: string[] } };
    };
    const command = manifest.features.slash_commands.find((c) => c.command === '/jobs');
    expect(command?.usage_hint).toBe('[subscribe | unsubscribe | status]');
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['users:read', 'channels:read', 'groups:read', 'im:read', 'channels:history']),
    );
  });
});
