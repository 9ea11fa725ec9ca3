import { describe, expect, it } from 'vitest';
import type { RunResult } from '../src/core/result.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { okAfter, serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();
const LOAD = ['--param', 'rate=151', '--param', 'duration=2s', '--seed', '7', '--quiet'];

/** `launchday run --segment i/N` of constant-rate against `url`, starting at `startAt`. */
async function segment(
  url: string,
  i: number,
  n: number,
  startAt: string,
  workers: number,
): Promise<RunResult> {
  const outDir = await tempDir();
  const outcome = await runCli([
    'run',
    scenarioFile('constant-rate.ts'),
    '--base-url',
    url,
    '--out-dir',
    outDir,
    '--segment',
    `${i}/${n}`,
    '--start-at',
    startAt,
    '--workers',
    String(workers),
    ...LOAD,
  ]);
  expect(outcome.code, outcome.stderr).toBe(0);
  return readOnlyResult(outDir);
}

const count = (result: RunResult, metric: string) => {
  const summary = result.summary.metrics[metric];
  return summary?.kind === 'counter' ? summary.count : 0;
};

describe('launchday run --segment', () => {
  it('three instances started together drive exactly the planned iterations between them', async () => {
    const arrivals: number[] = [];
    const reply = okAfter(1);
    const server = await startServer((req, res) => {
      arrivals.push(Date.now());
      reply(req, res);
    });
    const startAt = new Date(Date.now() + 6000).toISOString();
    const results = await Promise.all(
      [1, 2, 3].map((i) => segment(server.url, i, 3, startAt, i === 2 ? 2 : 1)),
    );
    // 151/s for 2 s: 302 iterations, split 101 + 101 + 100 by k ≡ i − 1 (mod 3).
    expect(results.map((r) => count(r, 'iterations'))).toEqual([101, 101, 100]);
    expect(results.reduce((sum, r) => sum + count(r, 'http_reqs'), 0)).toBe(302);
    expect(server.requests()).toBe(302);
    expect(results.map((r) => (r.config as { segment: unknown }).segment)).toEqual([
      { index: 1, count: 3 },
      { index: 2, count: 3 },
      { index: 3, count: 3 },
    ]);
    // Started together at the given time: the first request comes within 100 ms of it, and the
    // interleaved schedules keep the rate even (about 15 requests in each 100 ms).
    const start = Date.parse(startAt);
    expect(Math.min(...arrivals) - start).toBeGreaterThanOrEqual(-5);
    expect(Math.min(...arrivals) - start).toBeLessThan(100);
    expect(arrivals.filter((at) => at < start + 500).length).toBeGreaterThan(40);
  }, 60_000);

  it('prints the share with validate, and refuses a start that has passed', async () => {
    const validate = await runCli([
      'validate',
      scenarioFile('constant-rate.ts'),
      '--segment',
      '2/3',
      '--param',
      'rate=151',
    ]);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(
      /segment: {2}2\/3, every 3rd iteration and VU of each workload from the 2nd/,
    );
    expect(validate.stdout).toMatch(/load: 101 of 302 iterations/);
    const server = await startServer(okAfter(1));
    const late = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      '--base-url',
      server.url,
      '--out-dir',
      await tempDir(),
      '--segment',
      '1/2',
      '--start-at',
      new Date(Date.now() - 60_000).toISOString(),
      ...LOAD,
    ]);
    expect(late.code).toBe(2);
    expect(late.stderr).toMatch(/--start-at .* passed \d+\.\d s before the load could start/);
    const bad = await runCli(['validate', scenarioFile('constant-rate.ts'), '--segment', '4/3']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/options\.segment.*'4\/3' I must be from 1 to N/);
  }, 60_000);
});
