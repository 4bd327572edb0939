/** issue 10 (item 17): in Slack Socket Mode the adapter's readiness (behind `/healthz`) follows the socket. */
import { describe, expect, it } from 'vitest';
import { startSlackRig } from '../../helpers/slack.ts';

describe('issue 10: Slack Socket Mode readiness', () => {
  it('is up once the socket is connected and down after stop', async () => {
    const rig = await startSlackRig({ socketMode: true });
    try {
      expect(rig.adapter.ready?.()).toBe(true);
    } finally {
      await rig.stop();
    }
    expect(rig.adapter.ready?.()).toBe(false);
  });
});
