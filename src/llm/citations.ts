/**
 * The citation format the model must use, and how citations become what users see. A citation is
 * `[entry-id]` or `[entry-id/fact-id]`; several may share brackets: `[compensation/listings-range, demand]`.
 * Only entries given to the model may be cited, and a fact id must exist in its entry.
 */
import { toReplyFact } from '../answers/compose.ts';
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Entry } from '../knowledge/schema.ts';
import type { ReplyFact } from '../types.ts';

const SLUG = '[a-z0-9]+(?:[-_][a-z0-9]+)*';
const REF = `${SLUG}(?:/${SLUG})?`;
/** One bracketed group of refs. Uppercase words in brackets ("[Note]") are not citations. */
const MARKER = new RegExp(`\\[\\s*(${REF}(?:\\s*[,;]\\s*${REF})*)\\s*\\]`, 'g');
const MAX_FACTS = 4;

/** One parsed reference. */
export interface Citation {
  entryId: string;
  factId?: string;
}

/** What the citations in an answer resolve to. */
export interface ResolvedCitations {
  /** Cited entries, in the order they were given to the model. */
  entries: Entry[];
  facts: ReplyFact[];
  /** Refs that name no given entry or no fact of it. */
  unknown: string[];
}

/** Every reference in `text`, in order. */
export function parseCitations(text: string): Citation[] {
  return [...text.matchAll(MARKER)].flatMap((m) =>
    (m[1] ?? '').split(/[,;]/).map((ref) => {
      const [entryId = '', factId] = ref.trim().split('/');
      return factId ? { entryId, factId } : { entryId };
    }),
  );
}

/**
 * Checks citations against the entries the model was given and picks the facts to show: every cited
 * fact, then for an entry cited as a whole the first of its facts, so each cited entry shows a source.
 */
export function resolveCitations(kb: KnowledgeBase, given: readonly Entry[], text: string): ResolvedCitations {
  const byId = new Map(given.map((e) => [e.id, e]));
  const unknown: string[] = [];
  const cited = new Set<string>();
  const factRefs: { entry: Entry; factId: string }[] = [];
  for (const c of parseCitations(text)) {
    const entry = byId.get(c.entryId);
    if (!entry || (c.factId && !entry.facts.some((f) => f.id === c.factId))) {
      unknown.push(c.factId ? `${c.entryId}/${c.factId}` : c.entryId);
      continue;
    }
    cited.add(entry.id);
    if (c.factId) factRefs.push({ entry, factId: c.factId });
  }
  const facts = new Map<string, ReplyFact>();
  for (const { entry, factId } of factRefs) {
    const fact = entry.facts.find((f) => f.id === factId);
    if (fact) facts.set(`${entry.id}/${fact.id}`, toReplyFact(kb, entry, fact));
  }
  const entries = given.filter((e) => cited.has(e.id));
  for (const entry of entries) {
    const first = entry.facts[0];
    if (first && !factRefs.some((r) => r.entry.id === entry.id)) {
      facts.set(`${entry.id}/${first.id}`, toReplyFact(kb, entry, first));
    }
  }
  return { entries, facts: [...facts.values()].slice(0, MAX_FACTS), unknown: [...new Set(unknown)] };
}

/** The short name of an entry for inline citations: its title up to the colon. */
function shortTitle(entry: Entry): string {
  return entry.title.split(':')[0]?.trim() || entry.id;
}

/**
 * Replaces citation markers with readable labels: "(Compensation)" for an entry, "(Indeed listings,
 * 2023-06)" for a fact. Refs that resolve to nothing are dropped from the label.
 */
export function renderCitations(kb: KnowledgeBase, given: readonly Entry[], text: string): string {
  const byId = new Map(given.map((e) => [e.id, e]));
  const label = (c: Citation): string | undefined => {
    const entry = byId.get(c.entryId);
    if (!entry) return undefined;
    if (!c.factId) return shortTitle(entry);
    const fact = entry.facts.find((f) => f.id === c.factId);
    if (!fact) return undefined;
    return `${kb.sources.get(fact.source)?.name ?? fact.source}, ${fact.asOf}`;
  };
  return text
    .replace(MARKER, (marker) => {
      const labels = [
        ...new Set(
          parseCitations(marker)
            .map(label)
            .filter((l) => l !== undefined),
        ),
      ];
      return labels.length > 0 ? `(${labels.join('; ')})` : '';
    })
    .replace(/[ \t]+([.,;:!?])/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
}
