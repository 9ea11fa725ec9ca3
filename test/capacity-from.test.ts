import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CapacityReport } from '../src/capacity/types.js';
import { runCli, scenarioFile, tempDir } from './support/cli.js';
import { serverPerTest } from './support/test-server.js';

const startServer = serverPerTest();
/** The staircase's levels (iterations/s), 3 s each. */
const LEVELS = [50, 100, 150];
/** Iterations of the first two levels, which the server answers at once. */
const FAST_ITERATIONS = (LEVELS[0]! + LEVELS[1]!) * 3;

describe('launchday capacity --from', () => {
  it('measures the levels of a merged run that two instances drove', async () => {
    // Answers at once, but 400 ms late from the third level on: 150/s breaks p(99)<250ms.
    const server = await startServer((req, res) => {
      const i = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('i'));
      setTimeout(() => res.end('ok'), i >= FAST_ITERATIONS ? 400 : 0);
    });
    const results = await tempDir();
    const startAt = new Date(Date.now() + 5000).toISOString();
    const instances = await Promise.all(
      ['1/2', '2/2'].map((segment) =>
        runCli([
          'run',
          scenarioFile('staircase.ts'),
          ...['--base-url', server.url, '--out-dir', results, '--quiet'],
          ...['--segment', segment, '--start-at', startAt],
        ]),
      ),
    );
    for (const outcome of instances) expect(outcome.code, outcome.stderr).toBe(0);
    const merged = join(await tempDir(), 'merged');
    const merge = await runCli(['merge', results, '--out-dir', merged]);
    expect(merge.code, merge.stderr).toBe(0);

    const out = await tempDir();
    const capacity = await runCli([
      'capacity',
      ...['--from', join(merged, 'result.json'), '--slo', 'p(99)<250ms', '--warmup', '1s'],
      ...['--out-dir', out],
    ]);
    expect(capacity.code, capacity.stderr).toBe(0);
    const file = /^capacity: (.+)\.html$/m.exec(capacity.stdout)?.[1];
    const report = JSON.parse(await readFile(`${file}.json`, 'utf8')) as CapacityReport;
    expect(report.steps.map((s) => [s.offered, s.sustainable])).toEqual([
      [50, true],
      [100, true],
      [150, false],
    ]);
    expect(report.steps.map((s) => s.measuredSeconds)).toEqual([2, 2, 2]);
    // Every request of both instances in the 2 measured seconds of each level (give or take
    // one finishing across a second's edge).
    const missed = report.steps.map((step, i) => Math.abs(step.requests - 2 * LEVELS[i]!));
    expect(Math.max(...missed)).toBeLessThanOrEqual(2);
    expect(report.maxSustainableRate).toBe(100);
    expect(report.maxSustainableEstablished).toBe(true);
    expect(report.scenario.workload).toBe('stairs');
  }, 60_000);

  it('refuses what a run that happened cannot take, and a run without a level to measure', async () => {
    const flags = await runCli([
      'capacity',
      'x.ts',
      '--from',
      'r.json',
      '--slo',
      'p(99)<1s',
      '--levels',
      '8',
    ]);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/so the scenario x\.ts, --levels cannot apply to it/);
    const server = await startServer((_req, res) => res.end('ok'));
    const runs = await tempDir();
    const run = await runCli([
      'run',
      scenarioFile('constant-rate.ts'),
      ...['--base-url', server.url, '--out-dir', runs, '--quiet', '--param', 'duration=2s'],
    ]);
    expect(run.code, run.stderr).toBe(0);
    const short = await runCli(['capacity', '--from', runs, '--slo', 'p(99)<1s', '--warmup', '3s']);
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(
      /workload load holds no constant rate for longer than the 3 s warm-up/,
    );
  }, 60_000);
});
