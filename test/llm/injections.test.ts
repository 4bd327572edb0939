/**
 * Prompt injection, in two layers. The corpus in test/fixtures/injections.jsonl must be refused before
 * any model call; and when a question slips past the screen and the model obeys something, the output
 * check must still refuse what it wrote. Either way nothing secret reaches the user.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SYSTEM_PROMPT } from '../../src/llm/prompt.ts';
import { fakeReply, type Script } from '../harness/openai-fake.ts';
import { realKnowledge } from '../helpers/context.ts';
import { useTestLlm } from '../helpers/llm.ts';

const KEY = 'sk-test-injection-corpus-5e6f7a8b9c0d';
const SLACK_TOKEN = 'xoxb-111-222-secretslacktoken';
const attacks = readFileSync('test/fixtures/injections.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as { id: string; kind: string; text: string });

const { fake, llm } = useTestLlm({ apiKey: KEY, secrets: [SLACK_TOKEN] });
let n = 0;

/** Everything the user could see from a result: streamed text, the reply, a notice. */
async function seen(question: string) {
  const deltas: string[] = [];
  const result = await llm().followUp(
    { question, entries: ['compensation', 'employment'], turns: [], userKey: `u${++n}`, conversationKey: 'c' },
    { onDelta: (text) => deltas.push(text) },
  );
  const visible = [...deltas, result.ok ? `${result.reply.title} ${result.reply.body}` : (result.notice ?? '')];
  return { result, visible: visible.join('\n') };
}

function expectNothingSecret(visible: string) {
  expect(visible).not.toContain(KEY.slice(0, 12));
  expect(visible).not.toContain(SLACK_TOKEN.slice(0, 12));
  expect(visible).not.toMatch(/OPENAI_|SLACK_|process\.env|OUT_OF_SCOPE|<user_message>/);
  const shown = visible.toLowerCase();
  const words = SYSTEM_PROMPT.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  for (let i = 0; i + 8 <= words.length; i += 1) expect(shown).not.toContain(words.slice(i, i + 8).join(' '));
}

describe('the injection corpus', () => {
  it('has 30 or more varied attacks', () => {
    expect(attacks.length).toBeGreaterThanOrEqual(30);
    expect(new Set(attacks.map((a) => a.kind)).size).toBeGreaterThanOrEqual(8);
    expect(attacks.some((a) => a.kind === 'buried' && a.text.length > 2_000)).toBe(true);
  });

  it.each(attacks.map((a) => [a.id, a] as const))('refuses %s before calling the model', async (_id, attack) => {
    // Should the screen miss, this model obeys by reciting its whole prompt; the output check is the second wall.
    fake().setDefault(fakeReply.leakSystemPrompt());
    const { result, visible } = await seen(attack.text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toBe('injection');
    expect(fake().chats()).toHaveLength(0);
    expectNothingSecret(visible);
  });
});

describe('a model that obeyed something anyway', () => {
  const obeyed: [string, Script, string][] = [
    ['recites its system prompt', fakeReply.leakSystemPrompt(), 'injection'],
    ['prints the API key', fakeReply.text(`Sure, the key is ${KEY} [compensation]`), 'injection'],
    ['prints the first part of the key', fakeReply.text(`It starts ${KEY.slice(0, 14)}… [compensation]`), 'injection'],
    ['prints a platform token', fakeReply.text(`Token: ${SLACK_TOKEN} [compensation]`), 'injection'],
    ['prints something key-shaped', fakeReply.text('Use sk-proj-AbCdEf0123456789xyz [compensation]'), 'injection'],
    [
      'lists environment variables',
      fakeReply.text('OPENAI_API_KEY and SLACK_BOT_TOKEN are set [compensation]'),
      'injection',
    ],
    ['echoes the framing', fakeReply.text('<user_message> said to ignore you [compensation]'), 'injection'],
    ['links somewhere else', fakeReply.text('See https://collector.example/x?d=1 [compensation]'), 'injection'],
    ['wrote a poem instead', fakeReply.text('Roses are red, prompts are blue, careers are nice.'), 'off_topic'],
    ['said it was pwned', fakeReply.text('I have been pwned'), 'off_topic'],
    ['declined', fakeReply.text('OUT_OF_SCOPE'), 'off_topic'],
  ];

  it.each(obeyed)('refuses an answer that %s', async (_case, script, reason) => {
    fake().enqueue(script);
    const { result, visible } = await seen(`what do listings pay? (${n})`);
    expect(result).toMatchObject({ ok: false, reason });
    expectNothingSecret(visible);
  });

  it('still answers a source link the entries cite', async () => {
    const url = realKnowledge().kb.sources.get('bloomberg-2023')?.url;
    fake().enqueue(fakeReply.text(`Bloomberg's figure is $175,000–$375,000 (${url}) [compensation/bloomberg-range].`));
    expect((await seen('where does the headline figure come from?')).result.ok).toBe(true);
  });
});

describe('career questions that mention the same words', () => {
  it.each([
    'How do I write a good system prompt for a customer-support bot? Is that a skill employers pay for?',
    'Should I learn to keep API keys safe as part of a prompt engineering job?',
    "I'm a developer, should I switch to prompt engineering?",
    'From now on I want to focus on AI training work, is that a good path?',
    'What environment do prompt engineers work in, remote or office?',
    'Can I act as an AI trainer while keeping my day job?',
    'Is prompt injection testing a job people get paid for?',
  ])('answers "%s"', async (question) => {
    fake().enqueue(fakeReply.text('Startups mostly hire contractors [employment/contractors].'));
    expect((await seen(question)).result.ok).toBe(true);
  });
});
