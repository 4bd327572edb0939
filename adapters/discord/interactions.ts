/**
 * Slash commands, buttons and select menus. Every interaction goes through `respond()`, one state
 * machine per interaction, so each gets exactly one initial response within Discord's three seconds.
 */
import {
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Interaction,
  MessageFlags,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { QUESTION_OPTION } from './commands.ts';
import { cooldownText, type DiscordDeps, timing, toIncoming } from './deps.ts';
import { jobsCommand } from './jobs-command.ts';
import {
  ALLOWED_MENTIONS_NONE,
  CUSTOM_ASK,
  CUSTOM_SHARE,
  CUSTOM_VIABILITY_START,
  decodeAsk,
  decodeShare,
  renderReply,
} from './render.ts';
import { type AnswerableInteraction, type ResponsePayload, respond } from './responder.ts';
import { applySelection, CUSTOM_VIABILITY, missingAnswers, pageOfQuestion, viabilityPage } from './viability-flow.ts';

const VIABILITY_TTL_MS = 30 * 60 * 1000;

/** Routes one interaction to its handler; unknown interactions are ignored (another app's, or stale). */
export async function handleInteraction(interaction: Interaction, deps: DiscordDeps): Promise<void> {
  if (interaction.isChatInputCommand()) return command(interaction, deps);
  if (interaction.isButton()) return button(interaction, deps);
  if (interaction.isStringSelectMenu()) return select(interaction, deps);
}

function plain(content: string): ResponsePayload {
  return { content, allowedMentions: ALLOWED_MENTIONS_NONE };
}

async function limited(interaction: AnswerableInteraction, deps: DiscordDeps): Promise<boolean> {
  const wait = deps.cooldown.hit(`discord:${interaction.user.id}`);
  if (wait === 0) return false;
  await respond(interaction, async () => plain(cooldownText(wait)), { mode: 'reply', ephemeral: true });
  return true;
}

async function command(interaction: ChatInputCommandInteraction, deps: DiscordDeps) {
  const { bot } = deps;
  if (await limited(interaction, deps)) return;
  if (interaction.commandName === 'viability') return startViability(interaction, deps);
  if (interaction.commandName === 'jobs') return jobsCommand(interaction, deps);
  const question =
    interaction.commandName === 'careers' ? (interaction.options.getString(QUESTION_OPTION) ?? '').trim() : '';
  await respond(
    interaction,
    // A model answer defers the interaction as soon as it starts (or the responder's timer does first).
    async (onProgress) => {
      const reply = await bot.careers(
        toIncoming({
          id: interaction.id,
          text: question,
          kind: 'command',
          user: interaction.user.id,
          channel: interaction.channelId,
        }),
        { onProgress },
      );
      return renderReply(reply, { share: question !== '', question });
    },
    { mode: 'reply', ephemeral: true, ...timing(deps) },
  );
}

async function startViability(interaction: AnswerableInteraction, deps: DiscordDeps) {
  await deps.ctx.store.delete(viabilityKey(interaction.user.id)).catch(() => false);
  await respond(
    interaction,
    async () => ({ ...viabilityPage(deps.ctx.kb.rubric, 0, {}), allowedMentions: ALLOWED_MENTIONS_NONE }),
    {
      mode: 'reply',
      ephemeral: true,
      ...timing(deps),
    },
  );
}

const viabilityKey = (user: string) => `discord:viability-answers:${user}`;

async function button(interaction: ButtonInteraction, deps: DiscordDeps) {
  const { bot } = deps;
  const id = interaction.customId;
  if (id === CUSTOM_VIABILITY_START) return startViability(interaction, deps);
  if (id.startsWith(`${CUSTOM_VIABILITY}:`)) return viabilityButton(interaction, deps);
  if (!id.startsWith(`${CUSTOM_ASK}:`) && !id.startsWith(`${CUSTOM_SHARE}:`)) return;
  if (await limited(interaction, deps)) return;
  const share = id.startsWith(`${CUSTOM_SHARE}:`);
  const shared = share ? decodeShare(id) : undefined;
  const choice = share ? (shared === undefined ? undefined : { question: shared, intent: undefined }) : decodeAsk(id);
  if (!choice) {
    await respond(interaction, async () => plain('That button has expired. Ask me again with /careers.'), {
      mode: 'reply',
      ephemeral: true,
    });
    return;
  }
  if (choice.question === '/viability') return startViability(interaction, deps);
  // An answer to a private message stays private; a click on a public answer, or Share, answers publicly.
  const ephemeral = !share && Boolean(interaction.message.flags.has(MessageFlags.Ephemeral));
  await respond(
    interaction,
    async (onProgress) => {
      const reply =
        choice.intent && !share
          ? bot.answerIntent(choice.intent, choice.question)
          : await bot.handle(
              toIncoming({
                id: interaction.id,
                text: choice.question,
                kind: 'command',
                user: interaction.user.id,
                channel: interaction.channelId,
                thread: interaction.message.id,
              }),
              { onProgress },
            );
      return renderReply(reply, { share: ephemeral, question: choice.question });
    },
    { mode: 'reply', ephemeral, ...timing(deps) },
  );
}

async function viabilityButton(interaction: ButtonInteraction, deps: DiscordDeps) {
  const { ctx, bot } = deps;
  const { rubric } = ctx.kb;
  const answers =
    (await ctx.store.get<Record<string, string>>(viabilityKey(interaction.user.id)).catch(() => undefined)) ?? {};
  const action = interaction.customId.slice(CUSTOM_VIABILITY.length + 1);
  await respond(
    interaction,
    async (): Promise<ResponsePayload> => {
      if (action === 'next' || action === 'back') {
        return { ...viabilityPage(rubric, action === 'next' ? 1 : 0, answers), allowedMentions: ALLOWED_MENTIONS_NONE };
      }
      const missing = missingAnswers(rubric, answers);
      if (missing.length > 0) {
        const page = viabilityPage(rubric, 0, answers);
        return {
          ...page,
          content: `Please answer every question first. Still open: ${missing.join(' · ')}`.slice(0, 2_000),
          allowedMentions: ALLOWED_MENTIONS_NONE,
        };
      }
      const { reply } = await bot.completeViability(`discord:${interaction.user.id}`, answers);
      await ctx.store.delete(viabilityKey(interaction.user.id)).catch(() => false);
      const rendered = renderReply(reply);
      return {
        content: '',
        embeds: rendered.embeds,
        components: rendered.components,
        allowedMentions: ALLOWED_MENTIONS_NONE,
      };
    },
    { mode: 'update', ...timing(deps) },
  );
}

async function select(interaction: StringSelectMenuInteraction, deps: DiscordDeps) {
  const { ctx } = deps;
  if (!interaction.customId.startsWith(`${CUSTOM_VIABILITY}:`)) return;
  const key = viabilityKey(interaction.user.id);
  await respond(
    interaction,
    async () => {
      const before = (await ctx.store.get<Record<string, string>>(key).catch(() => undefined)) ?? {};
      const answers = applySelection(ctx.kb.rubric, before, interaction.customId, interaction.values);
      const page = pageOfQuestion(ctx.kb.rubric, interaction.customId);
      try {
        await ctx.store.set(key, answers, VIABILITY_TTL_MS);
      } catch (err) {
        deps.logger.warn({ err }, 'could not save a viability answer');
        // The menus show what is kept, so a lost pick is visible, and the user is asked to pick again.
        const kept = viabilityPage(ctx.kb.rubric, page, before);
        const content = `I couldn't save that answer, please try again.\n${kept.content}`.slice(0, 2_000);
        return { ...kept, content, allowedMentions: ALLOWED_MENTIONS_NONE };
      }
      return { ...viabilityPage(ctx.kb.rubric, page, answers), allowedMentions: ALLOWED_MENTIONS_NONE };
    },
    { mode: 'update', ...timing(deps) },
  );
}
