/** The per-user flood guard on interactions, and the plain private notes it and other refusals send. */
import { cooldownText } from '../shared/cooldown.ts';
import type { DiscordEnv } from './handler-env.ts';
import { ALLOWED_MENTIONS_NONE } from './render.ts';
import { type AnswerableInteraction, type ResponsePayload, respond } from './responder.ts';

/** A plain text message body that pings no one. */
export function plain(content: string): ResponsePayload {
  return { content, allowedMentions: ALLOWED_MENTIONS_NONE };
}

/** True (after telling the user privately how long to wait) when the user is over the cooldown. */
export async function limited(interaction: AnswerableInteraction, env: DiscordEnv): Promise<boolean> {
  const wait = env.cooldown.hit(interaction.user.id);
  if (wait === 0) return false;
  await respond(interaction, async () => plain(cooldownText(wait)), { mode: 'reply', ephemeral: true });
  return true;
}
