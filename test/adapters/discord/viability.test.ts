import { beforeEach, describe, expect, it } from 'vitest';
import { MIDDLING_PROFILE } from '../../fixtures/viability-answers.ts';
import { DISCORD_IDS } from '../../harness/discord-fake.ts';
import {
  type CallbackBody as Body,
  type DiscordRig,
  EPHEMERAL,
  interactionCallback,
  useDiscordRig,
} from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
beforeEach(() => {
  rig = rigOf();
});
const callbackFor = (id: string) => interactionCallback(rig, id);

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
