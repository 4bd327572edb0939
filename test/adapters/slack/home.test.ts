/** App Home: published when the Home tab opens, listing the registry's slash commands. */
import { beforeEach, describe, expect, it } from 'vitest';
import { blockText, type SlackRig, useSlackRig } from '../../helpers/slack.ts';

const rigOf = useSlackRig();
let rig: SlackRig;
beforeEach(() => {
  rig = rigOf();
});

describe('App Home', () => {
  it('publishes what the bot can do when the Home tab opens', async () => {
    await rig.fake.sendEvent({
      type: 'app_home_opened',
      user: 'U0HOME',
      channel: 'D0HOME',
      tab: 'home',
      event_ts: '1.1',
    });
    const call = await rig.fake.waitForCall('views.publish');
    expect(call.params.user_id).toBe('U0HOME');
    expect(blockText(call.params.view)).toContain('/viability');
  });
});
