import { afterEach, describe, expect, it } from 'vitest';
import { HttpClient } from './client.js';
import { closeServers, RecordingRecorders, startServer } from './test-support.js';

let client: HttpClient | undefined;

afterEach(async () => {
  await client?.destroy();
  await closeServers();
});

function setup(connections: number) {
  const recorders = new RecordingRecorders();
  client = new HttpClient({ connections }, recorders);
  const timing = { intendedAt: undefined };
  return { client, recorders, timing };
}

describe('connection pool', () => {
  it('queues requests beyond its connections and counts the wait as blocked', async () => {
    const server = await startServer((_req, res) => {
      setTimeout(() => res.end('ok'), 30);
    });
    const { client, recorders, timing } = setup(1);
    const responses = await Promise.all(
      Array.from({ length: 4 }, () =>
        client.request('w', 'GET', `${server.origin}/`, undefined, timing),
      ),
    );
    expect(responses.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    expect(server.connections()).toBe(1);
    const blocked = recorders.samples.map((sample) => sample.blockedUs);
    expect(blocked[3]).toBeGreaterThan(blocked[0]! + 60_000);
  });

  it('hands queued requests to a new connection when the server closes each one', async () => {
    const server = await startServer((_req, res) => {
      res.setHeader('connection', 'close');
      res.end('bye');
    });
    const { client } = setup(2);
    const timing = { intendedAt: undefined };
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        client.request('w', 'GET', `${server.origin}/`, undefined, timing),
      ),
    );
    expect(responses.map((res) => res.error)).toEqual(Array(10).fill(null));
    expect(server.connections()).toBe(10);
  });

  it('close() lets queued requests finish', async () => {
    const server = await startServer((_req, res) => {
      setTimeout(() => res.end('ok'), 20);
    });
    const { client, timing } = setup(1);
    const pending = Array.from({ length: 3 }, () =>
      client.request('w', 'GET', `${server.origin}/`, undefined, timing),
    );
    await client.close();
    const responses = await Promise.all(pending);
    expect(responses.map((res) => res.status)).toEqual([200, 200, 200]);
  });

  it('destroy() fails queued and in-flight requests as data, recording each once', async () => {
    const server = await startServer(() => {});
    const { client, recorders, timing } = setup(1);
    const pending = Array.from({ length: 3 }, () =>
      client.request('w', 'GET', `${server.origin}/`, undefined, timing),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    await client.destroy();
    const responses = await Promise.all(pending);
    expect(responses.map((res) => [res.status, res.error?.class])).toEqual(
      Array(3).fill([0, 'other']),
    );
    expect(recorders.samples).toHaveLength(3);
  });
});
