/** Local OpenAI-compatible servers (Ollama, vLLM, LM Studio): their placeholder keys and their model names. */
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fakeReply } from '../harness/openai-fake.ts';
import { COPYWRITER_ANSWER, useTestLlms } from '../helpers/llm.ts';

describe('issue 10: local servers', () => {
  it.each(['ollama', 'EMPTY', 'x'])('accepts the placeholder key "%s" that local servers document', (key) => {
    expect(loadConfig({ OPENAI_API_KEY: key, OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).openai.apiKey).toBe(key);
  });

  const start = useTestLlms();

  it('says at start-up which model it will ask a custom server for when OPENAI_MODEL is unset', async () => {
    const t = await start({ apiKey: 'ollama' });
    expect(t.lines.join('')).toMatch(/OPENAI_MODEL.*gpt-4o-mini|gpt-4o-mini.*OPENAI_MODEL/);
    t.fake.enqueue(fakeReply.text(COPYWRITER_ANSWER));
    const result = await t.llm.followUp({
      question: 'I am a copywriter, what does it pay?',
      entries: ['compensation'],
      turns: [],
      userKey: 'u',
      conversationKey: 'c',
    });
    expect(result.ok).toBe(true);
    expect(t.fake.chats()[0]?.headers.authorization).toBe('Bearer ollama');
    expect(t.fake.chats()[0]?.body?.model).toBe('gpt-4o-mini');
  });

  it('says nothing about the model when OPENAI_MODEL names one', async () => {
    const t = await start({ apiKey: 'EMPTY', model: 'llama3.1' });
    expect(t.lines.join('')).not.toMatch(/gpt-4o-mini/);
  });
});
