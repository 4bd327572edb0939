/**
 * issue 13: the Slack adapter runs the adapter contract, through real Bolt against FakeSlack, in
 * production timing (acks before the work), so the fake's verdict on the ack is the one Slack would give.
 */
import { vi } from 'vitest';
import { FAKE_IDS } from '../../harness/slack-fake.ts';
import { messageEvent, startSlackRig } from '../../helpers/slack.ts';
import { type ContractDriver, type ContractRig, runAdapterContract } from '../contract.ts';

/** The DM channel `messageEvent` writes in. */
const DM = 'D0DM';

/** Broadcasts and user or group mentions in Slack markup, or a flag that makes bare `@here`-style words ping. */
function pingRisk(body: unknown): string | undefined {
  const json = JSON.stringify(body);
  const markup = /<!(?:channel|here|everyone|subteam\^)[^>]*>|<@[UWB][A-Z0-9]*(?:\|[^>]*)?>/.exec(json)?.[0];
  if (markup) return `mention markup ${markup}`;
  const bare = /(?<![\w.])@(?:channel|here|everyone)\b/.exec(json)?.[0];
  if (bare) return `bare ${bare}`;
  if (/"link_names":\s*(?:true|1|"1"|"true")|"parse":\s*"full"/.test(json)) return 'link_names or parse=full';
  return undefined;
}

const slack: ContractDriver = {
  name: 'slack',
  chat: true,
  async start(): Promise<ContractRig> {
    const rig = await startSlackRig({ processBeforeResponse: false });
    const { fake } = rig;
    /** Sends a DM and resolves with the first post in the DM after it. */
    async function askDirect(text: string): Promise<string> {
      const before = fake.calls.length;
      await fake.sendEvent(messageEvent(text));
      const call = await fake.waitForCall(
        'chat.postMessage',
        (c) => fake.calls.indexOf(c) >= before && c.params.channel === DM,
        5_000,
      );
      return JSON.stringify(call.params);
    }
    return {
      askDirect,
      sent: () => [...fake.calls.map((c) => c.params), ...fake.responses.map((r) => r.body)],
      pingRisk,
      async slashCareers(question) {
        const res = await fake.sendCommand({ command: '/careers', text: question, channel_id: FAKE_IDS.channelId });
        const id = decodeURIComponent(res.payload.response_url.split('/').pop() ?? '');
        // A slow answer sends a private "thinking" note first; the answer is the response with blocks.
        const answer = await fake.waitForResponse(id, 5_000, (r) => r.body.blocks !== undefined);
        return { accepted: res.acked, rendered: JSON.stringify(answer.body) };
      },
      async askDirectWhilePostingFails(text) {
        // A platform error the WebClient does not retry: Slack refuses the post outright.
        fake.failNext('chat.postMessage', { error: 'channel_not_found' });
        const before = fake.calls.length;
        await fake.sendEvent(messageEvent(text));
        await fake.waitForCall('chat.postMessage', (c) => fake.calls.indexOf(c) >= before, 5_000);
        await vi.waitFor(() => {
          if (!rig.lines.some((l) => l.includes('could not post a Slack reply'))) throw new Error('not logged yet');
        });
      },
      lines: rig.lines,
      reset: () => fake.reset(),
      stop: () => rig.stop(),
    };
  },
};

runAdapterContract(slack);
