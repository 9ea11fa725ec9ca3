import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RESULT_SCHEMA_VERSION } from '../src/core/result.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { okAfter, serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();

describe('launchday run', () => {
  it('runs an open-loop scenario to plan across two workers and writes the result', async () => {
    const server = await startServer(okAfter(1));
    const outDir = await tempDir();
    const summaryExport = join(outDir, 'summary.json');
    const outcome = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--workers',
      '2',
      '--param',
      'rate=150',
      '--param',
      'duration=2s',
      '--seed',
      '7',
      '--tag',
      'testid=e2e',
      '--summary-export',
      summaryExport,
      '--quiet',
    ]);
    expect(outcome.stderr).not.toMatch(/error/i);
    expect(outcome.code).toBe(0);
    const result = await readOnlyResult(outDir);
    expect(result.status).toBe('passed');
    expect(result.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    const requests = result.summary.requests.find((row) => row.name === 'hello');
    expect(requests?.count).toBe(300);
    expect(server.requests()).toBe(300);
    expect(result.summary.metrics.iterations).toMatchObject({ kind: 'counter', count: 300 });
    expect(result.series.every((series) => series.tags.testid === 'e2e')).toBe(true);
    expect(result.checks).toEqual([
      { workload: 'load', name: 'status is 200', passes: 300, fails: 0 },
    ]);
    expect(result.intervals.length).toBeGreaterThanOrEqual(2);
    const slices = result.slices!;
    expect(slices.count).toBe(result.intervals.length);
    const sliced = slices.series.filter((series) => series.metric === 'http_reqs');
    const counted = sliced.flatMap((series) => (series.kind === 'counter' ? series.counts : []));
    expect(counted.reduce((sum, count) => sum + count, 0)).toBe(300);
    const keys = (list: { metric: string; tags: object; kind: string }[]) =>
      list.filter((s) => s.kind !== 'gauge').map((s) => JSON.stringify([s.metric, s.tags]));
    expect(keys(slices.series).sort()).toEqual(keys(result.series).sort());
    expect(result.thresholds.every((threshold) => threshold.ok)).toBe(true);
    expect(outcome.stdout).toContain('hello');

    const exported = JSON.parse(await readFile(summaryExport, 'utf8'));
    expect(exported.metrics.http_reqs.count).toBe(300);
    expect(exported.metrics['http_req_duration{name:hello}']).toHaveProperty('p(99)');
  });

  it('exits 3 when a threshold fails, and stops early with abortOnFail', async () => {
    const server = await startServer((_req, res) => {
      res.writeHead(500);
      res.end();
    });
    const outDir = await tempDir();
    const outcome = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      outDir,
      '--param',
      'duration=20s',
      '--param',
      'abortOnFail=true',
      '--quiet',
    ]);
    expect(outcome.code).toBe(3);
    const result = await readOnlyResult(outDir);
    expect(result.status).toBe('aborted-by-threshold');
    expect(result.durationMs).toBeLessThan(10_000);
    expect(result.summary.requests[0]?.errors).toMatchObject({ http_5xx: expect.any(Number) });
  });
});
