import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { epochNow } from '../core/clock.js';
import { ServiceScraper } from './service-scraper.js';

const servers: Server[] = [];

/** A server on 127.0.0.1 answering /metrics with `page(n)` on its n-th request. */
async function metricsServer(page: (n: number) => { status: number; body: string } | null) {
  let n = 0;
  const server = createServer((_req, res) => {
    const answer = page(n++);
    if (answer === null) return; // never answers
    res.writeHead(answer.status, { 'content-type': 'text/plain; version=0.0.4' }).end(answer.body);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  return { url, served: () => n };
}

/** Waits until the server has been asked `count` times. */
const servedAtLeast = (served: () => number, count: number) =>
  vi.waitFor(() => expect(served()).toBeGreaterThanOrEqual(count), { timeout: 10_000 });

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

const counterPage = (n: number) => ({
  status: 200,
  body: `# TYPE http_requests_shed_total counter\nhttp_requests_shed_total ${n * 10}\n# TYPE http_requests_in_flight gauge\nhttp_requests_in_flight ${n}\n`,
});

describe('ServiceScraper', () => {
  it('reads the page every interval and makes a point of each pair of readings', async () => {
    const { url, served } = await metricsServer(counterPage);
    const scraper = new ServiceScraper({ url, extra: [], everyMs: 100 });
    scraper.start(epochNow());
    await servedAtLeast(served, 3);
    expect(scraper.latest()).not.toBeNull();
    const side = await scraper.stop();
    expect(side.metricsUrl).toBe(url);
    expect(side.notes).toEqual([]);
    expect(side.points.length).toBeGreaterThanOrEqual(3);
    const [first, second] = side.points;
    expect(first!.inFlight).toBe(1);
    expect(second!.t).toBeGreaterThan(first!.t);
    // 10 shed per reading, readings about 100 ms apart: about 100 per second.
    expect(first!.shedPerSecond).toBeGreaterThan(40);
    expect(first!.shedPerSecond).toBeLessThan(250);
  });

  it('goes on through a page that fails, and says how and when', async () => {
    const { url, served } = await metricsServer((n) =>
      n === 2
        ? { status: 500, body: 'oops' }
        : n === 3
          ? { status: 200, body: '<html></html>' }
          : counterPage(n),
    );
    const scraper = new ServiceScraper({ url, extra: [], everyMs: 100 });
    scraper.start(epochNow());
    await servedAtLeast(served, 5);
    const side = await scraper.stop();
    expect(side.notes).toEqual([
      expect.stringMatching(new RegExp(`^${url}: it answered 500 \\(once, first at 0 s\\)`)),
      expect.stringMatching(/: it is not in Prometheus' text format \(once, first at 0 s\)/),
    ]);
    // Readings 0 and 1 make a point; 4 and 5 (the last, at stop) make the next.
    expect(side.points.length).toBeGreaterThanOrEqual(2);
  });

  it('notes a page that never answers or is not there, and stops within the reading timeout', async () => {
    const { url: hanging } = await metricsServer(() => null);
    const scraper = new ServiceScraper({ url: hanging, extra: [], everyMs: 100 });
    scraper.start(epochNow());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const side = await scraper.stop();
    expect(side.points).toEqual([]);
    expect(side.notes).toEqual([expect.stringMatching(/no answer within 900 ms/)]);

    const closed = new ServiceScraper({ url: 'http://127.0.0.1:1/metrics', extra: [] });
    closed.start(epochNow());
    expect((await closed.stop()).notes).toEqual([
      expect.stringMatching(/^http:\/\/127\.0\.0\.1:1\/metrics: no answer \(2 times/),
    ]);
  });

  it('refuses a page past 8 MiB without reading the rest of it', async () => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    const endless = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const pump = () => {
        while (res.write(chunk));
      };
      res.on('drain', pump);
      pump();
    });
    servers.push(endless);
    await new Promise<void>((resolve) => endless.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(endless.address() as AddressInfo).port}/metrics`;
    const scraper = new ServiceScraper({ url, extra: [], everyMs: 60_000 });
    scraper.start(epochNow());
    expect((await scraper.stop()).notes).toEqual([
      expect.stringMatching(/: its page is larger than 8 MiB \(2 times, first at 0 s\)/),
    ]);
  });

  it('stops at the first failed reading of a page it only guessed, and says what to do', async () => {
    const { url, served } = await metricsServer(() => ({ status: 404, body: 'not found' }));
    const scraper = new ServiceScraper({ url, extra: [], everyMs: 50, optional: true });
    scraper.start(epochNow());
    await new Promise((resolve) => setTimeout(resolve, 300));
    const side = await scraper.stop();
    expect(served()).toBe(1);
    expect(side.points).toEqual([]);
    expect(side.notes).toEqual([
      `no Prometheus page at ${url} (it answered 404): the service's side is not shown; name the page with --target-metrics URL, or turn this off with --no-target-metrics`,
    ]);
  });
});
