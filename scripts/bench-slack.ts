/**
 * Only the Slack part of `npm run bench`: time to ack 200 concurrent signed slash commands, careerbot's
 * adapter against a bare Bolt app in the same run (`scripts/lib/slack-bench.ts`). Usage:
 * `node scripts/bench-slack.ts` (BENCH_VERBOSE=1 prints each round's p99).
 */
import { slackAckBench } from './lib/slack-bench.ts';

const { lines } = await slackAckBench();
process.stdout.write(`${lines.join('\n')}\n`);
