/** Builds the core's `IncomingMessage` from the fields every platform payload has. */
import type { CommandCall, IncomingMessage, ReplyChoice } from '../../src/ports.ts';

/** The fields an adapter reads off a platform event. */
export interface IncomingFields {
  id: string;
  text: string;
  kind: IncomingMessage['kind'];
  user: string;
  channel: string;
  thread?: string;
  /** A slash command the platform parsed. */
  command?: CommandCall;
  /** A button or menu pick. */
  choice?: ReplyChoice;
}

/** A platform-neutral message; `platform` is only a label for logs and per-user keys. */
export function createIncoming(platform: string, fields: IncomingFields): IncomingMessage {
  return {
    id: fields.id,
    platform,
    text: fields.text,
    author: { id: fields.user },
    conversation: { id: fields.channel, threadId: fields.thread },
    kind: fields.kind,
    ...(fields.command ? { command: fields.command } : {}),
    ...(fields.choice ? { choice: fields.choice } : {}),
  };
}
