/** What the Discord handlers share, built once per adapter. */
import type { Bot } from '../../src/bot.ts';
import type { AppContext } from '../../src/context.ts';
import type { Cooldown } from '../../src/cooldown.ts';
import type { Logger } from '../../src/logger.ts';
import type { IncomingMessage } from '../../src/types.ts';

/** Dependencies of the interaction and message handlers. */
export interface DiscordDeps {
  ctx: AppContext;
  bot: Bot;
  logger: Logger;
  cooldown: Cooldown;
  deferAfterMs?: number;
}

/** A platform-neutral message from the fields every Discord event has. */
export function toIncoming(fields: {
  id: string;
  text: string;
  kind: IncomingMessage['kind'];
  user: string;
  channel: string;
  thread?: string;
}): IncomingMessage {
  return {
    id: fields.id,
    platform: 'discord',
    text: fields.text,
    author: { id: fields.user },
    conversation: { id: fields.channel, threadId: fields.thread },
    kind: fields.kind,
  };
}

/** The sentence users see when they are rate limited by the cooldown. */
export function cooldownText(waitMs: number): string {
  return `You're asking faster than I can keep up. Please wait ${Math.ceil(waitMs / 1000)} s and try again.`;
}
