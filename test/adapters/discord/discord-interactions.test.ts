import { beforeEach, describe, expect, it } from 'vitest';
import { encodeAsk, encodeShare } from '../../../adapters/discord/render.ts';
import { MIDDLING_PROFILE } from '../../fixtures/viability-answers.ts';
import { DISCORD_IDS } from '../../harness/discord-fake.ts';
import { type DiscordRig, startDiscordRig, useDiscordRig } from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
beforeEach(() => {
  rig = rigOf();
});

const EPHEMERAL = 64;
type Body = {
  type?: number;
  data?: { flags?: number; embeds?: unknown[]; components?: unknown[]; allowed_mentions?: unknown; content?: string };
};
const callbackFor = (id: string) =>
  rig.fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${id}/[^/]+/callback$`) });

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

describe('buttons', () => {
  it('shares a private answer publicly when Share is clicked', async () => {
    const interaction = rig.fake.sendInteraction(
      rig.fake.button({ customId: encodeShare('how much do prompt engineers make?') }),
    );
    const body = (await callbackFor(interaction.id)).body as Body;
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(JSON.stringify(body.data?.embeds)).toContain('$175,000');
  });

  it('asks the follow-up question on the button and answers it', async () => {
    const interaction = rig.fake.sendInteraction(
      rig.fake.button({ customId: encodeAsk({ question: 'Do I need to code to get in?' }) }),
    );
    const body = (await callbackFor(interaction.id)).body as Body;
    expect(JSON.stringify(body.data?.embeds)).toMatch(/Barriers to entry/);
  });

  it('answers a "did you mean" topic directly by its intent', async () => {
    const interaction = rig.fake.sendInteraction(
      rig.fake.button({ customId: encodeAsk({ question: 'anything', intent: 'stability' }) }),
    );
    const body = (await callbackFor(interaction.id)).body as Body;
    expect(JSON.stringify(body.data?.embeds)).toMatch(/Role stability/);
  });

  it('answers a tampered button with a clear private note instead of failing', async () => {
    const interaction = rig.fake.sendInteraction(rig.fake.button({ customId: 'cb:ask:nope:!!!' }));
    const body = (await callbackFor(interaction.id)).body as Body;
    expect(body.data?.flags).toBe(EPHEMERAL);
    expect(body.data?.content).toMatch(/expired/);
  });
});

describe('/viability', () => {
  it('walks through two pages of select menus and shows the scorecard with nine factors', async () => {
    const start = rig.fake.sendInteraction(rig.fake.chatInput({ name: 'viability' }));
    const first = (await callbackFor(start.id)).body as Body;
    expect(first.data?.flags).toBe(EPHEMERAL);
    expect(first.data?.components).toHaveLength(5);

    for (const [question, value] of Object.entries(MIDDLING_PROFILE)) {
      const pick = rig.fake.sendInteraction(
        rig.fake.stringSelect({ customId: `cb:via:q:${question}`, values: [value] }),
      );
      expect(((await callbackFor(pick.id)).body as Body).type).toBe(7);
    }
    const next = rig.fake.sendInteraction(rig.fake.button({ customId: 'cb:via:next' }));
    expect(((await callbackFor(next.id)).body as Body).data?.components?.length).toBeLessThan(5);

    const submit = rig.fake.sendInteraction(rig.fake.button({ customId: 'cb:via:submit' }));
    const result = (await callbackFor(submit.id)).body as Body;
    expect(result.type).toBe(7);
    const embeds = result.data?.embeds as { fields?: unknown[] }[];
    expect(embeds[0]?.fields).toHaveLength(9);
    expect(await rig.ctx.store.get(`viability:discord:${DISCORD_IDS.userId}`)).toMatchObject({
      answers: MIDDLING_PROFILE,
    });
  });

  it('names the unanswered questions when submitted too early', async () => {
    rig.fake.sendInteraction(rig.fake.chatInput({ name: 'viability' }));
    await rig.fake.waitForCall({ method: 'POST', route: /callback$/ });
    const submit = rig.fake.sendInteraction(rig.fake.button({ customId: 'cb:via:submit' }));
    const body = (await callbackFor(submit.id)).body as Body;
    expect(body.data?.content).toMatch(/Please answer every question first/);
  });
});
