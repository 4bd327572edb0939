import { beforeEach, describe, expect, it } from 'vitest';
import { encodeAsk, encodeShare } from '../../../adapters/discord/custom-ids.ts';
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
