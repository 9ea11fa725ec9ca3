import { describe, expect, it } from 'vitest';
import { type NoisyRunOptions, noisyRun } from '../../test/support/noisy-runs.js';
import type { RunResult } from '../core/result.js';
import {
  type CompareOptions,
  compareSides,
  DEFAULT_COMPARE_OPTIONS,
  methodOf,
} from './compare-sides.js';
import type { CompareReport } from './types.js';

const options: CompareOptions = {
  ...DEFAULT_COMPARE_OPTIONS,
  resamples: 1000,
  now: new Date('2024-07-06T00:00:00Z'),
};
const runs = (count: number, from: number, extra: Partial<NoisyRunOptions> = {}): RunResult[] =>
  Array.from({ length: count }, (_, i) =>
    noisyRun({ runId: `run-${from + i}`, seed: from + i, ...extra }),
  );
const side = (source: string, results: RunResult[]) => ({ source, runs: results });
const compare = (a: RunResult[], b: RunResult[], changes: Partial<CompareOptions> = {}) =>
  compareSides(side('base', a), side('cand', b), { ...options, ...changes });
const row = (report: CompareReport, key: string) => {
  const found = report.comparisons.find((c) => c.key === key);
  if (found === undefined)
    throw new Error(`no comparison ${key}: ${report.comparisons.map((c) => c.key).join(', ')}`);
  return found;
};

describe('compareSides with one run a side (block bootstrap over seconds)', () => {
  const a = runs(1, 1);

  it('finds no regression between two runs of the same build', () => {
    const report = compare(a, runs(1, 2));
    expect(report.method).toBe('block-bootstrap');
    expect(report.verdict).toBe('no-regression');
    expect(row(report, 'http_req_duration{name:feed}:p(50)').verdict).toBe('unchanged');
    expect(report.headline).toMatch(/^No regression: /);
  });

  it('finds feed regressed by a fixed 6 ms, names it, and leaves signup unchanged', () => {
    const report = compare(a, runs(1, 2, { feedExtraMs: 6 }));
    expect(report.verdict).toBe('regressed');
    const feed = row(report, 'http_req_duration{name:feed}:p(50)');
    expect(feed).toMatchObject({
      verdict: 'regressed',
      requestName: 'feed',
      intervalOf: 'relative',
    });
    expect(feed.relativeChange!).toBeGreaterThan(0.4);
    expect(feed.interval!.low).toBeGreaterThan(0.3);
    expect(feed.reason).toMatch(/^p\(50\) of feed got worse by \+\d+\.\d% \(p[<=]/);
    expect(row(report, 'http_req_duration{name:signup}:p(50)').verdict).toBe('unchanged');
    expect(report.headline).toContain('p(50) of feed');
  });

  it('finds feed improved when the candidate is faster by more than the budget', () => {
    const report = compare(runs(1, 2, { feedExtraMs: 6 }), a);
    expect(report.verdict).toBe('no-regression');
    expect(row(report, 'http_req_duration{name:feed}:p(50)').verdict).toBe('improved');
    expect(report.headline).toMatch(/improved/);
  });

  it('says inconclusive for p(99.9) of 3,000 requests: 10,000 are needed', () => {
    const feed = row(compare(a, runs(1, 2)), 'http_req_duration{name:feed}:p(99.9)');
    expect(feed.verdict).toBe('inconclusive');
    expect(feed.reason).toContain('3,000 where 10,000 are needed');
  });

  it('gives the same report for the same runs and seed', () => {
    const b = runs(1, 2, { feedExtraMs: 1 });
    expect(compare(a, b)).toEqual(compare(a, b));
  });

  it('cannot resample a run without slices (result.json before version 3)', () => {
    const report = compare([{ ...a[0]!, slices: null }], runs(1, 2));
    const feed = row(report, 'http_req_duration{name:feed}:p(50)');
    expect(feed.verdict).toBe('inconclusive');
    expect(feed.baseline.value).toBeNull();
  });
});

describe('compareSides with repeats (Mann-Whitney over runs)', () => {
  it('compares the runs’ values and reaches 2 / 252 when every B run is slower', () => {
    const report = compare(runs(5, 10), runs(5, 20, { feedExtraMs: 3 }));
    expect(report.method).toBe('mann-whitney');
    const feed = row(report, 'http_req_duration{name:feed}:p(50)');
    expect(feed).toMatchObject({
      verdict: 'regressed',
      baseline: { runs: 5 },
      candidate: { runs: 5 },
    });
    expect(feed.pValue).toBeCloseTo(2 / 252, 6);
    expect(feed.baseline.samples).toBe(5 * 3000);
  });

  it('finds no regression over repeats of one build', () => {
    expect(compare(runs(5, 10), runs(5, 20)).verdict).toBe('no-regression');
  });

  it('uses Mann-Whitney from 4 runs a side at α = 0.05, the block bootstrap below', () => {
    expect(methodOf(4, 4, 0.05)).toBe('mann-whitney');
    expect(methodOf(3, 3, 0.05)).toBe('block-bootstrap');
    expect(methodOf(5, 1, 0.05)).toBe('block-bootstrap');
  });
});

describe('budgets', () => {
  const a = runs(1, 1);
  const b = runs(1, 2, { feedExtraMs: 6 });

  it('lets a change within a per-metric budget pass as unchanged', () => {
    const report = compare(a, b, { budgets: ['http_req_duration{name:feed}:p(50)=+80%'] });
    const feed = row(report, 'http_req_duration{name:feed}:p(50)');
    expect(feed.verdict).toBe('unchanged');
    expect(feed.budget).toEqual({ relative: 0.8, absolute: 1 });
  });

  it('takes the metrics and budgets of the scenario’s compare block', () => {
    const withBlock = (run: RunResult): RunResult => ({
      ...run,
      config: {
        ...(run.config as object),
        compare: {
          metrics: ['http_req_duration{name:feed}:p(90)'],
          budgets: { 'http_req_duration{name:feed}:p(90)': '+90%' },
        },
      },
    });
    const report = compare(a.map(withBlock), b);
    expect(report.comparisons.map((c) => c.key)).toEqual(['http_req_duration{name:feed}:p(90)']);
    expect(report.comparisons[0]!.verdict).toBe('unchanged');
  });

  it('refuses a budget for a metric that is not compared, naming it', () => {
    expect(() =>
      compare(a, b, { metrics: ['http_reqs:rate'], budgets: ['http_req_failed:rate=+1pt'] }),
    ).toThrow(/budget names a metric that is not compared: http_req_failed:rate/);
  });
});

describe('comparability', () => {
  const a = runs(1, 1);

  it('refuses another scenario, naming both and how to allow it', () => {
    expect(() => compare(a, runs(1, 2, { scenario: 'other' }))).toThrow(
      /scenario 'other'.*--allow scenario/,
    );
    const report = compare(a, runs(1, 2, { scenario: 'other' }), { allow: ['scenario'] });
    expect(report.allowedDifferences.map((d) => d.kind)).toEqual(['scenario']);
  });

  it('refuses a side whose generator did not keep its schedule', () => {
    expect(() => compare(a, runs(1, 2, { overloaded: true }))).toThrow(
      /did not keep its schedule.*--allow generator/,
    );
  });

  it('refuses runs from another machine', () => {
    expect(() => compare(a, runs(1, 2, { cpuModel: 'Other CPU' }))).toThrow(
      /Other CPU.*--allow machine/,
    );
  });

  it('refuses another load plan', () => {
    const other = runs(1, 2).map((run) => {
      const config = run.config as { workloads: { name: string; plan: object }[] };
      return {
        ...run,
        config: {
          ...config,
          workloads: config.workloads.map((w) => ({ ...w, plan: { ...w.plan, maxInFlight: 1 } })),
        },
      };
    });
    expect(() => compare(a, other)).toThrow(
      /workload 'signups' is planned differently.*--allow plan/,
    );
  });
});
