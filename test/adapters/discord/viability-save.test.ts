import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStore, type Store } from '../../../src/store/store.ts';
import { captureLogger, tempDir } from '../../helpers/context.ts';
import { type DiscordRig, startDiscordRig } from '../../helpers/discord.ts';
import { refuseWrites } from '../../helpers/failing-sqlite.ts';

type Body = { type?: number; data?: { content?: string; components?: unknown[] } };

const { dir, cleanup } = tempDir();
let store: Store;
let rig: DiscordRig;
beforeAll(async () => {
  store = await createStore({ dataDir: dir, logger: captureLogger().logger });
  rig = await startDiscordRig({ store });
});
afterAll(async () => {
  await rig.stop();
  await store.close();
  cleanup();
});

const callbackFor = (id: string) =>
  rig.fake.waitForCall({ method: 'POST', route: new RegExp(`^/interactions/${id}/[^/]+/callback$`) });

describe('Discord /viability when the store cannot save', () => {
  it('issue 10: a picked answer that cannot be saved is reported, and the menu does not show it as kept', async () => {
    rig.fake.sendInteraction(rig.fake.chatInput({ name: 'viability' }));
    const restore = refuseWrites(join(dir, 'careerbot.sqlite'), '%viability-answers:%');
    try {
      const pick = rig.fake.sendInteraction(rig.fake.stringSelect({ customId: 'cb:via:q:coding', values: ['basic'] }));
      const body = (await callbackFor(pick.id)).body as Body;
      expect(body.type).toBe(7);
      expect(body.data?.content).toMatch(/couldn't save that answer, please try again/i);
      expect(JSON.stringify(body.data?.components)).not.toMatch(/"value":"basic","default":true/);
    } finally {
      restore();
    }
    const retry = rig.fake.sendInteraction(rig.fake.stringSelect({ customId: 'cb:via:q:coding', values: ['basic'] }));
    const body = (await callbackFor(retry.id)).body as Body;
    expect(body.data?.content ?? '').not.toMatch(/couldn't save/i);
    expect(JSON.stringify(body.data?.components)).toMatch(/"value":"basic","default":true/);
  });
});
