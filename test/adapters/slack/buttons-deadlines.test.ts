/** Issue 10: Slack's short-lived handles (trigger_id: 3 s) are spent before the bot's queued work. */
import { afterEach, expect, it } from 'vitest';
import { FakeSlack } from '../../harness/slack-fake.ts';
import { mention, type SlackRig, startSlackRig } from '../../helpers/slack.ts';

let fake: FakeSlack | undefined;
let rig: SlackRig | undefined;
afterEach(async () => {
  // The fake first: its held replies never arrive, so the stalled answers fail and the app can stop.
  await fake?.stop();
  await rig?.stop();
});

it('issue 10: the /viability follow-up button opens its modal at once, even while answers fill the work queue', async () => {
  fake = await FakeSlack.start();
  rig = await startSlackRig({ fake, processBeforeResponse: false });
  fake.setAppUrl(`http://127.0.0.1:${rig.adapter.port}/slack/events`);
  // Two answers whose posts Slack holds: both work-queue slots stay busy.
  fake.failNext('chat.postMessage', { delayMs: 60_000, times: 2 });
  await fake.sendEvent(mention('how much do prompt engineers make?'));
  await fake.sendEvent(mention('do I need to code?'));
  await fake.waitForCall('chat.postMessage', undefined, 5_000);
  await fake.sendBlockAction({ actionId: 'careerbot_ask_0', value: JSON.stringify({ q: '/viability' }) });
  const call = await fake.waitForCall('views.open');
  expect(call.params.view).toMatchObject({ type: 'modal' });
});
