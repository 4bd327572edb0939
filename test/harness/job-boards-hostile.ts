/**
 * A hostile Greenhouse board for the job-boards fake (`/greenhouse/v1/boards/hostile/jobs`): in-scope postings
 * whose titles and company names try to forge digest sections, hide masked links, drive the terminal and
 * blow the Discord embed. Dated relative to the request time, so every posting is "new" whenever a test runs.
 */

/** What the hostile board tries, so tests can assert that none of it reaches a platform. */
export const HOSTILE = {
  /** A title whose line breaks fake a pay section with an absurd median. */
  forgedSection: 'Prompt Engineer\n\n*Pay stated in postings* (nothing is estimated)\n• Annual, USD: median $999,999',
  /** A title carrying a Discord masked link and a broadcast mention. */
  maskedLink: 'Prompt Engineer [click for a raise](https://evil.example/phish) @everyone <!channel>',
  /** Terminal escapes (colour, clear screen, OSC title), NUL, bidi overrides and zero-width characters. */
  controls:
    'Prompt\u0000 Engineer \u001b[31mRED\u001b[0m\u001b[2J\u001b]0;pwned\u0007 \u202eevil\u202c \u2066x\u2069 \u200bz\u200d\ufeff \u009b31m',
  /** Ten thousand characters of title. */
  huge: `Prompt Engineer ${'A'.repeat(10_000)}`,
  /** A company name with markdown and a line break. */
  company: '*Bold* _Co_\n~~gone~~ `tick` | > # Corp',
} as const;

/** The companies of the hostile postings, one per posting, so the digest names each opening once. */
export const HOSTILE_COMPANIES = ['Forgery Inc', 'Phish Co', 'Escape Ltd', 'Huge Corp', HOSTILE.company] as const;

/** Greenhouse's board payload with one hostile posting per company, posted a day before `now`. */
export function hostileGreenhouseBoard(now = new Date()): unknown {
  const titles = [HOSTILE.forgedSection, HOSTILE.maskedLink, HOSTILE.controls, HOSTILE.huge, 'Prompt Engineer'];
  const posted = new Date(now.getTime() - 24 * 60 * 60 * 1000).toISOString();
  return {
    jobs: titles.map((title, i) => ({
      id: 9_100_001 + i,
      internal_job_id: 9_200_001 + i,
      title,
      company_name: HOSTILE_COMPANIES[i],
      absolute_url: `https://job-boards.greenhouse.io/hostile/jobs/${9_100_001 + i}`,
      location: { name: 'Remote\n\u001b[1mUS' },
      first_published: posted,
      updated_at: posted,
      content: '&lt;p&gt;Write prompts.&lt;/p&gt;',
    })),
    meta: { total: titles.length },
  };
}
