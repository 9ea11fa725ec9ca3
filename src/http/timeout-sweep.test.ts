import { afterEach, describe, expect, it } from 'vitest';
import { closeServers, startServer, testClient } from './test-support.js';

afterEach(closeServers);

// The sweep runs every quarter of a timeout: a timeout fires at most that late, plus slack for
// a loaded test machine.
const LATE_MS = 50 + 500;

describe('total request timeout', () => {
  it('times out a server that never answers, within about the timeout and a sweep', async () => {
    const { origin } = await startServer(() => {});
    const { client, recorders, timing } = testClient({ timeoutMs: 200 });
    const res = await client.request('w', 'GET', `${origin}/`, undefined, timing);
    expect(res).toMatchObject({ status: 0, ok: false });
    expect(res.error).toMatchObject({ class: 'timeout', code: 'ERR_REQUEST_TIMEOUT' });
    expect(recorders.samples).toHaveLength(1);
    expect(recorders.samples[0]?.errorClass).toBe('timeout');
    expect(recorders.samples[0]?.durationUs).toBeGreaterThanOrEqual(200_000);
    expect(recorders.samples[0]?.durationUs).toBeLessThan((200 + LATE_MS) * 1000);
  });

  it('times out a body that stalls after the headers, and does not reuse its connection', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/stall') res.writeHead(200, { 'content-length': '100' }).write('partial');
      else res.end('ok');
    });
    const { client, recorders, timing } = testClient({ timeoutMs: 200, connections: 1 });
    const stalled = await client.request('w', 'GET', `${server.origin}/stall`, undefined, timing);
    expect(stalled).toMatchObject({ status: 0, ok: false });
    expect(stalled.error?.class).toBe('timeout');
    expect(recorders.samples[0]?.receivingUs).toBeGreaterThan(0);
    const next = await client.request('w', 'GET', `${server.origin}/ok`, undefined, timing);
    expect(next).toMatchObject({ status: 200, text: 'ok' });
    expect(server.connections()).toBe(2);
    expect(recorders.samples.map((sample) => sample.errorClass)).toEqual(['timeout', null]);
  });

  it('counts the time a request waits for a connection', async () => {
    const server = await startServer((req, res) => {
      if (req.url === '/slow') setTimeout(() => res.end('slow'), 600);
      else res.end('ok');
    });
    const { client, recorders, timing } = testClient({ timeoutMs: 200, connections: 1 });
    const url = `${server.origin}/`;
    const slow = client.request('w', 'GET', `${url}slow`, { timeout: '5s' }, timing);
    const queued = await client.request('w', 'GET', url, undefined, timing);
    expect(queued.error?.class).toBe('timeout');
    expect(queued.timings.blocked).toBeGreaterThanOrEqual(200);
    expect(queued.timings.blocked).toBe(queued.timings.duration);
    expect((await slow).status).toBe(200);
    const after = await client.request('w', 'GET', url, undefined, timing);
    expect(after.status).toBe(200);
    expect(recorders.samples).toHaveLength(3);
    expect(server.connections()).toBe(1);
  });

  it("applies a request's own timeout, shorter or longer than the client's", async () => {
    const { origin } = await startServer((_req, res) => {
      setTimeout(() => res.end('late'), 300);
    });
    const { client, recorders, timing } = testClient({ timeoutMs: 100 });
    const [short, long] = await Promise.all([
      client.request('w', 'GET', `${origin}/`, { timeout: 50 }, timing),
      client.request('w', 'GET', `${origin}/`, { timeout: '2s' }, timing),
    ]);
    expect(short.error?.class).toBe('timeout');
    expect(short.timings.duration).toBeGreaterThanOrEqual(50);
    expect(long).toMatchObject({ status: 200, text: 'late' });
    expect(recorders.samples).toHaveLength(2);
  });
});
