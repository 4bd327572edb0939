/**
 * The adapter contract: what every adapter must do, whatever its platform. Each adapter's tests run it
 * with a driver over the real adapter and its local fake platform (`test/adapters/<name>/contract.test.ts`).
 * It grew out of the cross-platform test: the same conversation must show the same sourced facts as the
 * core's own reply, on every platform.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IncomingMessage, Reply } from '../../src/ports.ts';
import { renderText } from '../../src/render-text.ts';
import { createTestBot, realKnowledge } from '../helpers/context.ts';

/** One running adapter over its fake platform, as the contract drives it. */
export interface ContractRig {
  /** Sends `text` as a direct message and resolves with what the adapter posted in answer, as JSON text. */
  askDirect(text: string): Promise<string>;
  /** Every body the adapter sent to the platform since the rig started or was last reset. */
  sent(): unknown[];
  /** Why a sent body could ping someone on this platform, or undefined when it cannot. */
  pingRisk(body: unknown): string | undefined;
  /**
   * Runs the platform's `/careers <question>` slash command. `accepted` is the platform's verdict on the
   * first response (Slack's ack, Discord's interaction callback): false when it came after the deadline.
   * Absent on adapters without slash commands or deadlines.
   */
  slashCareers?(question: string): Promise<{ accepted: boolean; rendered: string }>;
  /**
   * Makes the platform refuse the adapter's next post with an error it does not retry (absent on adapters
   * whose output cannot fail), then sends `text` as a direct message and resolves once the refusal was served.
   */
  askDirectWhilePostingFails?(text: string): Promise<void>;
  /** Log lines the bot wrote (JSON). */
  lines: string[];
  /** Forgets what was sent so far. */
  reset(): void;
  stop(): Promise<void>;
}

/** How to start one adapter for the contract. */
export interface ContractDriver {
  name: string;
  /** A chat platform: slash commands with a deadline, and posts that the platform can refuse. */
  chat: boolean;
  start(): Promise<ContractRig>;
}

/** The conversation every adapter must answer like the core does. */
const CONVERSATION = [
  'how much do prompt engineers make?',
  'do I need to know how to code for this?',
  'which certification should I get?',
  'will prompt engineering be obsolete soon?',
];

const HOSTILE = '@everyone @here <!channel> <!here> <!everyone> <@U0ADMIN> <@&123456> what do prompt engineers earn?';

const { kb } = realKnowledge();
const figures = [...kb.entries.values()].flatMap((e) => e.facts.map((f) => f.figure));
/** The fact figures a rendered answer shows, in knowledge-base order. */
export const shownFacts = (rendered: string) => figures.filter((f) => rendered.includes(f));

/** The intents the router logged, in order. */
const routedIntents = (lines: string[]) =>
  lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"routed message"'))
    .map((l) => (JSON.parse(l) as { intent: string }).intent);

/** What the core itself answers to the conversation, as plain text: the reference every adapter must match. */
async function coreAnswers(): Promise<string[]> {
  const { bot } = await createTestBot();
  const replies: Reply[] = [];
  for (const [n, text] of CONVERSATION.entries()) {
    const message: IncomingMessage = {
      id: `core-${n}`,
      platform: 'core',
      text,
      author: { id: 'U1' },
      conversation: { id: 'D1' },
      kind: 'direct',
    };
    replies.push(await bot.handle(message));
  }
  return replies.map((r) => renderText(r));
}

/** Registers the contract's tests for one adapter. */
export function runAdapterContract(driver: ContractDriver): void {
  describe(`adapter contract: ${driver.name}`, () => {
    let rig: ContractRig | undefined;
    const running = () => {
      if (!rig) throw new Error(`the ${driver.name} rig has not started`);
      return rig;
    };
    beforeAll(async () => {
      rig = await driver.start();
    });
    afterAll(async () => {
      await rig?.stop();
    });

    it('answers a conversation with the same sourced facts as the core, in the same order', async () => {
      const expected = (await coreAnswers()).map(shownFacts);
      const shown: string[][] = [];
      for (const text of CONVERSATION) shown.push(shownFacts(await running().askDirect(text)));
      expect(expected.every((facts) => facts.length > 0)).toBe(true);
      expect(shown).toEqual(expected);
      expect(routedIntents(running().lines)).toEqual(['compensation', 'barriers', 'education', 'demand']);
    });

    it('never pings anyone, whatever mentions the question carries', async () => {
      running().reset();
      const rendered = await running().askDirect(HOSTILE);
      expect(shownFacts(rendered).length).toBeGreaterThan(0);
      const sent = running().sent();
      expect(sent.length).toBeGreaterThan(0);
      expect(sent.map((body) => running().pingRisk(body)).filter(Boolean)).toEqual([]);
    });

    if (driver.chat) {
      it("gives the first response to a slash command within the platform's deadline", async () => {
        const slash = running().slashCareers;
        if (!slash) throw new Error(`${driver.name} must drive /careers`);
        const { accepted, rendered } = await slash.call(running(), 'how much do prompt engineers make?');
        expect(accepted).toBe(true);
        expect(shownFacts(rendered).length).toBeGreaterThan(0);
      });

      it('logs a post the platform refuses and goes on answering', async () => {
        const failing = running().askDirectWhilePostingFails;
        if (!failing) throw new Error(`${driver.name} must drive a refused post`);
        await failing.call(running(), 'what does a prompt engineer do all day?');
        const after = await running().askDirect('how much do prompt engineers make?');
        expect(shownFacts(after).length).toBeGreaterThan(0);
        expect(running().lines.some((l) => /"level":50/.test(l))).toBe(true);
      });
    }
  });
}
