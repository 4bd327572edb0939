import { beforeEach, describe, expect, it } from 'vitest';
import {
  type CallbackBody as Body,
  type DiscordRig,
  EPHEMERAL,
  interactionCallback,
  startDiscordRig,
  useDiscordRig,
} from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
beforeEach(() => {
  rig = rigOf();
});
const callbackFor = (id: string) => interactionCallback(rig, id);

describe('Discord gateway login', () => {
  it('identifies with only Guilds, GuildMessages and DirectMessages (no privileged MessageContent)', () => {
    const intents = (rig.fake.identifies[0] as { intents: number }).intents;
    expect(intents).toBe(1 | (1 << 9) | (1 << 12));
  });
});

describe('/careers and /help', () => {
  it('answers /careers privately at once, with sourced fact fields, a share button and no pings', async () => {
    const interaction = rig.fake.sendInteraction(
      rig.fake.chatInput({ name: 'careers', options: { question: 'how much do prompt engineers make?' } }),
    );
    const call = await callbackFor(interaction.id);
    expect(call.auth).toBeUndefined();
    const body = call.body as Body;
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(EPHEMERAL);
    const shown = JSON.stringify(body.data?.embeds);
    expect(shown).toContain('$175,000');
    expect(shown).toMatch(/Bloomberg/);
    expect(JSON.stringify(body.data?.components)).toContain('cb:share:');
    expect(body.data?.allowed_mentions).toEqual({ parse: [], replied_user: false });
  });

  it('shows help for /careers without a question and for /help', async () => {
    for (const interaction of [rig.fake.chatInput({ name: 'careers' }), rig.fake.chatInput({ name: 'help' })]) {
      rig.fake.sendInteraction(interaction);
      const body = (await callbackFor(interaction.id)).body as Body;
      expect(JSON.stringify(body.data?.embeds)).toMatch(/What careerbot can do/i);
    }
  });

  it('defers and then edits when the answer is not ready in time, with one initial response', async () => {
    const slow = await startDiscordRig({ deferAfterMs: 0 });
    const interaction = slow.fake.sendInteraction(
      slow.fake.chatInput({ name: 'careers', options: { question: 'do I need to code?' } }),
    );
    const edit = await slow.fake.waitForCall({ method: 'PATCH', route: /\/messages\/@original$/ });
    expect(JSON.stringify(edit.body)).toMatch(/Barriers to entry/);
    const callbacks = slow.fake.calls.filter((c) => c.route.startsWith(`/interactions/${interaction.id}/`));
    expect(callbacks).toHaveLength(1);
    expect((callbacks[0]?.body as Body | undefined)?.type).toBe(5);
    expect(slow.lines.join('')).not.toMatch(/10062|40060|Unknown interaction|already been acknowledged/);
    await slow.stop();
  });
});
