/**
 * The custom_ids of careerbot's buttons. A follow-up or share button carries its question itself (base64url,
 * cut to a word-aligned prefix), so a click needs no stored state; Discord caps a custom_id at 100 characters.
 */
import { INTENT_IDS, type IntentId } from '../../src/ports.ts';

/** Prefix of follow-up button ids: `cb:ask:<intent|->:<base64url question>`. */
export const CUSTOM_ASK = 'cb:ask';
/** Prefix of the "Share to channel" button id: `cb:share:<base64url question>`. */
export const CUSTOM_SHARE = 'cb:share';
/** custom_id of a button that starts the viability questionnaire. */
export const CUSTOM_VIABILITY_START = 'cb:viability';

const MAX_CUSTOM_ID = 100;

/** base64url of the longest word-aligned prefix of `question` whose encoding fits in `room` characters. */
function encodeQuestion(question: string, room: number): string {
  const bytes = Math.floor((room * 3) / 4);
  // Every character takes at least one byte, so longer input can be cut before the exact (quadratic) trim.
  let chars = Array.from(question.toWellFormed().trim()).slice(0, bytes + 1);
  if (Buffer.byteLength(chars.join('')) > bytes) {
    while (Buffer.byteLength(chars.join('')) > bytes) chars.pop();
    // Prefer ending on a whole word, since the router reads words, unless that loses too much.
    const space = chars.lastIndexOf(' ');
    if (space > chars.length * 0.6) chars = chars.slice(0, space);
  }
  return Buffer.from(chars.join('').trimEnd()).toString('base64url');
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeQuestion(encoded: string): string | undefined {
  try {
    const question = STRICT_UTF8.decode(Buffer.from(encoded, 'base64url')).trim();
    return question || undefined;
  } catch {
    return undefined;
  }
}

/** The custom_id of a follow-up button; the question is truncated (to a prefix) so the id fits in 100 chars. */
export function encodeAsk(choice: { question: string; intent?: IntentId }): string {
  const head = `${CUSTOM_ASK}:${choice.intent ?? '-'}:`;
  return head + encodeQuestion(choice.question, MAX_CUSTOM_ID - head.length);
}

/** Reads a follow-up button id; undefined when it is not one of ours or its intent is unknown. */
export function decodeAsk(customId: string): { question: string; intent?: IntentId } | undefined {
  const match = /^cb:ask:([a-z_]+|-):([A-Za-z0-9_-]+)$/.exec(customId);
  if (!match?.[1] || !match[2]) return undefined;
  const intent = match[1] === '-' ? undefined : INTENT_IDS.find((i) => i === match[1]);
  if (match[1] !== '-' && !intent) return undefined;
  const question = decodeQuestion(match[2]);
  if (!question) return undefined;
  return intent ? { question, intent } : { question };
}

/** The custom_id of the "Share to channel" button, carrying the question to re-ask in the channel. */
export function encodeShare(question: string): string {
  const head = `${CUSTOM_SHARE}:`;
  return head + encodeQuestion(question, MAX_CUSTOM_ID - head.length);
}

/** Reads a share button id back into its question; undefined when it is not one of ours. */
export function decodeShare(customId: string): string | undefined {
  const match = /^cb:share:([A-Za-z0-9_-]+)$/.exec(customId);
  return match?.[1] ? decodeQuestion(match[1]) : undefined;
}
