/**
 * Reads questionnaire answers given in plain words ("I don't code", "I use ChatGPT every day", "$90k")
 * with a small matcher per question: keywords for most, number parsing for pay. It answers only when
 * the words point to one option; anything else returns undefined so the options are shown again.
 * Keyed by question id: a question the rubric adds later simply has no matcher until one is written here.
 */
import type { Rubric } from '../knowledge/schema.ts';
import { normalise } from '../router/text.ts';

type Question = Rubric['questions'][number];

/** A keyword rule: `first` rules win in order (negations, hedges); the others must agree on one value. */
interface Rule {
  value: string;
  pattern: RegExp;
  first?: boolean;
}

// Patterns run on `normalise`d text: lower case, no apostrophes ("dont"), punctuation turned to spaces.
const KEYWORDS: Record<string, Rule[]> = {
  coding: [
    { value: 'none', first: true, pattern: /^(no|nope|nah|none|never|not at all|not really|zero)\b/ },
    {
      value: 'none',
      first: true,
      pattern: /\b(dont|do not|cant|cannot|never|havent|have not)\b.*\b(code|coding|program\w*|scripts?|written)\b/,
    },
    { value: 'none', first: true, pattern: /\b(no (coding|programming|code)|non ?technical)\b/ },
    { value: 'basic', first: true, pattern: /\b(not|never) (professionally|for work|at work)\b/ },
    {
      value: 'basic',
      pattern:
        /\b(basics?|beginner|some|a (little|bit)|simple|small|scripts?|scripting|learning|hobby\w*|self taught|bootcamp|tutorials?)\b/,
    },
    {
      value: 'professional',
      pattern:
        /\b(professional\w*|for (work|a living)|at work|my job|software (engineer|developer)|developer|programmer|engineer|dev|senior|full ?stack|backend|frontend)\b/,
    },
  ],
  ai_tools: [
    {
      value: 'rarely',
      first: true,
      pattern:
        /^(no|nope|nah|none)\b|\b(never|rarely|seldom|hardly|not (really|much|often)|once or twice|a couple of times|(havent|have not|dont|do not) (really )?(use|used|tried))\b/,
    },
    {
      value: 'advanced',
      first: true,
      pattern:
        /\b(advanced|system prompts?|multi ?step|chain\w*|evaluat\w*|evals?|api|agents?|fine ?tun\w*|rag|pipelines?|build \w+ (with|on)|built \w+ (with|on))\b/,
    },
    {
      value: 'regularly',
      pattern:
        /\b(every ?day|daily|regular\w*|often|all the time|weekly|(every|a|per) week|most days|a lot|frequently|constantly|for (work|emails?|writing)|at work)\b/,
    },
  ],
  portfolio: [
    {
      value: 'none',
      first: true,
      pattern:
        /^(no|nope|nah|none|nothing|not yet|not really|zero)\b|\b(dont|do not|havent|have not) (have|got)\b|\bno (portfolio|examples?)\b/,
    },
    { value: 'some', pattern: /\b(a few|few|some|couple|handful|several|one or two|a little|started)\b/ },
    { value: 'strong', pattern: /\b(solid|strong|lots|many|plenty|extensive|github|website|dozens|large|big)\b/ },
  ],
  employment_type: [
    {
      value: 'open',
      first: true,
      pattern: /\b(any|anything|either|whatever|open|dont mind|do not mind|flexible|no preference|doesnt matter)\b/,
    },
    {
      value: 'full_time',
      pattern: /\b(full ?time|permanent|salaried|in house|employee|a (real |proper )?job|steady)\b/,
    },
    { value: 'contract', pattern: /\b(contracts?|contracting|contractor|fixed ?term|temporary|temp)\b/ },
    { value: 'freelance', pattern: /\b(freelanc\w*|gigs?|clients?|self employed|fiverr|upwork|independent)\b/ },
  ],
  hybrid: [
    {
      value: 'maybe',
      first: true,
      pattern:
        /\b(maybe|perhaps|possibly|not sure|unsure|depends|dont know|do not know|idk|might|probably|could be|i guess)\b/,
    },
    {
      value: 'no',
      first: true,
      pattern:
        /^(no|nope|nah)\b(?! problem)|\b(not really|never|only prompts?|prompts? only|just prompts?|rather not|dont want|do not want)\b/,
    },
    {
      value: 'yes',
      pattern:
        /\b(yes|yeah|yep|yup|sure|no problem|of course|definitely|absolutely|happy to|gladly|certainly|why not|ok|okay|would love)\b/,
    },
  ],
};

/**
 * The employment question also accepts two or more kinds of work ("contract or freelance") as open:
 * someone naming several arrangements is open to more than one.
 */
const SEVERAL_MEAN: Record<string, string> = { employment_type: 'open' };

function byKeywords(id: string, text: string): string | undefined {
  const rules = KEYWORDS[id];
  // A question back ("what does a developer do?") is not an answer, whatever words it shares with one.
  if (!rules || text.trim().endsWith('?')) return undefined;
  const t = normalise(text);
  const first = rules.find((r) => r.first && r.pattern.test(t));
  if (first) return first.value;
  const values = new Set(rules.filter((r) => !r.first && r.pattern.test(t)).map((r) => r.value));
  if (values.size === 1) return [...values][0];
  return values.size > 1 ? SEVERAL_MEAN[id] : undefined;
}

const HOURS_A_YEAR = 2080;

/** Yearly amounts named in `text` ("$90k", "90,000", "$40 an hour", "120-150k"), in dollars. */
export function yearlyAmounts(text: string): number[] {
  const raw = text.toLowerCase().replace(/(\d),(?=\d{3}\b)/g, '$1');
  const found = [...raw.matchAll(/(\d+(?:\.\d+)?)\s*(k|thousand|grand|m|million)?(?![\w])/g)].map((m) => ({
    n: Number(m[1]),
    scale: m[2] ? (/^m/.test(m[2]) ? 1_000_000 : 1_000) : 0,
  }));
  const shared = found.find((f) => f.scale > 0)?.scale;
  const period = /\/\s*h\b|\/\s*hr\b|\b(an|per|a) hour\b|\bhourly\b/.test(raw)
    ? HOURS_A_YEAR
    : /\/\s*mo|\b(a|per) month\b|\bmonthly\b/.test(raw)
      ? 12
      : 1;
  return found
    .map(({ n, scale }) => {
      // "120-150k": a bare number beside a scaled one shares its scale; a bare "90" on its own means 90k.
      const factor = scale || (shared ?? (period === 1 && n >= 10 && n < 1000 ? 1_000 : 1));
      return n * factor * period;
    })
    .filter((v) => v >= 1_000);
}

/** The pay band for amounts named in plain words, if they all fall in one band. */
function salaryBand(text: string): string | undefined {
  const amounts = yearlyAmounts(text);
  if (amounts.length === 0) return undefined;
  const t = normalise(text);
  // "over 200k" and "200k+" sit above the band that ends at 200k; "under 70k" below the one that starts there.
  const nudge = /\b(over|more than|above|at least|upwards of|minimum)\b|\+/.test(`${t} ${text}`)
    ? 1
    : /\b(under|less than|below|up to)\b/.test(t)
      ? -1
      : 0;
  const bands = new Set(
    amounts.map((a) => a + nudge).map((a) => (a < 70_000 ? 'under_70k' : a <= 200_000 ? '70k_200k' : 'over_200k')),
  );
  return bands.size === 1 ? [...bands][0] : undefined;
}

const PARSERS: Record<string, (text: string) => string | undefined> = { salary: salaryBand };

/** The option a plain-words answer to `question` points to, or undefined when unsure. */
export function naturalAnswer(question: Question, text: string): string | undefined {
  const value = PARSERS[question.id]?.(text) ?? byKeywords(question.id, text);
  // Only an option the rubric still offers counts; a renamed option falls back to asking again.
  return question.options.some((o) => o.value === value) ? value : undefined;
}
