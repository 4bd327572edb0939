/**
 * Button clicks: a follow-up question or a "did you mean" topic (`cb:ask:…`), "Share to channel"
 * (`cb:share:…`), and the buttons that open or drive the viability form. A picked question reaches the core
 * as the message's `choice`; an answer to a private message stays private, a click on a public answer or
 * Share answers publicly.
 */
import { type ButtonInteraction, MessageFlags } from 'discord.js';
import type { ReplyChoice } from '../../src/ports.ts';
import { createIncoming } from '../shared/incoming.ts';
import { formCommand } from './commands.ts';
import { CUSTOM_ASK, CUSTOM_SHARE, CUSTOM_VIABILITY_START, decodeAsk, decodeShare } from './custom-ids.ts';
import type { DiscordEnv } from './handler-env.ts';
import { timing } from './interaction-load.ts';
import { limited, plain } from './limits.ts';
import { renderReply } from './render.ts';
import { respond } from './responder.ts';
import { startViability, viabilityButton } from './viability.ts';
import { CUSTOM_VIABILITY } from './viability-page.ts';

/** The choice a follow-up or share button carries, or undefined when its id is not one of ours or is damaged. */
function choiceOf(customId: string, share: boolean): ReplyChoice | undefined {
  if (share) {
    const question = decodeShare(customId);
    return question === undefined ? undefined : { label: question, question };
  }
  const asked = decodeAsk(customId);
  return asked && { label: asked.question, ...asked };
}

/** Answers one button click; ids that are not careerbot's are ignored (another app's, or stale). */
export async function handleButton(interaction: ButtonInteraction, env: DiscordEnv): Promise<void> {
  const id = interaction.customId;
  if (id === CUSTOM_VIABILITY_START) return startViability(interaction, env);
  if (id.startsWith(`${CUSTOM_VIABILITY}:`)) return viabilityButton(interaction, env);
  const share = id.startsWith(`${CUSTOM_SHARE}:`);
  if (!share && !id.startsWith(`${CUSTOM_ASK}:`)) return;
  if (await limited(interaction, env)) return;
  const choice = choiceOf(id, share);
  if (!choice) {
    await respond(interaction, async () => plain('That button has expired. Ask me again with /careers.'), {
      mode: 'reply',
      ephemeral: true,
    });
    return;
  }
  // A choice that runs a form (`/viability`) opens Discord's form instead of the questions typed one by one.
  if (formCommand(env.bot.commands, choice.question)) return startViability(interaction, env);
  const ephemeral = !share && Boolean(interaction.message.flags.has(MessageFlags.Ephemeral));
  await respond(
    interaction,
    async (onProgress) => {
      const message = createIncoming('discord', {
        id: interaction.id,
        text: choice.question,
        kind: 'command',
        user: interaction.user.id,
        channel: interaction.channelId,
        thread: interaction.message.id,
        choice,
      });
      const reply = await env.bot.handle(message, { onProgress });
      return renderReply(reply, { share: ephemeral, question: choice.question });
    },
    { mode: 'reply', ephemeral, ...timing(env) },
  );
}
