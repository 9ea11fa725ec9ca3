import { readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { CLASSIC_BUCKETS } from '../src/outputs/prometheus/index.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import {
  PROMETHEUS,
  type PrometheusProcess,
  startPrometheus,
} from './support/prometheus-process.js';
import { okAfter, startTestServer, type TestServer } from './support/test-server.js';

/** Every 10th request fails with a 500; latencies spread over 0–24 ms so percentiles mean something. */
function spreadHandler(): Parameters<typeof startTestServer>[0] {
  let n = 0;
  return (_req, res) => {
    const i = n++;
    setTimeout(
      () => {
        res.writeHead(i % 10 === 9 ? 500 : 200, { 'content-type': 'text/plain' });
        res.end('ok');
      },
      (i * 7) % 25,
    );
  };
}

/** A port of 127.0.0.1 that is free now, for the scrape output (Prometheus' config names it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The one value of an instant query's answer. */
function single(series: { value?: readonly [number, string] }[]): number {
  expect(series).toHaveLength(1);
  return Number(series[0]!.value![1]);
}

/** Requests by status code, from result.json's series. */
function requestsByStatus(result: RunResult): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const series of result.series) {
    if (series.metric !== 'http_reqs' || series.kind !== 'counter') continue;
    const status = series.tags.status ?? '';
    counts[status] = (counts[status] ?? 0) + series.count;
  }
  return counts;
}

describe.skipIf(PROMETHEUS.path === null)(
  `--out prometheus-rw and --out prometheus with a real Prometheus ${PROMETHEUS.requirement}`,
  () => {
    let server: TestServer;
    let prometheus: PrometheusProcess;
    let result: RunResult;
    let stderr: string;
    /** The run's end, unix seconds: queries are evaluated there. */
    let endedAt: number;
    /** Remote-written series have no `job` label; scraped ones have job="launchday". */
    let pushed: string;
    let scraped: string;

    beforeAll(async () => {
      server = await startTestServer(spreadHandler());
      const scrapePort = await freePort();
      prometheus = await startPrometheus({
        config: [
          'global: { scrape_interval: 1s, evaluation_interval: 1s }',
          'scrape_configs:',
          `  - { job_name: launchday, static_configs: [{ targets: ['127.0.0.1:${scrapePort}'] }] }`,
        ].join('\n'),
        remoteWrite: true,
        nativeHistograms: true,
      });
      const outDir = await tempDir();
      const outcome = await runCli([
        'run',
        scenarioFile('constant-rate.ts'),
        '--base-url',
        server.url,
        ...['rate=200', 'duration=6s', 'maxFailedRate=0.5'].flatMap((p) => ['--param', p]),
        '--out',
        `prometheus-rw=${prometheus.url}/api/v1/write`,
        '--out',
        `prometheus=127.0.0.1:${scrapePort},hold=3s`,
        '--out-dir',
        outDir,
        '--quiet',
      ]);
      stderr = outcome.stderr;
      expect(outcome.code, outcome.stderr).toBe(0);
      result = await readOnlyResult(outDir);
      endedAt = Date.parse(result.endedAt) / 1000;
      pushed = `job="", testid="${result.runId}"`;
      scraped = `job="launchday", testid="${result.runId}"`;
    }, 120_000);

    afterAll(async () => {
      await prometheus?.stop();
      await server?.close();
    });

    it('pushes k6_http_reqs_total per status equal to result.json, with the run id as testid', async () => {
      expect(stderr).not.toMatch(/remote write/);
      const expected = requestsByStatus(result);
      expect(Object.keys(expected).sort()).toEqual(['200', '500']);
      const answer = await prometheus.query(
        `sum by (status) (k6_http_reqs_total{${pushed}})`,
        endedAt,
      );
      const pushedCounts = Object.fromEntries(
        answer.map((series) => [series.metric.status, Number(series.value?.[1])]),
      );
      expect(pushedCounts).toEqual(expected);
      const failed = await prometheus.query(
        `sum(k6_http_reqs_total{${pushed}, expected_response="false", error_class="http_5xx"})`,
        endedAt,
      );
      expect(single(failed)).toBe(expected['500']);
    });

    it('gives a p99 from the native histogram within a few % of the run’s own', async () => {
      const p99 = await prometheus.query(
        `histogram_quantile(0.99, sum by (le) (rate(k6_http_req_duration_seconds{${pushed}}[1m])))`,
        endedAt,
      );
      const own = (result.summary.metrics.http_req_duration as { p99: number }).p99 / 1000;
      // The quantile falls in the right schema-3 bucket, 2^(1/8) − 1 ≈ 9% wide, and Prometheus
      // interpolates inside it: the error is at most one bucket's width.
      const bucketWidth = 2 ** (1 / 8) - 1;
      expect(Math.abs(single(p99) - own) / own).toBeLessThan(bucketWidth);
      const gauge = await prometheus.query(
        `max(max_over_time(k6_http_req_duration_p99{${pushed}, status="200"}[1m]))`,
        endedAt,
      );
      expect(single(gauge)).toBeGreaterThan(0);
    });

    it('pushes launchday’s own series and marks the gauges stale at the end', async () => {
      const started = result.intervals.reduce(
        (sum, p) => sum + (p.workloads.load?.started ?? 0),
        0,
      );
      const startedTotal = await prometheus.query(
        `launchday_iterations_started_total{${pushed}, scenario="load"}`,
        endedAt,
      );
      expect(single(startedTotal)).toBe(started);
      const target = await prometheus.query(
        `max_over_time(launchday_target_rate{${pushed}, scenario="load"}[1m])`,
        endedAt,
      );
      expect(single(target)).toBe(200);
      const active = await prometheus.query(
        `count_over_time(launchday_run_active{${pushed}}[1m])`,
        endedAt,
      );
      expect(single(active)).toBeGreaterThanOrEqual(5);
      const later = endedAt + 5;
      expect(await prometheus.query(`launchday_run_active{${pushed}}`, later)).toEqual([]);
      expect(await prometheus.query(`k6_vus{${pushed}}`, later)).toEqual([]);
      expect(await prometheus.query(`k6_http_reqs_total{${pushed}}`, later)).not.toEqual([]);
    });

    it('serves classic histograms for scraping, held long enough for the final values', async () => {
      const total = Object.values(requestsByStatus(result)).reduce((a, b) => a + b, 0);
      const count = await prometheus.query(
        `sum(max_over_time(k6_http_req_duration_seconds_count{${scraped}}[2m]))`,
        endedAt + 3,
      );
      expect(single(count)).toBe(total);
      const p99 = await prometheus.query(
        `histogram_quantile(0.99, sum by (le) (max_over_time(k6_http_req_duration_seconds_bucket{${scraped}}[2m])))`,
        endedAt + 3,
      );
      // Classic buckets are coarse (1, 2.5, 5 per decade): the run's own p99 lies in the same
      // bucket or, at a bound, the next one.
      const own = (result.summary.metrics.http_req_duration as { p99: number }).p99 / 1000;
      const above = CLASSIC_BUCKETS.findIndex((le) => le >= own);
      expect(single(p99)).toBeGreaterThan(CLASSIC_BUCKETS[above - 2] ?? 0);
      expect(single(p99)).toBeLessThanOrEqual(CLASSIC_BUCKETS[above + 1] ?? 60);
    });
  },
);

describe('--out', () => {
  it('rejects a bad spec with exit code 2 before any load, on run and rehearse', async () => {
    const server = await startTestServer(okAfter());
    try {
      const outDir = await tempDir();
      const run = await runCli([
        'run',
        scenarioFile('constant-rate.ts'),
        '--base-url',
        server.url,
        '--out',
        'prometheus=9464',
        '--out-dir',
        outDir,
        '--quiet',
      ]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("--out 'prometheus=9464': '9464' is not [HOST]:PORT");
      expect(run.stderr).toContain('prometheus-rw=URL');
      expect(server.requests()).toBe(0);
      expect(await readdir(outDir)).toEqual([]);

      const rehearse = await runCli([
        'rehearse',
        'smoke',
        '--out',
        'prometheus-rw=http://metrics.example.com/api/v1/write',
        '--out-dir',
        outDir,
      ]);
      expect(rehearse.code).toBe(2);
      expect(rehearse.stderr).toContain('--allow-host metrics.example.com');
      expect(await readdir(outDir)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
