import type {
  APIEmbed,
  InteractionEditReplyOptions,
  InteractionReplyOptions,
  InteractionUpdateOptions,
} from 'discord.js';
import { describe, expect, it } from 'vitest';
import { decodeAsk } from '../../../adapters/discord/custom-ids.ts';
import { ALLOWED_MENTIONS_NONE, chunkForDiscord, renderReply } from '../../../adapters/discord/render.ts';
import { answerReply, clarifyReply } from '../../../src/answers/compose.ts';
import { loadKnowledge } from '../../../src/knowledge/loader.ts';
import type { Reply, ReplyFact } from '../../../src/ports.ts';
import { viabilityReply } from '../../../src/viability/render.ts';
import { scoreViability } from '../../../src/viability/score.ts';
import { STRONG_PROFILE } from '../../fixtures/viability-answers.ts';

const kb = loadKnowledge('knowledge');

/** Characters Discord counts toward an embed's 6,000 total. */
const total = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/** Asserts Discord's hard limits on a rendered message. */
function expectWithinLimits(message: ReturnType<typeof renderReply>): void {
  for (const e of message.embeds) {
    expect(e.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
    for (const f of e.fields ?? []) {
      expect(f.name.length).toBeGreaterThan(0);
      expect(f.name.length).toBeLessThanOrEqual(256);
      expect(f.value.length).toBeGreaterThan(0);
      expect(f.value.length).toBeLessThanOrEqual(1024);
    }
    expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    expect(total(e)).toBeLessThanOrEqual(6000);
  }
  expect(message.components.length).toBeLessThanOrEqual(5);
  const ids = message.components.flatMap((row) => row.components.map((b) => b.custom_id));
  expect(new Set(ids).size).toBe(ids.length);
  for (const row of message.components) {
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const b of row.components) {
      expect(b.custom_id.length).toBeLessThanOrEqual(100);
      expect(b.label?.length ?? 0).toBeLessThanOrEqual(80);
    }
  }
}

const fact = (i: number, over: Partial<ReplyFact> = {}): ReplyFact => ({
  ref: `x/f${i}`,
  text: `Fact number ${i} `.repeat(20),
  figure: `${i}%`,
  source: 'Indeed',
  sourceUrl: 'https://example.com/a_(b)',
  asOf: '2023-06',
  ...over,
});
const base = (over: Partial<Reply>): Reply => ({
  kind: 'answer',
  title: 'T',
  body: 'B',
  facts: [],
  advice: [],
  choices: [],
  entryIds: [],
  ...over,
});

describe('renderReply', () => {
  it('renders an answer as one embed with title, advice and cited fact fields', () => {
    const reply = answerReply(kb, 'compensation');
    const message = renderReply(reply);
    const [embed] = message.embeds;
    expect(embed?.title).toBe(reply.title);
    expect(embed?.description).toContain(reply.body);
    expect(embed?.description).toContain('**What to do**');
    expect(embed?.fields).toHaveLength(reply.facts.length);
    const first = reply.facts[0] as ReplyFact;
    expect(embed?.fields?.[0]?.name).toBe(first.figure);
    expect(embed?.fields?.[0]?.value).toContain(`\n— `);
    expect(embed?.fields?.[0]?.value).toContain(first.sourceUrl ? `[${first.source}](` : first.source);
    expect(embed?.fields?.[0]?.value).toContain(`as of ${first.asOf}`);
    expect(embed?.footer?.text).toBe(reply.footer);
    expect(message.content).toBe('');
    expect(message.allowedMentions).toBe(ALLOWED_MENTIONS_NONE);
    expect(message.components[0]?.components.map((b) => b.label)).toEqual(reply.choices.map((c) => c.label));
    expectWithinLimits(message);
  });

  it('fits discord.js reply, edit and update options', () => {
    const payload: InteractionReplyOptions & InteractionEditReplyOptions & InteractionUpdateOptions = renderReply(
      answerReply(kb, 'growth'),
    );
    expect(payload.embeds).toHaveLength(1);
  });

  it('trims an oversized reply to every limit, keeping whole fields', () => {
    const long = base({
      title: 'Title '.repeat(100),
      body: 'word '.repeat(2000),
      advice: ['Do this. '.repeat(50)],
      facts: Array.from({ length: 40 }, (_, i) => fact(i, { figure: 'f'.repeat(300 + i) })),
      choices: Array.from({ length: 30 }, (_, i) => ({ label: `Choice ${i} `.repeat(20), question: `Question ${i}?` })),
      footer: 'foot '.repeat(600),
    });
    const message = renderReply(long, { share: true, question: 'q' });
    expectWithinLimits(message);
    expect(message.embeds[0]?.description?.endsWith('…')).toBe(true);
    expect(message.components.flatMap((r) => r.components).at(-1)?.label).toBe('Share to channel');
  });

  it('clips a 10,000-character body cleanly to 4,096', () => {
    const message = renderReply(base({ body: 'a'.repeat(10_000) }));
    expect(message.embeds[0]?.description).toHaveLength(4096);
    expect(message.embeds[0]?.description?.endsWith('…')).toBe(true);
  });

  it('shows a scorecard as nine fields with a coloured emoji, change and citation', () => {
    const before = scoreViability(kb, { ...STRONG_PROFILE, coding: 'none' }, new Date('2024-01-01'));
    const reply = viabilityReply(kb, scoreViability(kb, STRONG_PROFILE, new Date('2024-02-01'), before), before);
    const message = renderReply(reply);
    const fields = message.embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(9);
    for (const f of fields) expect(f.name).toMatch(/^(🟢|🟡|🔴) .+ — (favourable|mixed|risk)/);
    expect(fields.some((f) => / \(was (favourable|mixed|risk)\)$/.test(f.name))).toBe(true);
    const row = reply.scorecard?.[0];
    expect(fields[0]?.value).toContain(`${row?.reason} — `);
    expect(fields[0]?.value).toContain(`as of ${row?.fact.asOf}`);
    expect(message.embeds[0]?.description).toContain('**Next steps**');
    expectWithinLimits(message);
  });

  it('makes the first clarify choice primary and the others secondary', () => {
    const message = renderReply(clarifyReply(kb, 'compensation', 'demand'));
    const styles = message.components[0]?.components.map((b) => b.style);
    expect(styles).toEqual([1, 2]);
    expect(decodeAsk(message.components[0]?.components[0]?.custom_id ?? '')?.intent).toBe('compensation');
  });

  it('never shows a raw mention and allows none', () => {
    const evil = '@everyone look <@123> and <@&456> @here <@!789>';
    const message = renderReply(
      base({
        title: evil,
        body: evil,
        advice: [evil],
        facts: [fact(1, { text: evil, figure: evil, source: evil })],
        choices: [{ label: evil, question: evil }],
        footer: evil,
      }),
    );
    const shown = JSON.stringify(message);
    for (const raw of ['@everyone', '@here', '<@123>', '<@&456>', '<@!789>']) expect(shown).not.toContain(raw);
    expect(ALLOWED_MENTIONS_NONE.parse).toEqual([]);
    expect(ALLOWED_MENTIONS_NONE.repliedUser).toBe(false);
  });
});

describe('chunkForDiscord', () => {
  it('splits long text into pieces of at most 2,000 characters at word boundaries', () => {
    const chunks = chunkForDiscord('word '.repeat(1000));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(2000);
    expect(chunks.join(' ')).toBe('word '.repeat(1000).trim());
  });
});

describe('issue 12: notices and notes in the embed', () => {
  it('opens the description with the reply notices, and shows a fact note in its field', () => {
    const base = answerReply(kb, 'compensation');
    const fact = { ...(base.facts[0] as ReplyFact), note: 'Read with care: one listing only.' };
    const reply: Reply = {
      ...base,
      facts: [fact],
      notices: ['These figures are from 2023; the market has changed since.'],
    };
    const [embed] = renderReply(reply).embeds;
    expect(embed?.description?.split('\n')[0]).toContain('These figures are from 2023; the market has changed since.');
    expect(embed?.fields?.[0]?.value).toContain('Read with care: one listing only.');
  });
});
