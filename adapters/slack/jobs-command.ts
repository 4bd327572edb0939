/**
 * Slack's `/jobs`: this week's job digest privately (no argument), or `subscribe`, `unsubscribe` and
 * `status` for the channel it is run in. Acks first; the answer comes through `respond` (ephemeral).
 * What `/jobs` does is the core's (`bot.handle` with the command); the adapter only names the channel,
 * after checking here (`jobs-access.ts`) that the asker may change its subscription.
 */
import type { ChannelRef, CommandCall, Reply } from '../../src/ports.ts';
import { slackPlainText } from '../shared/mentions.ts';
import { accessCheckFailed, checkSlackAccess, type SlackAccessNeed } from './jobs-access.ts';
import { escapeMrkdwn, renderReply } from './render.ts';
import { type CommandArgs, type SlackListenerDeps, slackMessage } from './responder.ts';

/** Slack's placeholder channel names in slash-command payloads: not names to show. */
const PLACEHOLDER_NAMES = new Set(['directmessage', 'privategroup', 'mpdm']);

/** The rights each channel action needs; `status` only reads, and any other text is the core's to answer. */
const NEEDS: Record<string, SlackAccessNeed | 'none'> = {
  subscribe: 'manage_and_post',
  unsubscribe: 'manage',
  status: 'none',
};

/** Builds the `/jobs` listener body. */
export function createSlackJobsCommand({ bot, logger, work }: SlackListenerDeps) {
  /** The command for the core, with the channel named when the asker may act on it; or a refusal. */
  async function call({ command, client }: CommandArgs): Promise<CommandCall | Reply> {
    const text = slackPlainText(command.text);
    const need = NEEDS[text.trim().toLowerCase()];
    if (!need) return { name: 'jobs', text };
    if (need === 'none') {
      const channel: ChannelRef = {
        platform: 'slack',
        channelId: command.channel_id,
        workspaceId: command.team_id,
        ...(command.channel_name && !PLACEHOLDER_NAMES.has(command.channel_name) ? { name: command.channel_name } : {}),
      };
      return { name: 'jobs', text, channel };
    }
    const place = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    const access = await checkSlackAccess(client, place, need, logger);
    return access.ok ? { name: 'jobs', text, channel: access.channel } : access.refusal;
  }

  return async function jobs(args: CommandArgs): Promise<void> {
    await args.ack();
    await work.run(async () => {
      const { command } = args;
      // Reading the boards takes seconds: say so privately, then replace that note with the answer.
      let noted: Promise<boolean> | undefined;
      const onNote = (note: string) => {
        noted ??= args.respond({ response_type: 'ephemeral', text: escapeMrkdwn(note) }).then(
          () => true,
          (err: unknown) => {
            logger.warn({ err, channel: command.channel_id }, '/jobs progress note failed');
            return false;
          },
        );
      };
      let reply: Reply;
      try {
        const checked = await call(args);
        reply =
          'kind' in checked
            ? checked
            : await bot.handle(
                slackMessage({
                  id: command.trigger_id,
                  text: checked.text,
                  kind: 'command',
                  user: command.user_id,
                  channel: command.channel_id,
                  command: checked,
                }),
                { onNote },
              );
      } catch (err) {
        // Slack failed the rights check (an outage, not a refusal): the core cannot help with that.
        logger.error({ err, channel: command.channel_id }, '/jobs failed');
        reply = accessCheckFailed();
      }
      const replace = (await noted) === true;
      await args.respond({
        response_type: 'ephemeral',
        ...(replace ? { replace_original: true } : {}),
        ...renderReply(reply),
      });
    });
  };
}
