import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServicePoint } from '../src/core/result.js';
import { runScenario } from './support/cli.js';
import { expectValidResult } from './support/result-schema.js';
import { startTarget, type TargetProcess } from './support/target-process.js';
import { okAfter, startTestServer } from './support/test-server.js';

const mean = (points: readonly ServicePoint[], pick: (point: ServicePoint) => number | null) =>
  points.reduce((sum, point) => sum + (pick(point) ?? 0), 0) / points.length;

describe("the service's side of a run, read off the target's /metrics", () => {
  let target: TargetProcess;
  beforeAll(async () => {
    target = await startTarget(['--db', ':memory:']);
  });
  afterAll(() => target.stop());

  it('reads the reference service every second beside --base-url: CPU rises with the load', async () => {
    const { outcome, result } = await runScenario('signup-steps.ts', target.url, [
      '--target-metric',
      'http_requests_total',
    ]);
    expect(outcome.code).toBe(0);
    expectValidResult(result);
    const service = result.service!;
    expect(service.metricsUrl).toBe(`${target.url}/metrics`);
    expect(service.notes).toEqual([]);
    expect(service.points.length).toBeGreaterThanOrEqual(6);
    for (const point of service.points) {
      expect(point.cpuCores).toBeGreaterThan(0);
      expect(point.eventLoopUtilization).toBeGreaterThanOrEqual(0);
      expect(point.eventLoopUtilization).toBeLessThanOrEqual(1);
      expect(point.residentBytes).toBeGreaterThan(10 * 2 ** 20);
      expect(point.eventLoopLagP99Ms).toBeGreaterThan(0);
      expect(point.jobQueueDepth).toBeGreaterThanOrEqual(0);
      expect(point.shedPerSecond).toBe(0);
    }
    const low = service.points.filter((point) => point.t > 1 && point.t <= 4);
    const high = service.points.filter((point) => point.t > 5 && point.t <= 8);
    expect(mean(high, (point) => point.cpuCores)).toBeGreaterThan(
      2 * mean(low, (point) => point.cpuCores),
    );
    // http_requests_total, a counter: its rate follows the sign-ups' 10/s and 60/s.
    expect(mean(high, (point) => point.extra.http_requests_total!)).toBeGreaterThan(40);
    expect(mean(low, (point) => point.extra.http_requests_total!)).toBeLessThan(20);
  });

  it('reads none with --no-target-metrics', async () => {
    const { result } = await runScenario('constant-rate.ts', target.url, [
      '--no-target-metrics',
      '--param',
      'duration=1s',
    ]);
    expect(result.service).toBeNull();
  });
});

describe('a target without a usable /metrics: the run completes with a note', () => {
  it('stops looking after the first reading when the page was only guessed', async () => {
    const server = await startTestServer(okAfter());
    try {
      const { outcome, result } = await runScenario('constant-rate.ts', server.url);
      expect(outcome.code).toBe(0);
      expect(result.service).toEqual({
        metricsUrl: `${server.url}/metrics`,
        extraMetrics: [],
        points: [],
        notes: [
          `no Prometheus page at ${server.url}/metrics (it answered 404): the service's side is not shown; name the page with --target-metrics URL, or turn this off with --no-target-metrics`,
        ],
      });
    } finally {
      await server.close();
    }
  });

  it('keeps reading a page it was given, and says how often it failed', async () => {
    const broken = await startTestServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<html><body>metrics</body></html>');
    });
    const server = await startTestServer(okAfter());
    try {
      const { outcome, result } = await runScenario('constant-rate.ts', server.url, [
        '--target-metrics',
        `${broken.url}/stats`,
      ]);
      expect(outcome.code).toBe(0);
      expect(result.service!.points).toEqual([]);
      expect(result.service!.notes).toEqual([
        expect.stringMatching(
          new RegExp(
            `^${broken.url}/stats: it is not in Prometheus' text format \\(\\d+ times, first at 0 s\\)`,
          ),
        ),
      ]);
      expect(broken.requests()).toBeGreaterThanOrEqual(2);
      expectValidResult(result);
    } finally {
      await Promise.all([server.close(), broken.close()]);
    }
  });
});
