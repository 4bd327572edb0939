/**
 * The viability form on Discord: `/viability` (or a button asking for it) opens page one of the select
 * menus; each pick is kept in the store under `viability-answers:<user>` (30 minutes); Next and Back change
 * page; Score me submits the answers to the core, which checks them: its problems come back as the page
 * with the first open question and a line naming every open one. Every step edits the same private message.
 */
import type { ButtonInteraction, StringSelectMenuInteraction } from 'discord.js';
import type { Answers } from '../../src/ports.ts';
import type { DiscordEnv } from './handler-env.ts';
import { timing } from './interaction-load.ts';
import { ALLOWED_MENTIONS_NONE, renderReply } from './render.ts';
import { type AnswerableInteraction, type ResponsePayload, respond } from './responder.ts';
import {
  applySelection,
  CUSTOM_VIABILITY,
  openPrompts,
  pageOfProblems,
  pageOfQuestion,
  viabilityPage,
} from './viability-page.ts';

/** How long picked answers are kept between clicks. */
export const VIABILITY_TTL_MS = 30 * 60 * 1000;
/** Discord's limit on message content. */
const MAX_CONTENT = 2_000;

/** The store key of a user's answers so far (scoped to `discord:` by the store). */
export const answersKey = (user: string) => `viability-answers:${user}`;

const page = (env: DiscordEnv, index: 0 | 1, answers: Answers, note?: string): ResponsePayload => {
  const shown = viabilityPage(env.bot.questionnaire, index, answers);
  const content = note ? `${note}\n${shown.content}`.slice(0, MAX_CONTENT) : shown.content;
  return { ...shown, content, allowedMentions: ALLOWED_MENTIONS_NONE };
};

const savedAnswers = async (env: DiscordEnv, user: string): Promise<Answers> =>
  (await env.store.get<Answers>(answersKey(user)).catch(() => undefined)) ?? {};

/** Opens the form on its first page, forgetting any answers picked before. */
export async function startViability(interaction: AnswerableInteraction, env: DiscordEnv): Promise<void> {
  await env.store.delete(answersKey(interaction.user.id)).catch(() => false);
  await respond(interaction, async () => page(env, 0, {}), { mode: 'reply', ephemeral: true, ...timing(env) });
}

/** A pick in one of the form's menus: kept, and shown as kept, or reported when it could not be saved. */
export async function viabilitySelect(interaction: StringSelectMenuInteraction, env: DiscordEnv): Promise<void> {
  const { questionnaire } = env.bot;
  const key = answersKey(interaction.user.id);
  await respond(
    interaction,
    async () => {
      const before = await savedAnswers(env, interaction.user.id);
      const answers = applySelection(questionnaire, before, interaction.customId, interaction.values);
      const index = pageOfQuestion(questionnaire, interaction.customId);
      try {
        await env.store.set(key, answers, VIABILITY_TTL_MS);
      } catch (err) {
        env.logger.warn({ err }, 'could not save a viability answer');
        // The menus show what is kept, so a lost pick is visible, and the user is asked to pick again.
        return page(env, index, before, "I couldn't save that answer, please try again.");
      }
      return page(env, index, answers);
    },
    { mode: 'update', ...timing(env) },
  );
}

/** Next, Back and Score me. */
export async function viabilityButton(interaction: ButtonInteraction, env: DiscordEnv): Promise<void> {
  const { bot } = env;
  const user = interaction.user.id;
  const action = interaction.customId.slice(CUSTOM_VIABILITY.length + 1);
  await respond(
    interaction,
    async (): Promise<ResponsePayload> => {
      const saved = await savedAnswers(env, user);
      if (action === 'next' || action === 'back') return page(env, action === 'next' ? 1 : 0, saved);
      // Only answers to today's questions: a pick kept from before a knowledge update cannot be changed here.
      const answers = Object.fromEntries(
        bot.questionnaire.filter((q) => saved[q.id] !== undefined).map((q) => [q.id, saved[q.id]]),
      );
      const submitted = await bot.submitViability({ platform: 'discord', id: user }, answers);
      if (!submitted.ok) {
        const open = openPrompts(bot.questionnaire, submitted.problems);
        const index = pageOfProblems(bot.questionnaire, submitted.problems);
        return page(env, index, saved, `Please answer every question first. Still open: ${open.join(' · ')}`);
      }
      await env.store.delete(answersKey(user)).catch(() => false);
      const { embeds, components } = renderReply(submitted.reply);
      return { content: '', embeds, components, allowedMentions: ALLOWED_MENTIONS_NONE };
    },
    { mode: 'update', ...timing(env) },
  );
}
