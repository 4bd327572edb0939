/**
 * Builds platform-neutral replies from knowledge entries. Every number a reply shows comes from a
 * knowledge-base fact (the loader enforces it for prose), and every fact carries its source and date.
 */
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Entry, Fact } from '../knowledge/schema.ts';
import type { RouteResult } from '../router/router.ts';
import { FACTOR_IDS, type IntentId, type Reply, type ReplyChoice, type ReplyFact } from '../types.ts';
import { type Ask, pickContent } from './pick.ts';

export type { Ask } from './pick.ts';

/** A fact as users see it: figure, source name and link, and its date. */
export function toReplyFact(kb: KnowledgeBase, entry: Entry, fact: Fact): ReplyFact {
  const source = kb.sources.get(fact.source);
  return {
    ref: `${entry.id}/${fact.id}`,
    text: fact.text,
    figure: fact.figure,
    source: source?.name ?? fact.source,
    sourceUrl: source?.url,
    asOf: fact.asOf,
    ...(fact.note ? { note: fact.note } : {}),
  };
}

function sourcesFooter(facts: ReplyFact[], kb: KnowledgeBase): string | undefined {
  if (facts.length === 0) return undefined;
  const seen = [...new Map(facts.map((f) => [`${f.source} (${f.asOf})`, true])).keys()];
  return `Sources: ${seen.join(' · ')} · knowledge base ${kb.version}`;
}

/** A choice that asks about another topic by its canonical question. */
export function topicChoice(kb: KnowledgeBase, intent: IntentId): ReplyChoice {
  const entry = kb.entries.get(intent);
  const title = entry?.title ?? intent;
  return { label: title, question: entry?.examples[0] ?? title, intent };
}

/**
 * The answer for one knowledge entry: the facts and advice that best fit the question (all of them when
 * it asks for all), the caveats to state first, and a choice that shows the rest when some were left out.
 */
export function answerReply(kb: KnowledgeBase, intent: IntentId, ask: Ask = {}): Reply {
  const entry = kb.entries.get(intent);
  if (!entry) return unsureReply(kb);
  const topic = intent !== 'help' && intent !== 'out_of_scope';
  const picked = topic
    ? pickContent(kb, entry, ask)
    : { facts: entry.facts, advice: entry.advice, notices: [], more: false };
  const facts = picked.facts.map((f) => toReplyFact(kb, entry, f));
  const choices: ReplyChoice[] = entry.followUps.map((f) => ({ label: f.label, question: f.question }));
  if (picked.more) choices.push({ label: 'All figures and advice', question: `All figures on ${entry.title}`, intent });
  return {
    kind: intent === 'help' ? 'help' : intent === 'out_of_scope' ? 'refusal' : 'answer',
    title: entry.title,
    // A direct first sentence when one fact answers the question's own words, then the topic's summary.
    body: 'lead' in picked && picked.lead ? `${picked.lead.text} ${entry.summary}` : entry.summary,
    facts,
    advice: picked.advice,
    choices,
    entryIds: [entry.id],
    footer: sourcesFooter(facts, kb),
    ...(picked.notices.length > 0 ? { notices: picked.notices } : {}),
  };
}

/** Asks which of two or three close topics the user meant; adapters render the choices as buttons. */
export function clarifyReply(kb: KnowledgeBase, ...intents: IntentId[]): Reply {
  const choices = [...new Set(intents)].slice(0, 3).map((i) => topicChoice(kb, i));
  const labels = choices.map((c) => `*${c.label}*`);
  const listed = labels.length > 1 ? `${labels.slice(0, -1).join(', ')} or ${labels.at(-1)}` : (labels[0] ?? '');
  return {
    kind: 'clarify',
    title: 'Which did you mean?',
    body: `I can answer that from ${choices.length === 3 ? 'three' : 'two'} angles: ${listed}. Pick one, or rephrase your question.`,
    facts: [],
    advice: [],
    choices,
    entryIds: [],
  };
}

/** Says plainly what the bot can help with, offering the closest topics when there are any. */
export function unsureReply(kb: KnowledgeBase, route?: RouteResult): Reply {
  const topics = FACTOR_IDS.map((id) => kb.entries.get(id)?.title ?? id).join(', ');
  const near = route
    ? [route.intent, ...route.alternatives.map((a) => a.intent)].filter(
        (i): i is IntentId => i !== 'out_of_scope' && i !== 'help',
      )
    : [];
  return {
    kind: 'clarify',
    title: "I'm not sure I understood",
    body: `I answer questions about a career in prompt engineering and the AI-interaction roles around it: ${topics}. You can also run /viability for a personal check.`,
    facts: [],
    advice: [],
    choices: [...new Set(near)].slice(0, 2).map((i) => topicChoice(kb, i)),
    entryIds: [],
  };
}

/** A short note for input the router cannot use (empty, emoji-only). */
export function noticeReply(title: string, body: string, kb: KnowledgeBase): Reply {
  return {
    kind: 'notice',
    title,
    body,
    facts: [],
    advice: [],
    choices: (['compensation', 'barriers', 'viability'] as const).map((i) => topicChoice(kb, i)),
    entryIds: [],
  };
}

/** Builds the reply the router's decision calls for; `ask` lets the answer fit the question's words. */
export function replyForRoute(kb: KnowledgeBase, route: RouteResult, ask: Ask = {}): Reply {
  switch (route.decision) {
    case 'answer':
    case 'refuse': {
      const reply = answerReply(kb, route.intent, ask);
      if (route.truncated) {
        reply.footer = [reply.footer, 'Your message was very long, so I read its beginning and its end.']
          .filter(Boolean)
          .join(' · ');
      }
      return reply;
    }
    case 'clarify': {
      const near = [route.intent, ...route.alternatives.map((a) => a.intent)].filter(
        (i): i is IntentId => i !== 'out_of_scope' && i !== 'help',
      );
      const [first, ...others] = [...new Set(near)];
      if (!first) return unsureReply(kb, route);
      if (others.length === 0) return answerReply(kb, first, ask);
      // A confident pair is offered as two choices; an unsure pick gets a third, closest topic too.
      return clarifyReply(kb, first, ...others.slice(0, route.reason === 'ambiguous' ? 1 : 2));
    }
    case 'unsure':
      if (route.reason === 'empty') {
        return noticeReply('Ask me anything about the career', 'Your message was empty. Try one of these:', kb);
      }
      if (route.reason === 'no_words') {
        return noticeReply(
          'I read words, not pictures',
          'I could not find a question in that message. Try one of these:',
          kb,
        );
      }
      return unsureReply(kb, route);
  }
}
