/**
 * Interactive listeners: /careers (`careers-command.ts`), /viability and its modal, /jobs,
 * follow-up and topic buttons, and App Home. Each acks first; the slow work happens after the ack.
 * Commands and buttons each go through one dispatching listener: Bolt runs every listener's matchers on
 * every request, so fewer listeners mean faster acks under load (`npm run bench`).
 */

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  SlackCommandMiddlewareArgs,
} from '@slack/bolt';
import { INTENT_IDS, type IntentId } from '../../src/ports.ts';
import { createSlackCareersCommand } from './careers-command.ts';
import { createSlackJobsCommand } from './jobs-command.ts';
import { ACTION_ASK, ACTION_SHARE, ACTION_VIABILITY, renderReply } from './render-blocks.ts';
import { readViabilityState, VIABILITY_CALLBACK } from './render-views.ts';
import type { ListenerDeps, SlackHelpers } from './slack-helpers.ts';

/** Registers commands, the modal, buttons and App Home. */
export function registerInteractiveListeners(
  app: App,
  { ctx, bot, logger }: ListenerDeps,
  helpers: SlackHelpers,
): void {
  const { kb } = ctx;
  const { postReply, progress, openViability, publishHome, message, later } = helpers;

  async function viability({ command, ack, client, respond }: CommandArgs) {
    await ack();
    try {
      await openViability(client, command.trigger_id, { c: command.channel_id, r: command.response_url });
    } catch (err) {
      logger.warn({ err }, 'could not open the viability modal');
      await respond({
        response_type: 'ephemeral',
        text: 'I could not open the questionnaire just now. Please run /viability again.',
      });
    }
  }

  const jobs = createSlackJobsCommand({ desk: bot.jobs, logger, later });
  const careers = createSlackCareersCommand({ bot, logger, later, message });
  app.command(/^\/(careers|viability|jobs)$/, async (args) => {
    const name = args.command.command;
    await (name === '/viability' ? viability(args) : name === '/jobs' ? jobs(args) : careers(args));
  });

  app.view(VIABILITY_CALLBACK, async ({ ack, view, body, client }) => {
    const { answers, sendDm, errors } = readViabilityState(kb.rubric, view.state.values);
    if (Object.keys(errors).length > 0) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    await later(async () => {
      const user = body.user.id;
      const { reply } = await bot.completeViability(`slack:${user}`, answers);
      const rendered = renderReply(reply);
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
        await publishHome(client, user);
      } catch (err) {
        logger.error({ err }, 'could not deliver the viability result');
      }
    });
  });

  async function ask({ ack, body, action, client, respond }: ButtonArgs) {
    await ack();
    const choice = parseChoice(action.value);
    if (choice.q === '/viability') {
      // A trigger_id lasts 3 seconds: open the modal now, never behind queued answers.
      await openViability(client, body.trigger_id, { c: body.channel?.id }).catch((err) =>
        logger.warn({ err }, 'modal failed'),
      );
      return;
    }
    await later(async (release) => {
      const thread = body.message?.thread_ts ?? body.message?.ts;
      const inChannel = !body.container?.is_ephemeral && body.channel;
      // A public answer can show progress in a placeholder; a private one arrives once, via respond.
      const shown = inChannel ? progress(client, { channel: inChannel.id, thread_ts: thread }, release) : undefined;
      const reply =
        choice.i && !choice.q.startsWith('/')
          ? bot.answerIntent(choice.i, choice.q)
          : await bot.handle(
              message({
                id: action.action_ts,
                text: choice.q,
                kind: 'direct',
                user: body.user.id,
                channel: body.channel?.id ?? body.user.id,
                thread,
              }),
              shown ? { onProgress: shown.onProgress } : {},
            );
      if (!inChannel) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderReply(reply, { share: true, question: choice.q }),
        });
      } else {
        await postReply(client, { channel: inChannel.id, thread_ts: thread }, reply, shown);
      }
    });
  }

  async function share({ ack, action, body, respond }: ButtonArgs) {
    await ack();
    await later(async () => {
      const reply = await bot.handle(
        message({
          id: action.action_ts,
          text: action.value ?? '',
          kind: 'command',
          user: body.user.id,
          channel: body.channel?.id ?? body.user.id,
        }),
      );
      // Slack documents delete_original as a message of its own: post the public copy, then remove the private one.
      await respond({ response_type: 'in_channel', ...renderReply(reply) });
      await respond({ delete_original: true });
    });
  }

  async function startViability({ ack, body, client }: ButtonArgs) {
    await ack();
    await openViability(client, body.trigger_id, {}).catch((err) => logger.warn({ err }, 'modal failed'));
  }

  const askPattern = new RegExp(`^${ACTION_ASK}_\\d+$`);
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^careerbot_/ }, async (args) => {
    const id = args.action.action_id;
    if (id === ACTION_SHARE) await share(args);
    else if (id === ACTION_VIABILITY) await startViability(args);
    else if (askPattern.test(id)) await ask(args);
    else await args.ack();
  });

  app.event('app_home_opened', async ({ event, client }) => {
    if (event.tab !== 'home') return;
    await later(() => publishHome(client, event.user)).catch((err) =>
      logger.warn({ err }, 'could not publish App Home'),
    );
  });
}

function parseMeta(raw: string | undefined): { c?: string; r?: string } {
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

function parseChoice(raw: string | undefined): { q: string; i?: IntentId } {
  try {
    const value = JSON.parse(raw ?? '') as { q?: unknown; i?: unknown };
    const intent = INTENT_IDS.find((id) => id === value.i);
    return { q: typeof value.q === 'string' ? value.q.slice(0, 2_000) : '', i: intent };
  } catch {
    return { q: '' };
  }
}
