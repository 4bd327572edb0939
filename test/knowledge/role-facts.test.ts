import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/loader.ts';
import type { IntentId } from '../../src/ports.ts';

const kb = loadKnowledge('knowledge');

/** The fact `<entry>/<fact>` with its source, failing the test when either is missing. */
function cited(ref: string) {
  const found = kb.fact(ref);
  expect(found, `${ref} exists`).toBeDefined();
  const source = kb.sources.get(found?.fact.source ?? '');
  expect(source, `${ref} cites a known source`).toBeDefined();
  return { fact: found?.fact, source };
}

/** Facts about the AI-interaction roles, each with the words its text must contain. */
const ROLE_FACTS: [string, RegExp][] = [
  ['compensation/outlier-recruiting-rates', /Outlier/],
  ['compensation/outlier-promised-rate', /Outlier/],
  ['compensation/outlier-effective-rate', /minimum wage/],
  ['compensation/mercor-expert-rates', /Mercor/],
  ['compensation/google-rater-pay-gap', /GlobalLogic/],
  ['compensation/generalist-vs-expert-rates', /generalist/i],
  ['compensation/advertised-median-rate', /median/],
  ['compensation/platform-advertised-ranges', /Alignerr/],
  ['employment/contractor-status-challenged', /independent contractors/],
  ['employment/scale-settlement', /settle/],
  ['workload/unpaid-onboarding-hours', /training/],
  ['workload/annotation-postings-growth', /Upwork/],
  ['stability/appen-google-contract-end', /Appen/],
  ['stability/remotasks-kenya-exit', /Kenya/],
  ['stability/xai-generalist-cuts', /xAI/],
  ['stability/scale-contractor-cuts', /contractors/],
  ['advancement/specialists-over-generalists', /specialist/i],
  ['barriers/xai-specialist-tests', /tests?/],
  ['barriers/outlier-degrees', /degree/],
  ['employment/fractional-workforce', /fractional/],
  ['workload/genai-task-shift', /Indeed/],
  ['stability/prompt-title-ranked-low', /second from bottom/],
  ['advancement/ai-roles-rising-2026', /LinkedIn/],
];

describe('issue 12: facts about the AI-interaction roles', () => {
  it.each(ROLE_FACTS)('%s is sourced with a URL and dated 2024–2026', (ref, words) => {
    const { fact, source } = cited(ref);
    expect(fact?.text).toMatch(words);
    expect(source?.url, `${ref}: source has a URL`).toMatch(/^https:\/\//);
    expect(fact?.asOf, `${ref}: as-of date`).toMatch(/^202[4-6]/);
  });

  it('says plainly that no primary pay page from Outlier or DataAnnotation was found, naming the searches', () => {
    const { fact } = cited('compensation/no-platform-pay-page');
    expect(fact?.text).toMatch(/no .*pay page/i);
    expect(fact?.text).toMatch(/Outlier/);
    expect(fact?.text).toMatch(/DataAnnotation/);
    // The searches are kept for curators in `searched`, which users never see.
    expect(fact?.searched).toMatch(/searched/i);
  });

  it("cites Prolific's own help centre for its minimum hourly rate", () => {
    const { fact, source } = cited('compensation/prolific-minimum-rate');
    expect(fact?.figure).toMatch(/\$8/);
    expect(source?.url).toMatch(/^https:\/\/participant-help\.prolific\.com\//);
  });

  it('says where no reliable pay figure exists for conversation designers and AI content writers', () => {
    const { fact } = cited('compensation/no-designer-writer-survey');
    expect(fact?.text).toMatch(/conversation designers/);
    expect(fact?.text).toMatch(/AI content writers/);
  });

  it('marks a source reached only through a repost as secondary in its name or note', () => {
    for (const id of ['forbes-outlier-2025', 'wsj-mercor-2025', 'wired-globallogic-2025']) {
      const source = kb.sources.get(id);
      expect(source, id).toBeDefined();
      expect(`${source?.name} ${source?.note}`, id).toMatch(/via|repost|secondary/i);
    }
  });

  it('mentions AI-training work in the summaries of employment, workload, stability and advancement', () => {
    for (const intent of ['employment', 'workload', 'stability', 'advancement'] as IntentId[]) {
      expect(kb.entries.get(intent)?.summary, intent).toMatch(/AI[- ]training/);
    }
  });

  it('keeps the prompt-engineering facts ahead of the new role facts in each entry', () => {
    const firstIds: Partial<Record<IntentId, string>> = {
      employment: 'fulltime-tech-only',
      workload: 'continuous-testing',
      stability: 'tools-churn',
      advancement: 'growth-as-you-advance',
    };
    for (const [intent, id] of Object.entries(firstIds)) {
      expect(kb.entries.get(intent as IntentId)?.facts[0]?.id).toBe(id);
    }
  });
});
