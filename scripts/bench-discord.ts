/**
 * Only the Discord part of `npm run bench`: first-response time (dispatch → interaction callback) for 200
 * concurrent `/careers` interactions, careerbot's adapter vs a bare discord.js client, in the same run.
 * Run: `node scripts/bench-discord.ts`.
 */
import { discordInteractionBench } from './lib/discord-bench.ts';

const { lines } = await discordInteractionBench();
for (const line of lines) process.stdout.write(`${line}\n`);
