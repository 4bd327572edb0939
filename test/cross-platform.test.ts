import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createConsoleAdapter } from '../adapters/console/index.ts';
import { DISCORD_IDS } from './harness/discord-fake.ts';
import { createTestBot, realKnowledge } from './helpers/context.ts';
import { startDiscordRig } from './helpers/discord.ts';
import { messageEvent, startSlackRig } from './helpers/slack.ts';

// The same short conversation, through each adapter, must reach the same intents and show the same facts.
const CONVERSATION = [
  'how much do prompt engineers make?',
  'do I need to know how to code for this?',
  'which certification should I get?',
  'will prompt engineering be obsolete soon?',
];

const { kb } = realKnowledge();
const figures = [...kb.entries.values()].flatMap((e) => e.facts.map((f) => f.figure));
/** What one rendered answer shows: the fact figures present, in knowledge-base order. */
const shownFacts = (rendered: string) => figures.filter((f) => rendered.includes(f));
/** The intents the router logged, in order. */
const intents = (lines: string[]) =>
  lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.includes('"routed message"'))
    .map((l) => (JSON.parse(l) as { intent: string }).intent);

async function viaConsole() {
  const { bot, lines } = await createTestBot();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c) => {
    printed += String(c);
  });
  const running = createConsoleAdapter({ bot, input, output }).start();
  input.end(`${CONVERSATION.join('\n')}\n/quit\n`);
  await running;
  const answers = printed.split('\n> ').slice(1, CONVERSATION.length + 1);
  return { intents: intents(lines), facts: answers.map(shownFacts) };
}

async function viaSlack() {
  const rig = await startSlackRig();
  const facts: string[][] = [];
  for (const text of CONVERSATION) {
    rig.fake.reset();
    await rig.fake.sendEvent(messageEvent(text));
    const call = await rig.fake.waitForCall('chat.postMessage');
    // Block Kit escapes & < >; the figures use none of them, so the JSON can be searched as is.
    facts.push(shownFacts(JSON.stringify(call.params.blocks)));
  }
  const result = { intents: intents(rig.lines), facts };
  await rig.stop();
  return result;
}

async function viaDiscord() {
  const rig = await startDiscordRig();
  const facts: string[][] = [];
  for (const text of CONVERSATION) {
    rig.fake.reset();
    rig.fake.sendMessage(rig.fake.dmMessage({ content: text }));
    const call = await rig.fake.waitForCall({ method: 'POST', route: `/channels/${DISCORD_IDS.dmChannelId}/messages` });
    facts.push(shownFacts(JSON.stringify(call.body)));
  }
  const result = { intents: intents(rig.lines), facts };
  await rig.stop();
  return result;
}

describe('one conversation, three platforms', () => {
  it('reaches the same intents and shows the same sourced facts on console, Slack and Discord', async () => {
    const [terminal, slack, discord] = [await viaConsole(), await viaSlack(), await viaDiscord()];
    expect(terminal.intents).toEqual(['compensation', 'barriers', 'education', 'demand']);
    expect(slack.intents).toEqual(terminal.intents);
    expect(discord.intents).toEqual(terminal.intents);
    expect(terminal.facts.every((f) => f.length > 0)).toBe(true);
    expect(slack.facts).toEqual(terminal.facts);
    expect(discord.facts).toEqual(terminal.facts);
  });
});
