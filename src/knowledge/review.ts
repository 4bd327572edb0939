/**
 * Review dates: an entry may say when its figures should be re-checked (`reviewBy`). Once that date has
 * passed, `kb check` names the entry and how many facts wait for a look; the knowledge base stays valid.
 */
import { reviewDue } from '../answers/staleness.ts';
import type { KnowledgeBase } from './loader.ts';

/** One line per entry whose review date has passed at `now`. */
export function reviewWarnings(kb: KnowledgeBase, now: Date): string[] {
  return [...kb.entries.values()]
    .filter((e) => reviewDue(e.reviewBy, now) && e.facts.length > 0)
    .map(
      (e) =>
        `${e.id}: review date ${e.reviewBy} has passed; its ${e.facts.length} fact${e.facts.length === 1 ? '' : 's'} (${e.facts.map((f) => f.id).join(', ')}) may be out of date`,
    );
}
