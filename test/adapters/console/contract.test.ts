/** The adapter contract, run by the console adapter over a pair of in-memory streams. */
import { PassThrough } from 'node:stream';
import { createConsoleAdapter } from '../../../adapters/console/index.ts';
import { createTestBot } from '../../helpers/context.ts';
import { type ContractRig, runAdapterContract } from '../contract.ts';

async function startConsole(): Promise<ContractRig> {
  const { bot, lines } = await createTestBot();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  let sent: string[] = [];
  const waiters: (() => void)[] = [];
  output.on('data', (chunk) => {
    printed += String(chunk);
    for (const wake of waiters.splice(0)) wake();
  });
  const running = createConsoleAdapter({ bot, input, output }).start();
  /** Resolves once the console printed its next prompt after `from`: the answer is complete. */
  const answeredAfter = async (from: number): Promise<string> => {
    for (;;) {
      const at = printed.indexOf('\n> ', from);
      if (at >= 0) return printed.slice(from, at);
      await new Promise<void>((wake) => waiters.push(wake));
    }
  };
  await answeredAfter(0);
  return {
    lines,
    async askDirect(text) {
      const from = printed.length;
      input.write(`${text}\n`);
      const answer = await answeredAfter(from);
      sent.push(answer);
      return answer;
    },
    sent: () => sent,
    // A terminal has no one to ping; what matters is that the answer is printed at all.
    pingRisk: () => undefined,
    reset() {
      sent = [];
    },
    async stop() {
      input.end('/quit\n');
      await running;
    },
  };
}

runAdapterContract({ name: 'console', chat: false, start: startConsole });
