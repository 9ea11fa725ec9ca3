import { afterEach, describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import { contentLength } from './response-limits.js';
import { closeServers, endlessBody, startServer, testClient } from './test-support.js';

const LIMIT = 64 * 1024;
const CHUNK = Buffer.alloc(16 * 1024, 'x');

afterEach(closeServers);

describe('maxResponseBodySize', () => {
  it('aborts an endless body past the limit, keeps nothing and counts every byte read', async () => {
    let closed: Promise<void> | undefined;
    const { origin } = await startServer((_req, res) => {
      closed = endlessBody(res);
    });
    const { client, recorders, timing } = testClient({ maxResponseBodySize: LIMIT });
    const res = await client.request('w', 'GET', `${origin}/endless`, undefined, timing);
    await closed;
    expect(res).toMatchObject({ status: 200, ok: false, text: '' });
    expect(res.error).toMatchObject({
      class: 'body_too_large',
      code: 'ERR_RESPONSE_BODY_TOO_LARGE',
    });
    expect(res.error?.message).toMatch(
      /passed the 64 KiB kept per request; raise maxResponseBodySize/,
    );
    expect(res.headers['content-type']).toBe('text/plain');
    const [sample] = recorders.samples;
    expect(sample).toMatchObject({ status: 200, errorClass: 'body_too_large', expected: false });
    // Every chunk that reached the handler, the one over the limit included, and the head.
    expect(sample!.bytesReceived).toBeGreaterThan(LIMIT);
    expect(sample!.bytesReceived).toBeLessThan(LIMIT + 2 * CHUNK.length + 1024);
  });

  it('fails at once on a Content-Length over the limit, before reading the body', async () => {
    let closed: Promise<void> | undefined;
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(1e9) });
      res.write(CHUNK);
      closed = new Promise((resolve) => res.on('close', resolve));
    });
    const { client, recorders, timing } = testClient({ maxResponseBodySize: 10_000_000 });
    const res = await client.request('w', 'GET', `${origin}/huge`, undefined, timing);
    await closed;
    expect(res.status).toBe(200);
    expect(res.error?.class).toBe('body_too_large');
    expect(res.error?.message).toMatch(/announced as 1000000000 bytes, over the 10 MB kept/);
    expect(recorders.samples[0]!.bytesReceived).toBeLessThan(200);
  });

  it('keeps a body of exactly the limit, by Content-Length or chunked, and refuses one byte more', async () => {
    const { origin } = await startServer((req, res) => {
      const size = Number(/\d+/.exec(req.url ?? '')?.[0]);
      if (req.url?.startsWith('/chunked')) {
        res.write('x'.repeat(size - 1));
        res.end('x');
      } else res.end('x'.repeat(size));
    });
    const { client, timing } = testClient({ maxResponseBodySize: 1000 });
    const get = (path: string) => client.request('w', 'GET', `${origin}${path}`, undefined, timing);
    for (const kind of ['/length', '/chunked']) {
      const fits = await get(`${kind}/1000`);
      expect(fits.ok, kind).toBe(true);
      expect(fits.text).toHaveLength(1000);
      const over = await get(`${kind}/1001`);
      expect(over.error?.class, kind).toBe('body_too_large');
    }
  });

  it('takes a per-request limit over the client one, and refuses one that is not a size', async () => {
    const { origin } = await startServer((_req, res) => res.end('x'.repeat(200_000)));
    const { client, timing } = testClient({ maxResponseBodySize: LIMIT });
    const url = `${origin}/`;
    const raised = await client.request('w', 'GET', url, { maxResponseBodySize: '1MB' }, timing);
    expect(raised.text).toHaveLength(200_000);
    const lowered = await client.request('w', 'GET', url, { maxResponseBodySize: 100 }, timing);
    expect(lowered.error?.message).toMatch(/over the 100 B kept per request/);
    const bad = await client
      .request('w', 'GET', url, { maxResponseBodySize: 'lots' }, timing)
      .catch((error: unknown) => error);
    expect(isLaunchdayError(bad)).toBe(true);
    expect((bad as Error).message).toMatch(/maxResponseBodySize: 'lots' is not a size/);
  });

  it('does not bound HEAD answers, which have no body whatever their Content-Length', async () => {
    const { origin } = await startServer((_req, res) => {
      res.writeHead(200, { 'content-length': String(1e9) }).end();
    });
    const { client, timing } = testClient({ maxResponseBodySize: LIMIT });
    const res = await client.request('w', 'HEAD', `${origin}/`, undefined, timing);
    expect(res.ok).toBe(true);
  });
});

describe('contentLength', () => {
  const head = (...pairs: string[]) => pairs.map((text) => Buffer.from(text));

  it('reads the header in any case, spaces around the number allowed', () => {
    expect(contentLength(head('Date', 'x', 'Content-Length', '11'))).toBe(11);
    expect(contentLength(head('CONTENT-LENGTH', ' 1000000000 '))).toBe(1e9);
    expect(contentLength(head('content-length', '99999999999999999999'))).toBeGreaterThan(1e19);
  });

  it('is -1 without the header or with a value that is not a number', () => {
    for (const value of ['', ' ', '1e3', '-1', '12a', '0x10']) {
      expect(contentLength(head('content-length', value)), value).toBe(-1);
    }
    expect(contentLength(head('content-type', 'text/plain', 'content-lengths', '5'))).toBe(-1);
  });
});

describe('discardResponseBody', () => {
  it('discards per request, unbounded by the limit, and keeps per request when the client discards', async () => {
    const { origin } = await startServer((_req, res) => res.end('x'.repeat(200_000)));
    const url = `${origin}/`;
    const keeping = testClient({ maxResponseBodySize: LIMIT });
    const discarded = await keeping.client.request(
      'w',
      'GET',
      url,
      { discardResponseBody: true },
      keeping.timing,
    );
    expect(discarded).toMatchObject({ ok: true, text: '' });
    expect(keeping.recorders.samples[0]!.bytesReceived).toBeGreaterThan(200_000);

    const discarding = testClient({ discardResponseBodies: true });
    const kept = await discarding.client.request(
      'w',
      'GET',
      url,
      { discardResponseBody: false },
      discarding.timing,
    );
    expect(kept.text).toHaveLength(200_000);
  });
});
