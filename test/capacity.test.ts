import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityReport } from '../src/capacity/types.js';
import { readOnlyResult, runCli, scenarioFile, tempDir } from './support/cli.js';
import { startSeededTarget, type TargetProcess } from './support/target-process.js';

const PROBE = scenarioFile('capacity-probe.ts');
// Every request burns 8 ms of the single worker's CPU: a capacity near 1000/8 = 125/s, less the
// service's own cost per request.
const CPU_MS = 8;

const FORECAST = {
  demand: { kind: 'signup-curve', total: 1_000_000, requestsPerSignup: { profile: 3 } },
  intent: { utilisation: 0.7, redundancy: 1, burst: 1.5 },
};

let target: TargetProcess;

beforeAll(async () => {
  target = await startSeededTarget(20, ['--faults', `cpu=${CPU_MS}ms`]);
});

afterAll(async () => {
  await target?.stop();
});

/**
 * The target's saturated throughput, measured apart: 4 requests always in flight for 6 s (enough
 * to keep its one core busy; a deep queue costs the service CPU of its own), the median of the
 * per-second completions, ramp-up and drain left out.
 */
async function trueCapacity(): Promise<number> {
  const outDir = await tempDir();
  const outcome = await runCli([
    'run',
    PROBE,
    '--base-url',
    target.url,
    ...['--param', 'mode=closed', '--param', 'vus=4', '--out-dir', outDir, '--quiet'],
  ]);
  expect(outcome.code, outcome.stderr).toBe(0);
  const result = await readOnlyResult(outDir);
  expect(result.summary.requests[0]?.failed).toBe(0);
  const perSecond = result.intervals
    .slice(1, -1)
    .map((point) => point.requests)
    .sort((a, b) => a - b);
  expect(perSecond.length).toBeGreaterThanOrEqual(4);
  return perSecond[Math.floor(perSecond.length / 2)]!;
}

describe('launchday capacity', () => {
  it('finds the maximum sustainable rate within 10% of the true capacity', async () => {
    const capacity = await trueCapacity();
    expect(capacity).toBeGreaterThan(40);
    const outDir = await tempDir();
    const forecast = join(outDir, 'forecast.json');
    await writeFile(forecast, JSON.stringify(FORECAST));
    const outcome = await runCli([
      'capacity',
      PROBE,
      '--base-url',
      target.url,
      '--slo',
      'p(99)<250ms',
      '--slo',
      'http_req_failed<1%',
      '--forecast',
      forecast,
      ...['--levels', '8', '--step', '4s', '--warmup', '1s'],
      '--out-dir',
      outDir,
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const dir = /capacity: (\S+)\/capacity\.html/.exec(outcome.stdout)![1]!;
    const report = JSON.parse(await readFile(join(dir, 'capacity.json'), 'utf8')) as CapacityReport;
    const error = Math.abs(report.maxSustainableRate - capacity) / capacity;
    console.log(
      `capacity: found ${report.maxSustainableRate}/s, saturated throughput ${capacity}/s (${(error * 100).toFixed(1)}% apart)`,
    );
    expect(error, `found ${report.maxSustainableRate}/s, true ${capacity}/s`).toBeLessThan(0.1);

    const staircase = report.steps.filter((step) => step.offered <= 1.2 * report.breakpoint);
    expect(staircase.length).toBeGreaterThanOrEqual(8);
    expect(report.steps.some((step) => !step.sustainable)).toBe(true);
    expect(report.steps.every((step) => step.target !== null)).toBe(true);
    const busiest = report.steps.at(-1)!;
    expect(busiest.target!.cpuCores).toBeGreaterThan(0.5);
    expect(report.usl).toMatchObject({
      lambda: expect.any(Number),
      sigma: expect.any(Number),
      kappa: expect.any(Number),
    });
    expect(report.overload.map((run) => run.multiple)).toEqual([2, 10]);
    // A service that sheds load keeps serving most of its capacity at 10x.
    expect(report.overload[1]!.goodputShare).toBeGreaterThan(0.5);
    // The Threads curve scaled to 1 million sign-ups peaks near 6.6/s: 3 profile reads each.
    expect(report.plan).toMatchObject({ saturatesFirst: 'profile' });
    const [endpoint] = report.plan!.endpoints;
    expect(endpoint!.peakRps).toBeCloseTo(3 * 6.56, 0);
    expect(report.plan!.instances).toBe(endpoint!.instances + FORECAST.intent.redundancy);
    const markdown = await readFile(join(dir, 'capacity.md'), 'utf8');
    expect(markdown).toMatch(/\*\*Verdict:\*\* One instance sustains/);
    expect(markdown).toContain(`${report.maxSustainableRate} iterations/s`);
    expect(await readFile(join(dir, 'capacity.html'), 'utf8')).toMatch(/<html/);
  }, 240_000);

  it('starts the reference target at each --target-workers count and fits the USL across them', async () => {
    const outDir = await tempDir();
    const outcome = await runCli([
      'capacity',
      PROBE,
      '--target-workers',
      '1,2',
      '--users',
      '20',
      '--slo',
      'p(99)<500ms',
      // A light search: the ramp stops at 40/s, the levels last 2 s.
      ...['--max-rate', '40', '--levels', '8', '--step', '2s', '--warmup', '1s'],
      '--out-dir',
      outDir,
    ]);
    expect(outcome.code, outcome.stderr).toBe(0);
    const dir = /capacity: (\S+)\/capacity\.html/.exec(outcome.stdout)![1]!;
    const report = JSON.parse(await readFile(join(dir, 'capacity.json'), 'utf8')) as CapacityReport;
    expect(report.scaling.map((point) => point.workers)).toEqual([1, 2]);
    for (const point of report.scaling) expect(point.maxSustainableRate).toBeGreaterThan(0);
    expect(report.scalingUsl).not.toBeNull();
    for (const workers of [1, 2]) {
      const log = await readFile(join(dir, `target-${workers}w`, 'target.log'), 'utf8');
      expect(log).toContain(`${workers} worker`);
      expect(log).toMatch(/shutting down/);
    }
    expect(await readFile(join(dir, 'capacity.md'), 'utf8')).toContain(
      'Scaling across target workers',
    );
  }, 240_000);

  it('refuses a bad SLO, and a scenario without an arrival-rate workload, before any load', async () => {
    const outDir = await tempDir();
    const badSlo = await runCli(['capacity', PROBE, '--slo', 'p99 fast', '--out-dir', outDir]);
    expect([badSlo.code, badSlo.stderr]).toEqual([2, expect.stringContaining("--slo 'p99 fast'")]);
    const forecast = join(outDir, 'bad-forecast.json');
    await writeFile(forecast, JSON.stringify({ ...FORECAST, intent: { utilisation: 2 } }));
    const badForecast = await runCli([
      'capacity',
      PROBE,
      '--slo',
      'p(99)<500ms',
      '--forecast',
      forecast,
      '--out-dir',
      outDir,
    ]);
    expect([badForecast.code, badForecast.stderr]).toEqual([
      2,
      expect.stringMatching(/intent\.utilisation[\s\S]*intent\.redundancy/),
    ]);
    const closed = await runCli([
      'capacity',
      PROBE,
      '--param',
      'mode=closed',
      '--base-url',
      target.url,
      '--slo',
      'p(99)<500ms',
      '--out-dir',
      outDir,
    ]);
    expect([closed.code, closed.stderr]).toEqual([2, expect.stringMatching(/has none/)]);
  });
});
