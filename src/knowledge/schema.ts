/**
 * Schemas for the curated files in `knowledge/`. Each file is YAML a non-developer can edit; these
 * schemas are the single definition of what a valid file holds, used at start-up and by `kb check`.
 */
import { z } from 'zod';
import { FACTOR_IDS, INTENT_IDS } from '../types.ts';

const slug = z.string().regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, 'use lowercase letters, digits, "-" or "_"');
/** A year, year-month or full date: how old a figure is. */
const asOf = z.string().regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'use YYYY, YYYY-MM or YYYY-MM-DD');
const text = z.string().trim().min(1);
const intentId = z.enum(INTENT_IDS);

/** One citable figure. `source` is an id from `sources.yaml`. */
export const factSchema = z.strictObject({
  id: slug,
  text,
  figure: text,
  source: slug,
  asOf,
  note: text.optional(),
  /** What was searched for this fact, for the next curator; never shown to users (unlike `note`). */
  searched: text.optional(),
  /** Country or region the figure describes ("US", "UK", "global"...); unset means not stated. */
  region: text.max(40).optional(),
});

const followUpSchema = z.strictObject({ label: text.max(75), question: text.max(150) });

/** Counts sentences the way a reader would: a full stop, question or exclamation mark then space or end. */
export function countSentences(value: string): number {
  return value
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z"'(])/)
    .filter((s) => s.trim().length > 0).length;
}

/** A knowledge entry: one of the nine factors, or a topic (viability, jobs, help, out of scope). */
export const entrySchema = z
  .strictObject({
    version: z.literal(1),
    id: slug,
    kind: z.enum(['factor', 'topic']),
    intent: intentId,
    title: text.max(80),
    summary: text.refine((s) => countSentences(s) === 2, 'must be exactly two sentences'),
    facts: z.array(factSchema).default([]),
    advice: z.array(text).default([]),
    examples: z.array(text).min(5),
    related: z.array(intentId).default([]),
    followUps: z.array(followUpSchema).max(3).default([]),
    /** When a curator should re-check this entry's figures; `kb check` warns once it has passed. */
    reviewBy: asOf.optional(),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind !== 'factor') return;
    const need: [keyof typeof entry, number][] = [
      ['facts', 1],
      ['advice', 2],
      ['examples', 20],
      ['related', 1],
      ['followUps', 2],
    ];
    for (const [field, min] of need) {
      const value = entry[field];
      if (Array.isArray(value) && value.length < min) {
        ctx.addIssue({ code: 'custom', path: [field], message: `a factor needs at least ${min}` });
      }
    }
  });

/**
 * Extra training messages for one intent (`knowledge/examples/<intent>.yaml`), grouped by style
 * (`statement`, `headline`, `typo`...) or language code (`es`, `de`, `hi`...): the router trains on every
 * group, and `npm run eval -- --cv` holds whole groups out to measure generalisation.
 */
export const examplesFileSchema = z.strictObject({
  version: z.literal(1),
  intent: intentId,
  groups: z.record(slug, z.array(text.max(1_000))),
});

/** A publication or data set a fact cites. */
export const sourceSchema = z.strictObject({
  id: slug,
  name: text,
  title: text,
  url: z.url().optional(),
  published: asOf.optional(),
  note: text.optional(),
});

export const sourcesFileSchema = z.strictObject({
  version: z.literal(1),
  sources: z.array(sourceSchema).min(1),
});

/** Canonical term → the variants (other names, misspellings, other languages) read as that term. */
export const lexiconSchema = z.strictObject({
  version: z.literal(1),
  terms: z.record(
    text.max(60),
    z.array(text.max(60).refine((v) => v.split(/\s+/).length <= 4, 'a variant has at most four words')).min(1),
  ),
});

const ratingSchema = z.enum(['favourable', 'mixed', 'risk']);
/** `when` maps a question id to the answer (or any of the answers) that make a rule apply. */
const whenSchema = z.record(slug, z.union([slug, z.array(slug).min(1)]));

const ruleSchema = z.strictObject({
  when: whenSchema.default({}),
  rating: ratingSchema,
  reason: text.max(200),
  /** `<entry id>/<fact id>` the reason rests on. */
  fact: z.string().regex(/^[a-z0-9_-]+\/[a-z0-9_-]+$/),
});

export const rubricSchema = z.strictObject({
  version: z.literal(1),
  questions: z
    .array(
      z.strictObject({
        id: slug,
        prompt: text.max(150),
        help: text.max(150).optional(),
        options: z
          .array(z.strictObject({ value: slug, label: text.max(75) }))
          .min(2)
          .max(10),
      }),
    )
    .min(4)
    .max(8),
  /** Rules per factor: the first rule whose `when` matches rates the factor; a rule with no `when` is the default. */
  factors: z.record(z.string(), z.array(ruleSchema).min(1)),
  verdicts: z
    .array(
      z.strictObject({
        id: slug,
        minScore: z.number().int(),
        title: text.max(80),
        text: text.max(400),
      }),
    )
    .min(2),
  nextSteps: z
    .array(
      z.strictObject({
        id: slug,
        when: whenSchema.default({}),
        /** The factor this step improves: results show the steps for the person's weakest factors first. */
        factor: z.enum(FACTOR_IDS),
        text: text.max(300),
        fact: z.string().regex(/^[a-z0-9_-]+\/[a-z0-9_-]+$/),
      }),
    )
    .min(3),
});

export type Fact = z.infer<typeof factSchema>;
export type Entry = z.infer<typeof entrySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Rubric = z.infer<typeof rubricSchema>;
export type Rating = z.infer<typeof ratingSchema>;
export type Lexicon = z.infer<typeof lexiconSchema>;
/** A validated `knowledge/examples/<intent>.yaml` file. */
export type ExamplesFile = z.infer<typeof examplesFileSchema>;
