/**
 * issue 10: the viability questionnaire stays within Discord's component rules for any rubric the knowledge schema
 * accepts: slugs have no length cap (custom_id and option values do: 100) and nothing forbids two options with the
 * same value (Discord rejects duplicate option values in one select).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Rubric } from '../../../src/knowledge/schema.ts';
import { DISCORD_IDS } from '../../harness/discord-fake.ts';
import { type DiscordRig, useDiscordRig } from '../../helpers/discord.ts';

const rigOf = useDiscordRig();
let rig: DiscordRig;
beforeEach(() => {
  rig = rigOf();
});

type Select = { type: number; custom_id: string; options: { value: string; label: string }[] };
type Body = { type?: number; data?: { components?: { components: Select[] }[] } };

const LONG_ID = `q-${'long'.repeat(30)}`;
const LONG_VALUE = `v-${'value'.repeat(30)}`;

/** The real rubric with a 122-character question id, a 152-character option value and a repeated option value. */
function awkwardRubric(real: Rubric): Rubric {
  const [first, second, third, ...rest] = real.questions;
  if (!first || !second || !third) throw new Error('the rubric needs three questions');
  return {
    ...real,
    questions: [
      { ...first, id: LONG_ID },
      { ...second, options: second.options.map((o, i) => (i === 0 ? { ...o, value: LONG_VALUE } : o)) },
      { ...third, options: [...third.options, { ...third.options[0], label: 'The same again' } as never] },
      ...rest,
    ],
  };
}

describe('issue 10: viability questionnaire within Discord limits', () => {
  it('shows a page Discord accepts and maps long ids and values back to the rubric', async () => {
    const real = rig.bot.questionnaire;
    const rubric = awkwardRubric(rig.ctx.kb.rubric);
    // The form shows the bot's questionnaire, read on every interaction.
    Object.assign(rig.bot, { questionnaire: rubric.questions });
    try {
      const start = rig.fake.sendInteraction(rig.fake.chatInput({ name: 'viability' }));
      const call = await rig.fake.waitForCall({ method: 'POST', route: `/interactions/${start.id}/:token/callback` });
      expect(rig.fake.formRejections).toEqual([]);
      const selects = ((call.body as Body).data?.components ?? []).flatMap((r) => r.components);
      const [longSelect, longValueSelect, twinSelect] = selects;
      expect(longSelect?.custom_id.length).toBeLessThanOrEqual(100);
      expect(new Set(twinSelect?.options.map((o) => o.value)).size).toBe(twinSelect?.options.length);

      const picked = longValueSelect?.options[0]?.value ?? '';
      expect(picked.length).toBeLessThanOrEqual(100);
      for (const [select, value] of [
        [longSelect, longSelect?.options[0]?.value ?? ''],
        [longValueSelect, picked],
      ] as const) {
        const pick = rig.fake.sendInteraction(
          rig.fake.stringSelect({ customId: select?.custom_id ?? '', values: [value] }),
        );
        await rig.fake.waitForCall({ method: 'POST', route: `/interactions/${pick.id}/:token/callback` });
      }
      const answers = await rig.ctx.store.get<Record<string, string>>(
        `discord:viability-answers:${DISCORD_IDS.userId}`,
      );
      expect(answers).toEqual({
        [LONG_ID]: rubric.questions[0]?.options[0]?.value,
        [rubric.questions[1]?.id ?? '']: LONG_VALUE,
      });
    } finally {
      Object.assign(rig.bot, { questionnaire: real });
    }
  });
});
