/**
 * The adapter contract (`test/adapters/contract.ts`) on Discord: the real adapter and discord.js against the
 * local fake Discord, which judges the three-second deadline of an interaction's first response (10062 when
 * late) and can refuse a post the way Discord does (403 Missing Permissions, which discord.js does not retry).
 */
import { isDeepStrictEqual } from 'node:util';
import { vi } from 'vitest';
import { DISCORD_IDS, type RecordedCall } from '../../harness/discord-fake.ts';
import { type DiscordRig, startDiscordRig } from '../../helpers/discord.ts';
import { type ContractRig, runAdapterContract } from '../contract.ts';

/** The only allowed mentions under which nothing a message says can ping: no parsing, no reply ping. */
const NO_PINGS = { parse: [], replied_user: false };
/** Mention syntax Discord would act on if parsing were allowed (a neutralised one has a zero-width space). */
const RAW_MENTION = /@(everyone|here)\b|<@[!&]?\d+>/;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Why a body sent to Discord could ping someone: lax allowed mentions on a message, or raw mention syntax. */
function pingRisk(body: unknown): string | undefined {
  if (!isRecord(body)) return undefined;
  // An interaction callback wraps its message in `data`; a channel post or webhook edit is the message itself.
  const message = isRecord(body.data) ? body.data : body;
  if (!['content', 'embeds', 'components'].some((key) => key in message)) return undefined;
  if (!isDeepStrictEqual(message.allowed_mentions, NO_PINGS)) {
    return `allowed_mentions ${JSON.stringify(message.allowed_mentions)} lets a mention ping`;
  }
  return RAW_MENTION.test(JSON.stringify(message)) ? 'raw mention syntax in the message' : undefined;
}

const dmPost = (call: RecordedCall) =>
  call.method === 'POST' && call.route === `/channels/${DISCORD_IDS.dmChannelId}/messages`;

/** Waits for the first call matching `filter` that was not recorded before `earlier` was taken. */
function nextCall(rig: DiscordRig, filter: (call: RecordedCall) => boolean, timeoutMs = 5_000) {
  const earlier = new Set(rig.fake.calls);
  return (send: () => void) => {
    send();
    return rig.fake.waitForCall((call) => !earlier.has(call) && filter(call), timeoutMs);
  };
}

/** The contract's view of one Discord rig. */
function contractRig(rig: DiscordRig): ContractRig {
  const askDirect = async (text: string) => {
    const call = await nextCall(rig, dmPost)(() => rig.fake.sendMessage(rig.fake.dmMessage({ content: text })));
    return JSON.stringify(call.body);
  };
  return {
    lines: rig.lines,
    askDirect,
    sent: () => rig.fake.calls.filter((c) => c.method !== 'GET' && c.body !== undefined).map((c) => c.body),
    pingRisk,
    async slashCareers(question) {
      const interaction = rig.fake.chatInput({ name: 'careers', options: { question } });
      const callbackRoute = new RegExp(`^/interactions/${interaction.id}/[^/]+/callback$`);
      const callback = await nextCall(rig, (c) => callbackRoute.test(c.route))(() =>
        rig.fake.sendInteraction(interaction),
      );
      // The fake records a first response as made only when it came within the deadline (else 10062).
      const accepted = rig.fake.interactionState(interaction.id)?.respondedAt !== undefined;
      if ((callback.body as { type?: number }).type === 4) return { accepted, rendered: JSON.stringify(callback.body) };
      // Deferred: the answer is the edit of the original response.
      const edit = await rig.fake.waitForCall(
        (c) =>
          c.method === 'PATCH' &&
          c.route.includes(`/${interaction.token}/messages/@original`) &&
          isRecord(c.body) &&
          'embeds' in c.body,
        10_000,
      );
      return { accepted, rendered: JSON.stringify(edit.body) };
    },
    async askDirectWhilePostingFails(text) {
      rig.fake.failNext('POST /channels/:id/messages', { status: 403, code: 50013, message: 'Missing Permissions' });
      await nextCall(rig, dmPost)(() => rig.fake.sendMessage(rig.fake.dmMessage({ content: text })));
      // Served once the adapter has heard the refusal and logged it.
      await vi.waitFor(() => {
        if (!rig.lines.some((l) => /"level":50/.test(l) && l.includes('50013'))) throw new Error('refusal not logged');
      });
    },
    reset: () => rig.fake.reset(),
    stop: () => rig.stop(),
  };
}

runAdapterContract({ name: 'discord', chat: true, start: async () => contractRig(await startDiscordRig()) });
