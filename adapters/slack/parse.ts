/**
 * Turns Slack message text into the core's plain text: mentions and links become readable words and
 * HTML entities are decoded. The core never sees Slack markup.
 */

/** Plain text of a Slack message, without the bot's own mention. */
export function plainText(text: string | undefined, botUserId?: string): string {
  return (text ?? '')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, (_m, id: string) => (id === botUserId ? ' ' : ' someone '))
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, (_m, name: string) => ` #${name} `)
    .replace(/<![^>]*>/g, ' ')
    .replace(/<((?:https?|mailto):[^|>]+)\|([^>]+)>/g, (_m, _url: string, label: string) => label)
    .replace(/<((?:https?|mailto):[^>]+)>/g, (_m, url: string) => url)
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when a message event comes from a bot (ours or another) or is an edit, join or similar. */
export function isBotOrSystemMessage(event: { bot_id?: string; subtype?: string; user?: string }): boolean {
  return Boolean(event.bot_id) || (event.subtype !== undefined && event.subtype !== 'file_share') || !event.user;
}
