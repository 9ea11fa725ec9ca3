import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import { MAX_NAMES_PER_WORKLOAD } from './routes.js';
import { closedPort, closeServers, startServer, testClient } from './test-support.js';

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });
}

/** Answers `/status/<code>` with that code, and echoes everything else as JSON. */
async function echoServer() {
  return startServer(async (req, res) => {
    const body = await readBody(req);
    const status = /^\/status\/(\d+)/.exec(req.url ?? '')?.[1];
    if (status !== undefined) {
      res.writeHead(Number(status), { 'x-kind': 'status' }).end(`status ${status}`);
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.setHeader('x-multi', ['a', 'b']);
    res.end(JSON.stringify({ method: req.method, url: req.url, headers: req.headers, body }));
  });
}

afterEach(closeServers);

describe('HttpClient.request', () => {
  it('returns status, headers and body, and names the request by its URL template', async () => {
    const { origin } = await echoServer();
    const { client, recorders, timing } = testClient();
    const res = await client.request(
      'w',
      'GET',
      `${origin}/v1/users/:id`,
      { pathParams: { id: 'a b' }, query: { page: 2, full: true } },
      timing,
    );
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.error).toBeNull();
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.headers['x-multi']).toBe('a, b');
    const echoed = res.json<{ url: string; headers: Record<string, string> }>();
    expect(echoed.url).toBe('/v1/users/a%20b?page=2&full=true');
    expect(echoed.headers['user-agent']).toMatch(/^launchday\/\d/);
    expect(res.url).toBe(`${origin}/v1/users/a%20b?page=2&full=true`);
    expect(res.name).toBe(`GET ${origin}/v1/users/:id`);
    expect(res.method).toBe('GET');
    expect(recorders.samples).toHaveLength(1);
    expect(recorders.samples[0]).toMatchObject({
      workload: 'w',
      name: res.name,
      method: 'GET',
      status: 200,
      expected: true,
      errorClass: null,
    });
  });

  it('resolves relative URLs against the base URL, keeping its path, and names them by the path', async () => {
    const { origin } = await echoServer();
    const { client, timing } = testClient();
    const res = await client.request(
      'w',
      'get',
      '/users?sort=asc',
      { query: { q: 'x&y' } },
      timing,
      `${origin}/api/`,
    );
    expect(res.json<{ url: string }>().url).toBe('/api/users?sort=asc&q=x%26y');
    expect(res.name).toBe('GET /users');
  });

  it('sends JSON with its content type and raw bodies as they are', async () => {
    const { origin } = await echoServer();
    const { client, timing } = testClient();
    const json = await client.request(
      'w',
      'POST',
      `${origin}/j`,
      { json: { a: [1, 'é'] } },
      timing,
    );
    const echoed = json.json<{ body: string; headers: Record<string, string> }>();
    expect(JSON.parse(echoed.body)).toEqual({ a: [1, 'é'] });
    expect(echoed.headers['content-type']).toBe('application/json');
    const raw = await client.request(
      'w',
      'PUT',
      `${origin}/r`,
      { body: 'plain', headers: { 'Content-Type': 'text/plain', 'User-Agent': 'mine' } },
      timing,
    );
    const rawEcho = raw.json<{ body: string; headers: Record<string, string> }>();
    expect(rawEcho).toMatchObject({ method: 'PUT', body: 'plain' });
    expect(rawEcho.headers).toMatchObject({ 'content-type': 'text/plain', 'user-agent': 'mine' });
  });

  it('classifies unexpected 4xx and 5xx statuses, and honours expected statuses', async () => {
    const { origin } = await echoServer();
    const { client, recorders, timing } = testClient({
      expectedStatuses: [{ min: 200, max: 299 }, 418],
    });
    const notFound = await client.request('w', 'GET', `${origin}/status/404`, undefined, timing);
    expect(notFound).toMatchObject({ status: 404, ok: false, text: 'status 404' });
    expect(notFound.error).toEqual({
      class: 'http_4xx',
      code: 'HTTP_404',
      message: 'unexpected status 404 Not Found',
    });
    const failed = await client.request('w', 'GET', `${origin}/status/503`, undefined, timing);
    expect(failed.error?.class).toBe('http_5xx');
    const teapot = await client.request('w', 'GET', `${origin}/status/418`, undefined, timing);
    expect(teapot.ok).toBe(true);
    const gone = await client.request(
      'w',
      'GET',
      `${origin}/status/410`,
      { expectedStatus: [404, 410] },
      timing,
    );
    expect(gone).toMatchObject({ ok: true, error: null });
    expect(recorders.samples.map((s) => [s.status, s.errorClass, s.expected])).toEqual([
      [404, 'http_4xx', false],
      [503, 'http_5xx', false],
      [418, null, true],
      [410, null, true],
    ]);
  });

  it('returns a reset connection as data', async () => {
    const { origin } = await startServer((req) => req.socket.destroy());
    const { client, recorders, timing } = testClient();
    const res = await client.request('w', 'GET', `${origin}/`, undefined, timing);
    expect(res).toMatchObject({ status: 0, ok: false, text: '' });
    expect(res.error?.class).toBe('reset');
    expect(recorders.samples).toMatchObject([{ status: 0, errorClass: 'reset', expected: false }]);
  });

  it('returns a refused connection as data', async () => {
    const port = await closedPort();
    const { client, recorders, timing } = testClient();
    const res = await client.request('w', 'GET', `http://127.0.0.1:${port}/`, undefined, timing);
    expect(res.status).toBe(0);
    expect(res.error).toMatchObject({ class: 'connect', code: 'ECONNREFUSED' });
    expect(recorders.samples).toMatchObject([{ errorClass: 'connect' }]);
  });

  it('times out a server that never answers', async () => {
    const { origin } = await startServer(() => {});
    const { client, recorders, timing } = testClient();
    const res = await client.request('w', 'GET', `${origin}/`, { timeout: '150ms' }, timing);
    expect(res.error).toMatchObject({ class: 'timeout', code: 'ERR_REQUEST_TIMEOUT' });
    expect(recorders.samples[0]?.durationUs).toBeGreaterThanOrEqual(150_000);
  });

  it('caps distinct request names per workload', async () => {
    const { origin } = await startServer((_req, res) => res.end());
    const { client, recorders, timing } = testClient({ connections: 10 });
    const urls = Array.from(
      { length: MAX_NAMES_PER_WORKLOAD + 5 },
      (_, i) => `${origin}/item/${i}`,
    );
    const responses = await Promise.all(
      urls.map((url) => client.request('w', 'GET', url, undefined, timing)),
    );
    const names = new Set(responses.map((res) => res.name));
    expect(names.size).toBe(MAX_NAMES_PER_WORKLOAD + 1);
    expect(responses.at(-1)?.name).toBe('GET (other)');
    expect(new Set(recorders.series).size).toBe(MAX_NAMES_PER_WORKLOAD + 1);
    const other = await client.request('other-workload', 'GET', urls.at(-1)!, undefined, timing);
    expect(other.name).toBe(`GET ${origin}/item/${MAX_NAMES_PER_WORKLOAD + 4}`);
  });

  it('keeps explicit names and counts bodies it discards', async () => {
    const { origin } = await startServer((_req, res) => res.end('x'.repeat(5000)));
    const { client, recorders, timing } = testClient({ discardResponseBodies: true });
    const res = await client.request(
      'w',
      'GET',
      `${origin}/big`,
      { name: 'big', tags: { kind: 'blob' } },
      timing,
    );
    expect(res).toMatchObject({ name: 'big', text: '', tags: { kind: 'blob' } });
    expect(recorders.samples[0]?.bytesReceived).toBeGreaterThan(5000);
  });

  it('rejects requests that are bugs, with coded errors, and records nothing for them', async () => {
    const { origin } = await echoServer();
    const { client, recorders, timing } = testClient();
    const bugs = [
      client.request('w', 'GET', 'http://[bad', undefined, timing),
      client.request('w', 'GET', '/relative', undefined, timing),
      client.request('w', 'GET', 'ftp://127.0.0.1/', undefined, timing),
      client.request('w', 'GET', 'http://example.com/', undefined, timing),
      client.request('w', 'POST', `${origin}/`, { json: { n: 1n } }, timing),
      client.request('w', 'GET', `${origin}/users/:id`, { pathParams: {} }, timing),
      client.request('w', 'GET', `${origin}/`, { headers: { 'bad header': 'x' } }, timing),
      client.request('w', 'GET', `${origin}/`, { timeout: 'soon' }, timing),
    ];
    for (const bug of bugs) {
      const error = await bug.then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isLaunchdayError(error), String(error)).toBe(true);
    }
    expect(recorders.samples).toHaveLength(0);
  });

  it('throws a clear error from json() when the body is not JSON', async () => {
    const { origin } = await startServer((_req, res) => res.end('<html>oops</html>'));
    const { client, timing } = testClient();
    const res = await client.request('w', 'GET', `${origin}/page`, undefined, timing);
    expect(() => res.json()).toThrow(
      /GET .*\/page \(status 200\): the response is not JSON .* starts with "<html>oops<\/html>"/,
    );
  });

  it('accepts loopback host names', async () => {
    const { server } = await echoServer();
    const { port } = server.address() as AddressInfo;
    const { client, timing } = testClient();
    const res = await client.request('w', 'GET', `http://localhost:${port}/`, undefined, timing);
    expect(res.status).toBe(200);
  });

  it('rejects requests after close', async () => {
    const { client, timing } = testClient();
    await client.close();
    await expect(
      client.request('w', 'GET', 'http://127.0.0.1:1/', undefined, timing),
    ).rejects.toThrow(/closed/);
  });
});
