/**
 * Discord markdown escaping for words from outside (job-board titles and company names), which must show as
 * typed: Discord renders markdown in embed descriptions, masked links `[text](url)` included.
 */

/**
 * Outside words (a literal span: a board's title or company name) for Discord markdown: every character that
 * can start formatting, a masked link `[text](url)`, a quote, a heading or a `<…>` tag is backslash-escaped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\*_~`|>#[\]()<]/g, '\\$&');
}
