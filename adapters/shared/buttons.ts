/**
 * Which of a reply's choices become buttons, the same on every platform: labels are neutralised and
 * trimmed, a blank label falls back to the question (Slack refuses a whole message over one empty label,
 * Discord an empty one), a choice with neither is dropped, a choice repeating an earlier one is dropped
 * (Discord rejects equal custom ids; an equal choice would ask the same question anyway), and at most
 * `max` are kept. On a clarifying reply the first button is the primary one.
 */
import { neutraliseMentions } from '../../src/input.ts';
import type { Reply, ReplyChoice } from '../../src/ports.ts';

/** A choice ready to be drawn as a button. */
export interface ButtonChoice extends ReplyChoice {
  primary: boolean;
}

/** The buttons for a reply's choices. */
export function buttonChoices(reply: Pick<Reply, 'kind' | 'choices'>, max: number): ButtonChoice[] {
  const seen = new Set<string>();
  const buttons: ButtonChoice[] = [];
  for (const choice of reply.choices) {
    const label = neutraliseMentions(choice.label).trim() || neutraliseMentions(choice.question).trim();
    const key = `${choice.intent ?? ''}\u0000${choice.question}`;
    if (!label || seen.has(key) || buttons.length >= max) continue;
    seen.add(key);
    buttons.push({ ...choice, label, primary: reply.kind === 'clarify' && buttons.length === 0 });
  }
  return buttons;
}
