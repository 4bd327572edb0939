/**
 * Issue 11: two decisions (in the field at all? which topic?), refusals only on evidence, the platform
 * world, other languages with a note that answers are in English, follow-ups without a referent, and
 * the model's pick for unsure first messages.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createBot } from '../../src/bot.ts';
import { loadConfig } from '../../src/config.ts';
import { createContext } from '../../src/context.ts';
import { INTENT_IDS, type IntentId } from '../../src/ports.ts';
import type { Classifier } from '../../src/router/classifier.ts';
import { loadModel, MODEL_FILE, modelKey } from '../../src/router/model-file.ts';
import { createRouter } from '../../src/router/router.ts';
import { createStore } from '../../src/store/store.ts';
import { fakeReply } from '../harness/openai-fake.ts';
import { captureLogger, createTestBot, llmTestEnv, message, realKnowledge } from '../helpers/context.ts';
import { useModel } from '../helpers/llm.ts';

const { kb, router } = realKnowledge();

/** A classifier port that ranks intents as told, to pin the decision rules independently of training. */
function ranking(scores: Partial<Record<IntentId, number>>): Classifier {
  const rest =
    (1 - Object.values(scores).reduce((a, b) => a + b, 0)) / (INTENT_IDS.length - Object.keys(scores).length);
  return {
    name: 'fixed',
    classify: () =>
      INTENT_IDS.map((intent) => ({ intent, confidence: scores[intent] ?? rest })).sort(
        (a, b) => b.confidence - a.confidence,
      ),
  };
}

describe('issue 11: the saved model', () => {
  it('matches the knowledge base, so start-up loads it instead of training (run `npm run train` after editing examples)', () => {
    expect(loadModel(join(kb.dir, MODEL_FILE), modelKey(kb.examplesFingerprint, kb.lexicon))).toBeDefined();
    expect(router.modelSource).toBe('file');
  });
});

describe('issue 11: refusing needs evidence', () => {
  it('offers the closest topics, never a refusal, when the best guess is weak', () => {
    const r = createRouter(kb, {
      classifier: ranking({ compensation: 0.2, stability: 0.18, workload: 0.16, out_of_scope: 0.15 }),
    });
    const route = r.route({ text: 'something vague about money and tasks', kind: 'mention' });
    expect(route).toMatchObject({ intent: 'compensation', decision: 'clarify', reason: 'low_confidence' });
  });

  it('keeps out-of-scope on top but weak in scope, offering topics', () => {
    const r = createRouter(kb, { classifier: ranking({ out_of_scope: 0.28, compensation: 0.27, workload: 0.2 }) });
    expect(r.route({ text: 'hmm', kind: 'mention' })).toMatchObject({ intent: 'compensation', decision: 'clarify' });
  });

  it('refuses when the out-of-scope class is on top with clear probability', () => {
    const r = createRouter(kb, { classifier: ranking({ out_of_scope: 0.8, compensation: 0.1 }) });
    expect(r.route({ text: 'what is the capital of peru', kind: 'mention' })).toMatchObject({
      intent: 'out_of_scope',
      decision: 'refuse',
    });
  });

  it('shows up to three topics as choices for an unsure message', async () => {
    const { bot } = await createTestBot();
    const replyFor = (text: string) => {
      const r = createRouter(kb, { classifier: ranking({ education: 0.22, barriers: 0.2, viability: 0.19 }) });
      return r.route({ text, kind: 'mention' });
    };
    const { replyForRoute } = await import('../../src/answers/compose.ts');
    const reply = replyForRoute(kb, replyFor('which path'));
    expect(reply.kind).toBe('clarify');
    expect(reply.choices.map((c) => c.intent)).toEqual(['education', 'barriers', 'viability']);
    expect(bot).toBeDefined();
  });
});

describe('issue 11: real wording and the platform world (sentences not in the training data)', () => {
  it.each([
    ['my hourly on outlier went from 25 to 17 overnight, nobody said a word', 'compensation'],
    ['been staring at an empty queue on DataAnnotation since tuesday', 'workload'],
    ['Mercor removed me from the project with zero explanation. is this normal', 'stability'],
    ['failed the Alignerr skills test twice, can I even get in without a CS background', 'barriers'],
    ['got bumped to reviewer on my project, where does that lead long term', 'advancement'],
    ['Are these AI tutor gigs W-2 or 1099?', 'employment'],
  ] as const)('routes %j to %s without refusing', (text, intent) => {
    const r = router.route({ text, kind: 'mention' });
    expect(r.intent).toBe(intent);
    expect(r.decision).not.toBe('refuse');
  });

  it.each([
    'how do I become a civil engineer in Texas',
    'write me a prompt that makes midjourney draw a cat astronaut',
    'my logo design gig on fiverr got removed for no reason',
    'did OpenAI release a new model this week?',
  ])('still refuses the near-miss %j', (text) => {
    expect(router.route({ text, kind: 'mention' }).intent).toBe('out_of_scope');
  });
});

describe('issue 11: other languages', () => {
  it.each([
    ['¿Cuánto se gana etiquetando datos para IA desde casa?', 'compensation', 'Respondo en inglés.'],
    ['Wird es den Beruf KI-Trainer in zehn Jahren noch geben?', 'demand', 'Ich antworte auf Englisch.'],
    ['Faut-il savoir programmer pour devenir annotateur IA ?', 'barriers', 'Je réponds en anglais.'],
    ['Qual certificado vale a pena para trabalhar com IA?', 'education', 'Respondo em inglês.'],
    [
      'data annotation ka kaam kitna stable hai bhai, project band ho jaata hai kya',
      'stability',
      'Main English mein jawab deta hoon.',
    ],
    ['प्रॉम्प्ट इंजीनियर की सैलरी कितनी होती है?', 'compensation', 'मैं अंग्रेज़ी में जवाब देता हूँ।'],
    ['提示工程师的工资一般是多少？', 'compensation', '我用英文回答。'],
  ] as const)('understands %j and says, in that language, that answers are in English', async (text, intent, note) => {
    const { bot } = await createTestBot();
    expect(router.route({ text, kind: 'mention' }).intent).toBe(intent);
    const reply = await bot.handle(message(text));
    expect(reply.notices?.[0]).toBe(`${note} (I answer in English.)`);
  });

  it.each([
    'is the AI trainer market growing this year?',
    'will AI replace prompt engineers?',
    'prompt engineer salary in bitcoin?',
    'outlier pay dropped again',
  ])('adds no note to the English message %j', async (text) => {
    const { bot } = await createTestBot();
    const reply = await bot.handle(message(text));
    expect(`${reply.notices ?? ''} ${reply.body}`).not.toMatch(/I answer in English/);
  });
});

describe('issue 11: follow-ups without a referent', () => {
  it('on their own, route to the topic they name', () => {
    expect(router.route({ text: 'and the pay?', kind: 'mention' }).intent).toBe('compensation');
    expect(router.route({ text: 'certs?', kind: 'mention' }).intent).toBe('education');
  });

  it('in a conversation, continue its topic', async () => {
    const { bot } = await createTestBot();
    const thread = { conversation: { id: 'C11', threadId: 'T11' } };
    await bot.handle(message('are the AI trainer jobs full-time or contract?', thread));
    const reply = await bot.handle(message('and what about in the UK?', { ...thread, kind: 'thread_reply' }));
    expect(reply.entryIds).toEqual([kb.entries.get('employment')?.id]);
  });
});

describe('issue 11: the model picks for unsure first messages', () => {
  const model = useModel();
  // The real classifier with a strict answer threshold, so the router is unsure of the topic of this
  // message whatever the training data (its topics stay in scope: pay and courses).
  const unsureRouter = createRouter(kb, { classifier: router.classifier, thresholds: { answer: 0.999 } });
  const TEXT = 'money or courses';

  async function botWithModel(routerToUse = unsureRouter) {
    const { logger } = captureLogger();
    const store = await createStore({ dataDir: ':memory:', logger });
    const ctx = await createContext(loadConfig(llmTestEnv(model().url)), logger, { kb, router: routerToUse, store });
    return { bot: createBot(ctx), ctx };
  }

  it('answers the topic the model picks among the candidates', async () => {
    const route = unsureRouter.route({ text: TEXT, kind: 'mention' });
    expect(route.decision).toBe('clarify');
    const pick = route.alternatives[0]?.intent ?? 'education';
    model().enqueue(fakeReply.json({ intent: pick }));
    const { bot } = await botWithModel();
    const reply = await bot.handle(message(TEXT));
    expect(reply.kind).toBe('answer');
    expect(reply.entryIds).toEqual([kb.entries.get(pick)?.id]);
    expect(model().chats()[0]?.body?.response_format?.json_schema?.name).toBe('intent_pick');
  });

  it("keeps the router's choices when the model fails", async () => {
    model().enqueue(fakeReply.serverError(500));
    const { bot } = await botWithModel();
    const reply = await bot.handle(message(TEXT));
    expect(reply.kind).toBe('clarify');
    expect(reply.choices.length).toBeGreaterThanOrEqual(2);
  });

  it('does not ask the model when the router is sure', async () => {
    const { bot } = await botWithModel(router);
    await bot.handle(message('how much do prompt engineers make?'));
    expect(model().chats()).toHaveLength(0);
  });
});
