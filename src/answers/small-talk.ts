/**
 * Greetings, thanks and goodbyes get a line or two instead of the full help. A message made only of
 * such words asks nothing, yet the router (trained on topics) sends it to help or back to the last topic,
 * and the LLM layer would take it as a follow-up. Platform-neutral: every adapter shows the same reply.
 */
import { tokenise } from '../router/text.ts';
import type { Reply } from '../types.ts';

type SmallTalk = 'thanks' | 'bye' | 'greeting' | 'ack';

const KINDS: Record<SmallTalk, string> = {
  thanks: 'thanks thank thx ty tysm cheers ta appreciate appreciated',
  bye: 'bye goodbye byebye cya later',
  greeting: 'hi hello hey heya hiya howdy yo greetings morning afternoon evening',
  ack: 'ok okay k great cool nice awesome perfect brilliant excellent gotcha understood',
};

/** Words that may come with small talk but say nothing by themselves ("thank you so much", "good morning"). */
const FILLER = new Set(
  'you u a lot so much very many good again there all that this it for the bot careerbot got see'.split(' '),
);

/** Which small-talk word each token is; checked in this order, so "ok thanks" is thanks. */
const ORDER: SmallTalk[] = ['thanks', 'bye', 'greeting', 'ack'];
const WORDS = new Map(ORDER.flatMap((kind) => KINDS[kind].split(' ').map((w) => [w, kind] as const)));

const MAX_TOKENS = 6;

const REPLIES: Record<SmallTalk, { title: string; body: string }> = {
  greeting: {
    title: 'Hello!',
    body: 'Ask me anything about a career in prompt engineering, such as pay or the skills it takes. Type "help" to see everything I can do.',
  },
  thanks: {
    title: "You're welcome",
    body: 'Ask another question any time, or type "help" to see everything I can do.',
  },
  bye: { title: 'Goodbye', body: 'Good luck with your career plans. Come back any time.' },
  ack: { title: 'Anything else?', body: 'Ask another question, or type "help" to see everything I can do.' },
};

/** What kind of small talk `text` is, or undefined when it says or asks anything more. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const tokens = tokenise(text);
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return undefined;
  const kinds = new Set<SmallTalk>();
  for (const token of tokens) {
    const kind = WORDS.get(token);
    if (kind) kinds.add(kind);
    else if (!FILLER.has(token)) return undefined;
  }
  return ORDER.find((kind) => kinds.has(kind));
}

/** A short reply to a greeting, thanks or goodbye; undefined for anything else. */
export function smallTalkReply(text: string): Reply | undefined {
  const kind = smallTalkOf(text);
  if (!kind) return undefined;
  return { kind: 'notice', ...REPLIES[kind], facts: [], advice: [], choices: [], entryIds: [] };
}
