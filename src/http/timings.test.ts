import type { ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { epochNow } from '../core/clock.js';
import { closeServers, startServer, testClient } from './test-support.js';

afterEach(closeServers);

describe('request timings', () => {
  it('records one sample per request whose phases add up', async () => {
    const { origin } = await startServer((_req, res) => {
      res.write('first part, ');
      setTimeout(() => res.end('second part'), 200);
    });
    const { client, recorders, timing } = testClient({ connections: 1 });
    const first = await client.request('w', 'GET', `${origin}/`, undefined, timing);
    const second = await client.request('w', 'GET', `${origin}/`, undefined, timing);
    expect(first.text).toBe('first part, second part');
    expect(recorders.samples).toHaveLength(2);
    for (const sample of recorders.samples) {
      const onConnection = sample.sendingUs + sample.waitingUs + sample.receivingUs;
      expect(onConnection).toBeCloseTo(sample.uncorrectedUs, 0);
      expect(sample.blockedUs + onConnection).toBeCloseTo(sample.durationUs, 0);
      // The body's end came 200 ms after its head; only a client stalled for 100 ms misses it.
      expect(sample.receivingUs).toBeGreaterThanOrEqual(100_000);
      expect(Math.min(sample.blockedUs, sample.sendingUs, sample.waitingUs)).toBeGreaterThanOrEqual(
        0,
      );
    }
    const [fresh, reused] = recorders.samples;
    expect(fresh?.connectingUs).toBeGreaterThan(0);
    expect(fresh?.blockedUs).toBeGreaterThanOrEqual(fresh?.connectingUs ?? 0);
    expect(reused?.connectingUs).toBe(0);
    expect(fresh?.tlsHandshakingUs).toBe(0);
    expect(first.timings.duration).toBeCloseTo(fresh!.durationUs / 1000, 6);
    expect(second.timings.connecting).toBe(0);
  });

  it('measures from the planned start until a response of the iteration completes', async () => {
    const { origin } = await startServer((_req, res) => {
      setTimeout(() => res.end('late'), 200);
    });
    const { client, recorders, timing } = testClient();
    timing.intendedAt = epochNow() - 300;
    await client.request('w', 'GET', `${origin}/slow`, undefined, timing);
    expect(timing.intendedAt).toBeUndefined();
    await client.request('w', 'GET', `${origin}/slow`, undefined, timing);
    const [planned, own] = recorders.samples;
    expect(planned!.durationUs).toBeGreaterThanOrEqual(500_000);
    expect(planned!.uncorrectedUs).toBeGreaterThanOrEqual(199_000);
    expect(planned!.durationUs - planned!.uncorrectedUs).toBeGreaterThanOrEqual(299_000);
    expect(planned!.durationUs - planned!.uncorrectedUs).toBeLessThan(400_000);
    expect(own!.durationUs).toBeCloseTo(own!.blockedUs + own!.uncorrectedUs, 0);
  });

  it('counts the bytes it sends and receives', async () => {
    const seen: { read: number; written: () => number }[] = [];
    const { origin } = await startServer((req, res) => {
      req.resume();
      req.on('end', () => {
        seen.push({ read: req.socket.bytesRead, written: () => req.socket.bytesWritten });
        res.setHeader('content-type', 'text/plain');
        res.end('hello, bytes');
      });
    });
    const { client, recorders, timing } = testClient({ connections: 1 });
    await client.request(
      'w',
      'POST',
      `${origin}/things/:id`,
      { json: { a: 1 }, pathParams: { id: 7 }, headers: { 'x-one': '1' } },
      timing,
    );
    const sample = recorders.samples[0]!;
    expect(sample.bytesSent).toBe(seen[0]!.read);
    expect(sample.bytesReceived).toBe(seen[0]!.written());
  });
});

describe('connections and pipelining', () => {
  /** A server that holds responses until `batch` requests wait, recording how many overlap. */
  async function batchingServer(batch: number) {
    const waiting: ServerResponse[] = [];
    const perSocket = new Map<Socket, number>();
    let maxPerSocket = 0;
    const server = await startServer((req, res) => {
      const inFlight = (perSocket.get(req.socket) ?? 0) + 1;
      perSocket.set(req.socket, inFlight);
      maxPerSocket = Math.max(maxPerSocket, inFlight);
      res.on('finish', () => perSocket.set(req.socket, (perSocket.get(req.socket) ?? 1) - 1));
      waiting.push(res);
      const flush = () => {
        for (const held of waiting.splice(0)) held.end('ok');
      };
      if (waiting.length >= batch) flush();
      else setTimeout(flush, 100);
    });
    return { ...server, maxPerSocket: () => maxPerSocket };
  }

  it('opens at most `connections` connections per origin', async () => {
    const server = await batchingServer(2);
    const { client, timing } = testClient({ connections: 2 });
    const requests = Array.from({ length: 12 }, () =>
      client.request('w', 'GET', `${server.origin}/`, undefined, timing),
    );
    const responses = await Promise.all(requests);
    expect(responses.every((res) => res.ok)).toBe(true);
    expect(server.connections()).toBe(2);
    expect(server.maxPerSocket()).toBe(1);
  });

  it('pipelines up to `pipelining` requests on one connection', async () => {
    const server = await batchingServer(4);
    const { client, timing } = testClient({ connections: 1, pipelining: 4 });
    const requests = Array.from({ length: 8 }, () =>
      client.request('w', 'GET', `${server.origin}/`, undefined, timing),
    );
    const responses = await Promise.all(requests);
    expect(responses.every((res) => res.ok)).toBe(true);
    expect(server.connections()).toBe(1);
    expect(server.maxPerSocket()).toBe(4);
  });
});
