/** App Home: what the bot does, its slash commands (from the registry) and the user's last viability result. */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Bot } from '../../src/ports.ts';
import { homeView } from './render-views.ts';
import type { SlackListenerDeps } from './responder.ts';

/** The slash commands as App Home lists them, from the bot's registry. */
export function homeCommands(bot: Pick<Bot, 'commands'>): string[] {
  return bot.commands
    .filter((c) => c.surface === 'slash')
    .map((c) => (c.option && !c.option.choices ? `/${c.name} <${c.option.name}>` : `/${c.name}`));
}

/** Publishes a user's App Home tab. */
export async function publishHome(bot: Bot, client: WebClient, userId: string): Promise<void> {
  const last = await bot.lastViability({ platform: 'slack', id: userId }).catch(() => undefined);
  await client.views.publish({
    user_id: userId,
    view: homeView({
      commands: homeCommands(bot),
      lastResult: last && {
        title: last.verdict.title,
        verdict: last.verdict.text,
        at: last.at.slice(0, 10),
        rows: last.rows.map((r) => ({ title: r.title, rating: r.rating })),
      },
    }),
  });
}

/** Publishes App Home whenever its tab opens (after the ack, in the work queue). */
export function registerHome(app: App, { bot, logger, work }: SlackListenerDeps): void {
  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await work
      .run(() => publishHome(bot, client, event.user))
      .catch((err) => logger.warn({ err }, 'could not publish App Home'));
  });
}
