/**
 * The viability form as a Slack modal: opened by `/viability` or a button (a trigger_id lasts three
 * seconds, so it opens at once, never behind queued answers), submitted through `bot.submitViability`.
 * The core's problems go back as field errors (`response_action: 'errors'`), keeping the modal open; a
 * scored result goes privately where the form was run (its response_url) or to the DM, and App Home updates.
 */
import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AnswerProblem, Bot } from '../../src/ports.ts';
import { publishHome } from './home.ts';
import { renderReply } from './render.ts';
import { readViabilityState, VIABILITY_CALLBACK, viabilityModal } from './render-views.ts';
import type { SlackListenerDeps } from './responder.ts';

/** Longest the modal's ack waits for the scored result before acking anyway (Slack allows 3 s). */
export const SUBMIT_ACK_BUDGET_MS = 1_000;

const delay = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref());

/** Where the form was opened, kept in the modal's private_metadata: channel and response_url. */
export interface ViabilityMeta {
  c?: string;
  r?: string;
}

/** Opens the viability modal; throws when Slack refuses (e.g. an expired trigger_id). */
export async function openViability(bot: Bot, client: WebClient, triggerId: string, meta: ViabilityMeta) {
  await client.views.open({
    trigger_id: triggerId,
    view: viabilityModal(bot.questionnaire, { privateMetadata: JSON.stringify(meta) }),
  });
}

/** The core's problems that name a question of the modal; any other problem is pinned to the first question. */
function modalProblems(bot: Bot, problems: readonly AnswerProblem[]): AnswerProblem[] {
  const shown = problems.filter((p) => bot.questionnaire.some((q) => q.id === p.question));
  const first = bot.questionnaire[0];
  // A problem with no field of its own must still keep the modal open, or the user would see nothing.
  const fallback = problems[0];
  return shown.length > 0 || !first || !fallback ? shown : [{ ...fallback, question: first.id }];
}

/** Registers the modal's submission listener. */
export function registerViability(app: App, { bot, logger, work }: SlackListenerDeps): void {
  app.view(VIABILITY_CALLBACK, async ({ ack, view, body, client }) => {
    const user = body.user.id;
    const { answers, sendDm } = readViabilityState(view.state.values);
    // The core checks the answers before it touches storage, so problems come back at once and only an ack
    // can carry them (the modal stays open). Scoring and storing may wait on a slow store: never past the
    // budget, or Slack, which allows three seconds, would show the user an error for a valid form.
    const submitting = bot.submitViability({ platform: 'slack', id: user }, answers);
    const early = await Promise.race([submitting, delay(SUBMIT_ACK_BUDGET_MS)]);
    if (early && !early.ok) {
      const { errors } = readViabilityState(view.state.values, modalProblems(bot, early.problems));
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    const submitted = early ?? (await submitting);
    if (!submitted.ok) return;
    await work.run(async () => {
      const rendered = renderReply(submitted.reply);
      const meta = parseMeta(view.private_metadata);
      try {
        if (meta.r) {
          const res = await fetch(meta.r, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ response_type: 'ephemeral', ...rendered }),
          });
          if (!res.ok) throw new Error(`response_url answered ${res.status}`);
        }
        if (sendDm || !meta.r) await client.chat.postMessage({ channel: user, ...rendered });
        await publishHome(bot, client, user);
      } catch (err) {
        logger.error({ err }, 'could not deliver the viability result');
      }
    });
  });
}

/** The modal's private_metadata, trusting only a channel id and an http(s) response_url. */
function parseMeta(raw: string | undefined): ViabilityMeta {
  try {
    const meta = JSON.parse(raw ?? '{}') as { c?: unknown; r?: unknown };
    return {
      c: typeof meta.c === 'string' ? meta.c : undefined,
      r: typeof meta.r === 'string' && meta.r.startsWith('http') ? meta.r : undefined,
    };
  } catch {
    return {};
  }
}
