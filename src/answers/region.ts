/**
 * Countries and regions a question may name, and which one a fact's figure describes, so an answer can
 * say where its figures come from when someone asks about another country.
 */
import type { KnowledgeBase } from '../knowledge/loader.ts';
import type { Fact } from '../knowledge/schema.ts';
import { normalise } from '../router/text.ts';

/** A country or region: its id (as written in a fact's `region`), how to name it, and the words that name it. */
interface Region {
  id: string;
  name: string;
  words: string[];
  /** Wider regions it belongs to: figures for those are closer than figures from elsewhere. */
  within?: string[];
}

// "US" is matched case-sensitively in the raw text below: lower-case "us" is a pronoun.
const REGIONS: Region[] = [
  { id: 'US', name: 'the US', words: ['usa', 'u s a', 'united states', 'america', 'american', 'americans'] },
  {
    id: 'UK',
    name: 'the UK',
    words: ['uk', 'u k', 'united kingdom', 'britain', 'british', 'england', 'scotland', 'wales', 'london'],
    within: ['Europe'],
  },
  { id: 'Canada', name: 'Canada', words: ['canada', 'canadian'] },
  { id: 'India', name: 'India', words: ['india', 'indian', 'bangalore', 'bengaluru', 'hyderabad', 'mumbai', 'delhi'] },
  { id: 'Germany', name: 'Germany', words: ['germany', 'german', 'deutschland', 'berlin'], within: ['EU', 'Europe'] },
  { id: 'France', name: 'France', words: ['france', 'paris'], within: ['EU', 'Europe'] },
  { id: 'Spain', name: 'Spain', words: ['spain', 'espana', 'madrid'], within: ['EU', 'Europe'] },
  { id: 'Italy', name: 'Italy', words: ['italy', 'italia'], within: ['EU', 'Europe'] },
  { id: 'Netherlands', name: 'the Netherlands', words: ['netherlands', 'holland', 'dutch'], within: ['EU', 'Europe'] },
  { id: 'Ireland', name: 'Ireland', words: ['ireland', 'dublin'], within: ['EU', 'Europe'] },
  { id: 'Poland', name: 'Poland', words: ['poland', 'polska'], within: ['EU', 'Europe'] },
  { id: 'Portugal', name: 'Portugal', words: ['portugal', 'lisbon'], within: ['EU', 'Europe'] },
  { id: 'EU', name: 'the EU', words: ['eu', 'european union'], within: ['Europe'] },
  { id: 'Europe', name: 'Europe', words: ['europe', 'european', 'europa'] },
  { id: 'Philippines', name: 'the Philippines', words: ['philippines', 'filipino', 'filipina', 'manila'] },
  { id: 'Nigeria', name: 'Nigeria', words: ['nigeria', 'nigerian', 'lagos'], within: ['Africa'] },
  { id: 'Kenya', name: 'Kenya', words: ['kenya', 'kenyan', 'nairobi'], within: ['Africa'] },
  { id: 'South Africa', name: 'South Africa', words: ['south africa', 'south african'], within: ['Africa'] },
  { id: 'Egypt', name: 'Egypt', words: ['egypt', 'egyptian', 'cairo'], within: ['Africa'] },
  { id: 'Africa', name: 'Africa', words: ['africa', 'african'] },
  { id: 'Brazil', name: 'Brazil', words: ['brazil', 'brasil', 'brazilian'], within: ['Latin America'] },
  { id: 'Mexico', name: 'Mexico', words: ['mexico', 'mexican'], within: ['Latin America'] },
  { id: 'Argentina', name: 'Argentina', words: ['argentina', 'argentinian'], within: ['Latin America'] },
  { id: 'Colombia', name: 'Colombia', words: ['colombia', 'colombian'], within: ['Latin America'] },
  { id: 'Latin America', name: 'Latin America', words: ['latin america', 'latam'] },
  { id: 'Australia', name: 'Australia', words: ['australia', 'australian', 'sydney', 'melbourne'] },
  { id: 'Pakistan', name: 'Pakistan', words: ['pakistan', 'pakistani', 'karachi', 'lahore'] },
  { id: 'Bangladesh', name: 'Bangladesh', words: ['bangladesh', 'bangladeshi', 'dhaka'] },
  { id: 'Indonesia', name: 'Indonesia', words: ['indonesia', 'indonesian', 'jakarta'] },
  { id: 'Vietnam', name: 'Vietnam', words: ['vietnam', 'vietnamese'] },
  { id: 'Singapore', name: 'Singapore', words: ['singapore'] },
  { id: 'Japan', name: 'Japan', words: ['japan', 'tokyo'] },
  { id: 'China', name: 'China', words: ['china', 'chinese', 'beijing', 'shanghai'] },
  { id: 'global', name: 'worldwide', words: ['worldwide', 'global', 'globally', 'world wide'] },
];

const BY_ID = new Map(REGIONS.map((r) => [r.id.toLowerCase(), r]));

/** The first region named in a text (a question, a fact), or undefined. */
export function findRegion(text: string): Region | undefined {
  if (/\bU\.?S\.?(?![\w.])|\bU\.S\.A\b/.test(text)) return BY_ID.get('us');
  const padded = ` ${normalise(text)} `;
  return REGIONS.find((r) => r.words.some((w) => padded.includes(` ${w} `)));
}

/** The region a fact's figure describes: its `region`, else one named in its text or note, else in its source's title (not its note, which names publishers such as "DNA India"). */
export function regionOf(kb: KnowledgeBase, fact: Fact): Region | undefined {
  // A curator may write "US" or "United States"; an id or a name this list lacks is still shown as written.
  if (fact.region) {
    return (
      BY_ID.get(fact.region.toLowerCase()) ??
      findRegion(fact.region) ?? { id: fact.region, name: fact.region, words: [] }
    );
  }
  const source = kb.sources.get(fact.source);
  return findRegion(`${fact.text} ${fact.note ?? ''}`) ?? (source ? findRegion(source.title) : undefined);
}

/** 2 when the fact is about the asked region, 1 when about a region containing it (EU for Germany), else 0. */
export function regionMatch(asked: Region, fact: Region | undefined): number {
  if (!fact) return 0;
  if (fact.id === asked.id) return 2;
  return asked.within?.includes(fact.id) ? 1 : 0;
}

/** One line saying where the shown figures come from when none is for the asked region; undefined otherwise. */
export function regionNotice(asked: Region, shown: (Region | undefined)[]): string | undefined {
  if (shown.length === 0 || asked.id === 'global') return undefined;
  if (shown.some((r) => regionMatch(asked, r) === 2)) return undefined;
  const closer = shown.find((r) => regionMatch(asked, r) === 1);
  const named = [...new Set(shown.filter((r) => r && r.id !== 'global').map((r) => r?.name))];
  const from =
    named.length > 0
      ? `These figures are from ${named.join(' and ')}${shown.some((r) => !r) ? ' or do not name a country' : ''}`
      : shown.some((r) => r?.id === 'global')
        ? 'These figures are worldwide'
        : 'These figures do not name a country';
  if (closer) return `${from}; I have none for ${asked.name} itself.`;
  return `${from}; I have none for ${asked.name}.`;
}

/** A country or region a question or fact can name. */
export type { Region };
