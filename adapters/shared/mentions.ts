/**
 * Mentions, both ways. Coming in, platform markup becomes the plain words the core reads (Slack's
 * `<@U1>`, `<#C1|name>`, links and entities; Discord's `<@123>`, `<#1>`, `@everyone`). Going out, anything
 * a user or a model wrote is neutralised by the core's `neutraliseMentions` before it is shown.
 */
export { neutraliseMentions } from '../../src/input.ts';

/** Plain text of a Slack message: the bot's own mention removed, other people become "someone". */
export function slackPlainText(text: string | undefined, botUserId?: string): string {
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

/** Plain text of a Discord message: user, role and channel mentions and @everyone/@here removed. */
export function discordPlainText(content: string): string {
  return content
    .replace(/<@[!&]?\d+>/g, ' ')
    .replace(/<#\d+>/g, ' ')
    .replace(/@(everyone|here)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
