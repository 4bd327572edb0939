/** Issue 10: the Slack HTTP endpoint against hostile input, through the real Bolt App over real HTTP. */
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { slackSignatureHeaders } from '../../harness/slack-fake.ts';
import { mention, type SlackRig, startSlackRig } from '../../helpers/slack.ts';

let rig: SlackRig;
const sockets: Socket[] = [];
const limits = { requestTimeoutMs: 400, headersTimeoutMs: 400 };

beforeEach(async () => {
  rig = await startSlackRig({ limits });
});

afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  await rig.stop();
});

/** Sends only the headers of a POST and resolves with the status, without ever sending the body. */
function headersOnly(headers: Record<string, string | number>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1',
      port: rig.adapter.port,
      method: 'POST',
      path: '/slack/events',
      headers: { 'content-type': 'application/json', ...headers },
    });
    req.on('response', (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/** Opens a raw socket to the app and writes `text`; resolves with everything read until the server closes it. */
function rawExchange(text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(rig.adapter.port ?? 0, '127.0.0.1', () => socket.write(text));
    sockets.push(socket);
    let read = '';
    socket.on('data', (chunk) => {
      read += chunk.toString();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(read));
  });
}

/** A keep-alive GET /healthz on its own socket; resolves once answered, leaving the socket open. */
function idleConnection(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(rig.adapter.port ?? 0, '127.0.0.1', () =>
      socket.write('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n'),
    );
    sockets.push(socket);
    socket.once('data', () => resolve(socket));
    socket.on('error', reject);
  });
}

describe('issue 10: malformed signed bodies', () => {
  it.each([
    ['a JSON null', 'null', 'application/json'],
    ['a JSON array', '[]', 'application/json'],
    ['a form payload=null', 'payload=null', 'application/x-www-form-urlencoded'],
    ['a form payload that is a string', 'payload=%22x%22', 'application/x-www-form-urlencoded'],
  ])('issue 10: %s with a valid signature gets 400 and the bot keeps answering', async (_name, body, type) => {
    const res = await rig.fake.sendRaw(body, type);
    expect(res.status).toBe(400);
    const ok = await rig.fake.sendEvent(mention('do I need to code?'));
    expect(ok.status).toBe(200);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(1);
  });
});

describe('issue 10: authentication before the body is read', () => {
  it('issue 10: a request without signature headers is refused from its headers alone', async () => {
    expect(await headersOnly({ 'content-length': 3_900_000 })).toBe(401);
  });

  it('issue 10: a request with a malformed signature is refused before its body arrives', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-slack-request-timestamp': ts, 'x-slack-signature': 'v0=nothex', 'content-length': 1000 };
    expect(await headersOnly(headers)).toBe(401);
  });

  it('issue 10: a timestamp six minutes in the future is refused like a stale one', async () => {
    const future = Math.floor(Date.now() / 1000) + 6 * 60;
    const res = await rig.fake.sendEvent(mention('do I need to code?'), { signOptions: { timestamp: future } });
    expect(res.status).toBe(401);
    expect(rig.fake.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('issue 10: a signed body over 1 MB is refused with 413 (declared or streamed)', async () => {
    const big = JSON.stringify({ type: 'event_callback', pad: 'x'.repeat(1_100_000) });
    expect((await rig.fake.sendRaw(big, 'application/json')).status).toBe(413);
    const headers = slackSignatureHeaders(rig.fake.signingSecret, big);
    const head = Object.entries({ ...headers, 'content-type': 'application/json', 'transfer-encoding': 'chunked' })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    const chunked = `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`;
    const reply = await rawExchange(`POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\n${head}\r\n${chunked}`);
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
  });

  it('issue 10: an unsigned ssl_check still gets 200', async () => {
    const res = await rig.fake.sendRaw('ssl_check=1&token=x', 'application/x-www-form-urlencoded', {
      signOptions: { noSignature: true },
    });
    expect(res.status).toBe(200);
  });
});

describe('issue 10: slow and numerous connections', () => {
  it('issue 10: a body trickling in is cut off at the request timeout', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const head = `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-slack-request-timestamp: ${ts}\r\nx-slack-signature: v0=${'0'.repeat(64)}\r\ncontent-length: 100\r\n\r\n{`;
    const reply = await rawExchange(head);
    expect(reply).toMatch(/^HTTP\/1\.1 408/);
  });

  it('issue 10: connections beyond the cap are closed at once', async () => {
    await rig.stop();
    rig = await startSlackRig({ limits: { ...limits, maxConnections: 2 } });
    await idleConnection();
    await idleConnection();
    expect(await rawExchange('GET /healthz HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n')).toBe('');
  });

  it('issue 10: bodies beyond the memory budget get 503 while earlier ones are still arriving', async () => {
    await rig.stop();
    rig = await startSlackRig({ limits: { ...limits, maxBufferedBytes: 1500 } });
    const ts = Math.floor(Date.now() / 1000);
    const partial = `POST /slack/events HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\nx-slack-request-timestamp: ${ts}\r\nx-slack-signature: v0=${'0'.repeat(64)}\r\ncontent-length: 1000\r\n\r\n${'x'.repeat(800)}`;
    const replies = await Promise.all([rawExchange(partial), rawExchange(partial)]);
    // One is refused for memory at once; the other waits for the rest of its body until the request timeout.
    expect(replies.map((r) => r.slice(0, 12)).sort()).toEqual(['HTTP/1.1 408', 'HTTP/1.1 503']);
  });

  it('issue 10: listens on loopback by default (HOST)', () => {
    expect(rig.adapter.host).toBe('127.0.0.1');
  });
});
