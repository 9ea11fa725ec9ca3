import type { Socket } from 'node:net';
import { buildConnector, Client } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { guardHeaderOverflow } from './header-overflow-guard.js';
import { closeServers, startServer, testClient } from './test-support.js';

/** `count` headers of about 20 bytes each. */
function manyHeaders(count: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => [`x-header-${i}`, `v${i}`]));
}

/** Answers `/headers/<count>` with that many extra headers, anything else with none. */
async function headersServer() {
  return startServer((req, res) => {
    const count = Number(/^\/headers\/(\d+)/.exec(req.url ?? '')?.[1] ?? 0);
    res.writeHead(200, manyHeaders(count)).end('ok');
  });
}

afterEach(closeServers);

describe('maxHeaderSize', () => {
  it('fails a response with 10,000 headers as headers_too_large, and the next request succeeds', async () => {
    const { origin } = await headersServer();
    const { client, recorders, timing } = testClient();
    const res = await client.request('w', 'GET', `${origin}/headers/10000`, undefined, timing);
    expect(res).toMatchObject({ status: 0, ok: false, text: '' });
    expect(res.error).toMatchObject({
      class: 'headers_too_large',
      code: 'ERR_RESPONSE_HEADERS_TOO_LARGE',
    });
    expect(res.error?.message).toMatch(/passed the 64 KiB limit; raise maxHeaderSize/);
    expect(recorders.samples[0]).toMatchObject({ errorClass: 'headers_too_large', status: 0 });
    const next = await client.request('w', 'GET', `${origin}/`, undefined, timing);
    expect(next.ok).toBe(true);
  });

  it('takes the client limit: a head that fits passes, a larger one fails', async () => {
    const { origin } = await headersServer();
    const { client, timing } = testClient({ maxHeaderSize: 4096 });
    const fits = await client.request('w', 'GET', `${origin}/headers/100`, undefined, timing);
    expect(fits.ok).toBe(true);
    expect(Object.keys(fits.headers)).toContain('x-header-99');
    const over = await client.request('w', 'GET', `${origin}/headers/300`, undefined, timing);
    expect(over.error?.class).toBe('headers_too_large');
    expect(over.error?.message).toMatch(/the 4 KiB limit/);
  });
});

describe('guardHeaderOverflow', () => {
  it("wraps the parser undici attaches to each new connection, leaving the overflow undici's", async () => {
    const { origin } = await headersServer();
    const guarded: boolean[] = [];
    const connect = buildConnector({});
    const client = new Client(origin, {
      connect: (options, callback) =>
        connect(options, (error, socket) => {
          callback(error as null, socket as Socket);
          if (socket !== null) guarded.push(guardHeaderOverflow(socket as Socket));
        }),
    });
    const outcomes: string[] = [];
    for (const path of ['/headers/10000', '/']) {
      outcomes.push(
        await client.request({ path, method: 'GET' }).then(
          async ({ statusCode, body }) => `${statusCode} ${await body.text()}`,
          (error: { code: string }) => error.code,
        ),
      );
    }
    await client.close();
    expect(outcomes).toEqual(['UND_ERR_HEADERS_OVERFLOW', '200 ok']);
    expect(guarded).toEqual([true, true]);
  });
});
