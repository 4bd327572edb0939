/**
 * Slack's side of the Slack benchmark, run in its own process (as Slack is): a FakeSlack for the Web API
 * and response_url, and a load generator that fires signed slash commands at a URL it is given.
 * Protocol (IPC): sends {ready, apiUrl, signingSecret}; receives {url, concurrency}; replies {times}.
 */
import { FakeSlack } from '../../test/harness/slack-fake.ts';

const fake = await FakeSlack.start();
const questions = ['how much do prompt engineers make?', 'do I need to code?', 'which certification should I get?'];

process.on('message', async (message: { url?: string; concurrency?: number; stop?: boolean }) => {
  if (message.stop) {
    await fake.stop();
    process.exit(0);
  }
  const { url = '', concurrency = 200 } = message;
  const results = await Promise.all(
    Array.from({ length: concurrency }, (_, i) =>
      fake.sendCommand({ command: '/careers', text: questions[i % questions.length] ?? '' }, { url }),
    ),
  );
  fake.reset();
  process.send?.({ times: results.map((r) => r.ms), failed: results.filter((r) => r.status !== 200).length });
});
process.send?.({ ready: true, apiUrl: fake.apiUrl, signingSecret: fake.signingSecret });
