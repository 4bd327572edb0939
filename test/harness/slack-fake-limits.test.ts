/** Issue 10: FakeSlack refuses what Slack refuses, through the real WebClient and real HTTP. */
import { type Logger, LogLevel, webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack, triggerId } from './slack-fake.ts';

const silent: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

let fake: FakeSlack;
let client: webApi.WebClient;
beforeEach(async () => {
  fake = await FakeSlack.start();
  client = new webApi.WebClient('xoxb-test', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: silent });
});
afterEach(() => fake.stop());

const plain = (text: string) => ({ type: 'plain_text' as const, text });
const button = (id: string) => ({ type: 'button', action_id: id, text: plain('Go') });
const modal = (extra: Record<string, unknown> = {}) => ({
  type: 'modal',
  title: plain('Career check'),
  blocks: [],
  ...extra,
});

/** The `error` and `errors` a rejected call carries. */
async function refusal(call: Promise<unknown>): Promise<{ error?: string; errors?: string[] }> {
  try {
    await call;
  } catch (err) {
    return (err as { data: { error?: string; errors?: string[] } }).data;
  }
  throw new Error('the fake accepted the call');
}

describe('issue 10: FakeSlack enforces Block Kit and message limits', () => {
  it.each([
    ['an empty text', { text: '' }],
    ['blocks without text', { blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }] }],
  ])('issue 10: refuses a message with %s (no_text)', async (_name, params) => {
    expect(await refusal(client.chat.postMessage({ channel: 'C1', ...params } as never))).toMatchObject({
      error: 'no_text',
    });
  });

  it.each([
    ['an mrkdwn header', [{ type: 'header', text: { type: 'mrkdwn', text: 'Hi' } }], '/blocks/0/text/type'],
    ['a 151-character header', [{ type: 'header', text: plain('x'.repeat(151)) }], '/blocks/0/text/text'],
    [
      'a section with 11 fields',
      [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'f' })) }],
      '/blocks/0/fields',
    ],
    [
      'an actions block with 26 elements',
      [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button(`b${i}`)) }],
      '/blocks/0/elements',
    ],
    [
      'an action_id used twice in one block',
      [{ type: 'actions', elements: [button('same'), button('same')] }],
      '/blocks/0/elements/1/action_id',
    ],
    [
      'a block_id used twice',
      [
        { type: 'actions', block_id: 'b', elements: [button('one')] },
        { type: 'actions', block_id: 'b', elements: [button('two')] },
      ],
      '/blocks/1/block_id',
    ],
    ['an empty section text', [{ type: 'section', text: { type: 'mrkdwn', text: '' } }], '/blocks/0/text/text'],
  ])('issue 10: refuses %s (invalid_blocks)', async (_name, blocks, pointer) => {
    const data = await refusal(client.chat.postMessage({ channel: 'C1', text: 't', blocks } as never));
    expect(data.error).toBe('invalid_blocks');
    expect(data.errors?.join()).toContain(`[json-pointer:${pointer}]`);
  });

  it.each([
    ['a 25-character modal title', modal({ title: plain('x'.repeat(25)) }), '/view/title/text'],
    ['private_metadata over 3000', modal({ private_metadata: 'x'.repeat(3001) }), '/view/private_metadata'],
  ])('issue 10: refuses a view with %s', async (_name, view, pointer) => {
    const data = await refusal(client.views.open({ trigger_id: triggerId(), view } as never));
    expect(data.errors?.join()).toContain(`[json-pointer:${pointer}]`);
  });
});

describe('issue 10: FakeSlack enforces short-lived handles', () => {
  it('issue 10: a trigger_id opens one view, and none once 3 seconds have passed', async () => {
    const fresh = triggerId();
    await expect(client.views.open({ trigger_id: fresh, view: modal() } as never)).resolves.toMatchObject({ ok: true });
    expect(await refusal(client.views.open({ trigger_id: fresh, view: modal() } as never))).toMatchObject({
      error: 'exchanged_trigger_id',
    });
    const late = triggerId();
    fake.elapse(3_001);
    expect(await refusal(client.views.open({ trigger_id: late, view: modal() } as never))).toMatchObject({
      error: 'expired_trigger_id',
    });
  });

  const post = (url: string, body: unknown) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('issue 10: a response_url takes five messages, then answers used_url', async () => {
    const url = fake.responseUrl('five');
    for (let i = 0; i < 5; i++) expect((await post(url, { text: `m${i}` })).status).toBe(200);
    const sixth = await post(url, { text: 'm5' });
    expect(sixth.status).toBe(404);
    expect(await sixth.json()).toMatchObject({ error: 'used_url' });
    expect(fake.responses).toHaveLength(5);
  });

  it('issue 10: a response_url expires after 30 minutes', async () => {
    const url = fake.responseUrl('late');
    fake.elapse(30 * 60 * 1000 + 1);
    expect(await (await post(url, { text: 'too late' })).json()).toMatchObject({ error: 'expired_url' });
  });

  it.each([
    ['delete_original together with a message', { delete_original: true, response_type: 'in_channel', text: 'x' }],
    ['an empty text', { text: '' }],
  ])('issue 10: a response_url refuses %s', async (_name, body) => {
    expect((await post(fake.responseUrl('bad'), body)).status).toBe(400);
    expect(fake.responses).toHaveLength(0);
    expect((await post(fake.responseUrl('bad'), { delete_original: true })).status).toBe(200);
  });
});
