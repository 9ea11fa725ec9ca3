import { afterEach, describe, expect, it } from 'vitest';
import {
  PROMETHEUS,
  type PrometheusProcess,
  startPrometheus,
} from './support/prometheus-process.js';
import { startTestServer, type TestServer } from './support/test-server.js';

/** A scrape config for one job on `address`, scraped every second. */
function scrapeConfig(address: string): string {
  return `global:
  scrape_interval: 1s
scrape_configs:
  - job_name: exporter
    static_configs:
      - targets: ['${address}']
`;
}

/** True while a process with `pid` exists (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(PROMETHEUS.path === null)(
  `the test Prometheus process ${PROMETHEUS.requirement}`,
  () => {
    let prometheus: PrometheusProcess | undefined;
    let exporter: TestServer | undefined;
    afterEach(async () => {
      await prometheus?.stop();
      await exporter?.close();
    });

    it('starts on a free port, scrapes, answers `up`, and stops by its PID', async () => {
      exporter = await startTestServer((_req, res) => {
        res.setHeader('content-type', 'text/plain; version=0.0.4');
        res.end('# TYPE answer gauge\nanswer 42\n');
      });
      prometheus = await startPrometheus({
        config: scrapeConfig(new URL(exporter.url).host),
        remoteWrite: true,
        nativeHistograms: true,
      });
      expect(prometheus.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(alive(prometheus.pid)).toBe(true);

      const up = await prometheus.waitFor('up', (series) => series.length > 0, 15_000);
      expect(up).toEqual([expect.objectContaining({ value: [expect.any(Number), '1'] })]);
      expect(up[0]?.metric.job).toBe('exporter');
      const [answer] = await prometheus.query('answer');
      expect(answer?.value?.[1]).toBe('42');
      const flags = await fetch(`${prometheus.url}/api/v1/status/flags`);
      expect(((await flags.json()) as { data: unknown }).data).toMatchObject({
        'web.enable-remote-write-receiver': 'true',
        'enable-feature': 'native-histograms',
        'storage.tsdb.path': prometheus.dataDir,
      });

      const { pid } = prometheus;
      await prometheus.stop();
      expect(alive(pid)).toBe(false);
    });

    it('names the expression when a wait times out or a query is invalid', async () => {
      prometheus = await startPrometheus({ config: 'global:\n  scrape_interval: 1s\n' });
      const [scalar] = await prometheus.query('scalar(vector(7))');
      expect(scalar?.value?.[1]).toBe('7');
      await expect(
        prometheus.waitFor('vector(1)', (series) => series.length === 0, 300),
      ).rejects.toThrow(/'vector\(1\)' did not match within 300 ms/);
      await expect(prometheus.query('sum(')).rejects.toThrow(/prometheus rejected 'sum\('/);
    });
  },
);
