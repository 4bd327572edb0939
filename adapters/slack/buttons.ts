/**
 * Button picks: follow-up and topic buttons (a picked `choice` for `bot.handle`), "Share to channel" on a
 * private answer, and the button that opens the viability modal. One listener takes every careerbot
 * action (Bolt runs every listener's matchers on every request, so fewer listeners mean faster acks).
 * Each acks first; the slow work happens after the ack.
 */
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { type Bot, INTENT_IDS, type ReplyChoice } from '../../src/ports.ts';
import { ACTION_ASK, ACTION_SHARE, ACTION_VIABILITY, readButtonValue, renderReply } from './render.ts';
import { type SlackListenerDeps, type SlackResponder, slackMessage } from './responder.ts';
import { openViability } from './viability.ts';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Slack caps a button value at 2,000 characters; a longer question was not written by us. */
const MAX_QUESTION = 2_000;

/** The picked choice in a button value; a tampered value becomes an empty question, answered like any other. */
function pickedChoice(raw: string | undefined): ReplyChoice {
  const value = readButtonValue(raw);
  // An intent the core does not know is dropped: the question is then asked as text.
  const intent = INTENT_IDS.find((id) => id === value?.i);
  return { label: '', question: value?.q.slice(0, MAX_QUESTION) ?? '', ...(intent ? { intent } : {}) };
}

/** Whether a choice asks for a command with a form (`/viability`): the platform's form opens instead. */
function asksForForm(bot: Bot, question: string): boolean {
  const name = /^\/([\w-]+)\s*$/.exec(question.trim())?.[1]?.toLowerCase();
  return bot.commands.some((c) => c.name === name && c.form);
}

/** Registers the one button listener. */
export function registerButtons(app: App, { bot, logger, work }: SlackListenerDeps, responder: SlackResponder): void {
  const { postReply, progress } = responder;
  const modalFailed = (err: unknown) => logger.warn({ err }, 'modal failed');

  async function ask({ ack, body, action, client, respond }: ButtonArgs) {
    await ack();
    const choice = pickedChoice(action.value);
    if (asksForForm(bot, choice.question)) {
      // A trigger_id lasts 3 seconds: open the modal now, never behind queued answers.
      await openViability(bot, client, body.trigger_id, { c: body.channel?.id }).catch(modalFailed);
      return;
    }
    await work.run(async (release) => {
      const thread = body.message?.thread_ts ?? body.message?.ts;
      const inChannel = !body.container?.is_ephemeral && body.channel;
      // A public answer can show progress in a placeholder; a private one arrives once, via respond.
      const shown = inChannel ? progress(client, { channel: inChannel.id, thread_ts: thread }, release) : undefined;
      const reply = await bot.handle(
        slackMessage({
          id: action.action_ts,
          text: choice.question,
          kind: 'direct',
          user: body.user.id,
          channel: body.channel?.id ?? body.user.id,
          thread,
          choice,
        }),
        shown ? { onProgress: shown.onProgress } : {},
      );
      if (!inChannel) {
        await respond({
          response_type: 'ephemeral',
          replace_original: false,
          ...renderReply(reply, { share: true, question: choice.question }),
        });
      } else {
        await postReply(client, { channel: inChannel.id, thread_ts: thread }, reply, shown);
      }
    });
  }

  async function share({ ack, action, body, respond }: ButtonArgs) {
    await ack();
    await work.run(async () => {
      const reply = await bot.handle(
        slackMessage({
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
    await openViability(bot, client, body.trigger_id, {}).catch(modalFailed);
  }

  const askPattern = new RegExp(`^${ACTION_ASK}_\\d+$`);
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^careerbot_/ }, async (args) => {
    const id = args.action.action_id;
    if (id === ACTION_SHARE) await share(args);
    else if (id === ACTION_VIABILITY) await startViability(args);
    else if (askPattern.test(id)) await ask(args);
    else await args.ack();
  });
}
