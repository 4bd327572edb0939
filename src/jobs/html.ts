/**
 * Job descriptions arrive as HTML, and Greenhouse escapes that HTML once more (`&lt;p&gt;`). Two readings:
 * `htmlToPlain` is a real conversion for text a person or the classifier reads; `scanText` is a cheap
 * approximation for searching a description for a pay range, which runs on every in-scope posting.
 */
import { decodeHTML } from 'entities';
import { compile } from 'html-to-text';
import { aiMentions, hasAiContext } from './families.ts';

const convert = compile({
  wordwrap: false,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h1', options: { uppercase: false } },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
  ],
});

/** Converts description HTML to plain text; `escaped` decodes entity-escaped HTML (Greenhouse) exactly once first. */
export function htmlToPlain(html: string, escaped = false): string {
  if (!html) return '';
  return convert(escaped ? decodeHTML(html) : html);
}

/** Tags dropped and entities decoded, for pattern searches only (no layout, tolerant of broken markup). */
export function scanText(html: string, escaped = false): string {
  if (!html) return '';
  const markup = escaped ? decodeHTML(html) : html;
  return decodeHTML(markup.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
}

const ATS_LINK =
  /https?:\/\/(?:(?:job-)?boards(?:\.eu)?\.greenhouse\.io|jobs(?:\.eu)?\.lever\.co|jobs\.ashbyhq\.com)\/[^\s"'<>]+/gi;

/** ATS posting URLs an aggregator's description links to, so the same job on an ATS board can be matched. */
export function findAtsLinks(html: string): string[] {
  if (!html || !/greenhouse\.io|lever\.co|ashbyhq\.com/i.test(html)) return [];
  return [...new Set((html.match(ATS_LINK) ?? []).map((url) => decodeHTML(url)))];
}

/**
 * True when a description (HTML, entity-escaped if `escaped`) says the job trains or judges AI. Only the stretch
 * around each mention of AI is converted to text: the phrase sits within a sentence of it, and converting
 * whole descriptions of every generic-titled posting is what would make a large board slow.
 */
export function describesAiWork(html: string, escaped = false): boolean {
  let covered = -1;
  for (const at of aiMentions(html)) {
    if (at < covered) continue;
    const from = Math.max(0, at - 600);
    covered = at + 300;
    if (hasAiContext(htmlToPlain(html.slice(from, covered), escaped))) return true;
  }
  return false;
}
