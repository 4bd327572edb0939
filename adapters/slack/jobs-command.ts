/**
 * Slack's `/jobs`: this week's job digest privately (no argument), or `subscribe`, `unsubscribe` and
 * `status` for the channel it is run in. Acks first; the answer comes through `respond` (ephemeral).
 * Who may change a subscription is checked here (`jobs-access.ts`) before the core is called.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { ChannelRef, JobsDesk } from '../../src/ports.ts';
import type { Logger } from '../../src/logger.ts';
import type { Reply } from '../../src/ports.ts';
import { checkSlackAccess, refusal } from './jobs-access.ts';
import { plainText } from './parse.ts';
import { escapeMrkdwn, renderReply } from './render-blocks.ts';

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;

/** Slack's placeholder channel names in slash-command payloads: not names to show. */
const PLACEHOLDER_NAMES = new Set(['directmessage', 'privategroup', 'mpdm']);

function usage(): Reply {
  return {
    ...refusal(
      'How to use /jobs',
      '`/jobs` shows this week’s job digest (only to you).\n`/jobs subscribe` posts it in this channel every week.\n`/jobs unsubscribe` stops that.\n`/jobs status` shows the schedule and this channel’s subscription.',
    ),
    kind: 'help',
  };
}

function failed(): Reply {
  return {
    ...refusal('Something went wrong on my side', 'I could not finish that. Please try `/jobs` again in a moment.'),
    kind: 'error',
  };
}

/** What `/jobs` needs: the core's desk, a logger, and the work queue that runs after the ack. */
export interface SlackJobsDeps {
  desk: JobsDesk;
  logger: Logger;
  later: (work: () => Promise<void>) => Promise<void>;
}

/** Builds the `/jobs` listener body. */
export function createSlackJobsCommand({ desk, logger, later }: SlackJobsDeps) {
  async function answer({ command, client }: CommandArgs, onCollecting: (note: string) => void): Promise<Reply> {
    const action = plainText(command.text).trim().toLowerCase();
    const place = { teamId: command.team_id, channelId: command.channel_id, userId: command.user_id };
    switch (action) {
      case '':
      case 'digest':
        return desk.digest({ onCollecting });
      case 'subscribe':
      case 'unsubscribe': {
        const access = await checkSlackAccess(
          client,
          place,
          action === 'subscribe' ? 'manage_and_post' : 'manage',
          logger,
        );
        if (!access.ok) return access.refusal;
        return action === 'subscribe'
          ? desk.subscribe(access.channel, command.user_id)
          : desk.unsubscribe(access.channel, command.user_id);
      }
      case 'status': {
        const channel: ChannelRef = {
          platform: 'slack',
          channelId: command.channel_id,
          workspaceId: command.team_id,
          ...(command.channel_name && !PLACEHOLDER_NAMES.has(command.channel_name)
            ? { name: command.channel_name }
            : {}),
        };
        return desk.status(channel);
      }
      default:
        return usage();
    }
  }

  return async function jobs(args: CommandArgs): Promise<void> {
    await args.ack();
    await later(async () => {
      // Reading the boards takes seconds: say so privately, then replace that note with the answer.
      let noted: Promise<boolean> | undefined;
      const onCollecting = (note: string) => {
        noted ??= args.respond({ response_type: 'ephemeral', text: escapeMrkdwn(note) }).then(
          () => true,
          (err: unknown) => {
            logger.warn({ err, channel: args.command.channel_id }, '/jobs progress note failed');
            return false;
          },
        );
      };
      const reply = await answer(args, onCollecting).catch((err: unknown) => {
        logger.error({ err, channel: args.command.channel_id }, '/jobs failed');
        return failed();
      });
      const replace = (await noted) === true;
      await args.respond({
        response_type: 'ephemeral',
        ...(replace ? { replace_original: true } : {}),
        ...renderReply(reply),
      });
    });
  };
}
