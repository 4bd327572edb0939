/**
 * The digest's footer line: which sources answered (and why the others did not), how old a reused collection
 * is, and the credit the aggregators' terms ask for, named only when their listings are shown.
 */
import { literal } from '../literal.ts';
import type { Posting } from './posting.ts';
import type { MarketStats } from './stats.ts';

/** Aggregators whose terms ask for a link back and their name beside each listing. */
export const AGGREGATOR_NAMES: Record<string, string> = { remotive: 'Remotive', himalayas: 'Himalayas' };

/** How long ago, in words, for the footer: "12 min", "3 h", "2 days". */
function age(ms: number): string {
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

/** The footer: which sources answered, how old the figures are, and the credits the aggregators' terms ask for. */
export function footerLine(
  stats: MarketStats,
  notable: readonly Pick<Posting, 'sourceType'>[],
  collectedAt: string | undefined,
): string {
  const failed = stats.sources.filter((s) => !s.ok);
  const ageMs = collectedAt ? Date.parse(stats.generatedAt) - Date.parse(collectedAt) : 0;
  // Only aggregators whose listings are shown are credited; naming one that supplied nothing would mislead.
  const credited = [...new Set(notable.map((n) => AGGREGATOR_NAMES[n.sourceType]).filter(Boolean))];
  return [
    `${stats.sources.length - failed.length} of ${stats.sources.length} sources answered`,
    failed.length > 0 ? `failed: ${failed.map((s) => `${s.id} (${literal(s.error ?? 'error')})`).join(', ')}` : '',
    ageMs >= 60_000 ? `figures collected ${age(ageMs)} ago` : '',
    credited.length > 0
      ? `listings from ${credited.join(' and ')} link back to ${credited.length === 1 ? 'it' : 'them'}`
      : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
