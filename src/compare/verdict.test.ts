import { describe, expect, it } from 'vitest';
import type { VerdictInput } from './verdict.js';
import { decideVerdict, effectiveBound, sampleShortfall, samplesNeeded } from './verdict.js';

/** A p(99) latency of 20 ms a side with a +10%, +1 ms budget, significant, 5,000 samples. */
const latency: VerdictInput = {
  aggregation: { method: 'p', percentile: 99 },
  direction: 'higher-is-worse',
  budget: { relative: 0.1, absolute: 1 },
  baseline: 20,
  candidate: 24,
  intervalOf: 'relative',
  change: 0.2,
  interval: { low: 0.12, high: 0.28, level: 0.95 },
  pValue: 0.004,
  samples: 5000,
  alpha: 0.05,
};
const verdict = (changes: Partial<VerdictInput>) => decideVerdict({ ...latency, ...changes });

describe('decideVerdict', () => {
  it('is regressed when significant and beyond the budget, improved when better by as much', () => {
    expect(verdict({})).toMatchObject({ verdict: 'regressed', ground: 'beyond-budget' });
    expect(
      verdict({ change: -0.2, interval: { low: -0.28, high: -0.12, level: 0.95 } }),
    ).toMatchObject({ verdict: 'improved' });
  });

  it('turns the direction round for throughput: lower is worse', () => {
    const throughput = {
      direction: 'lower-is-worse' as const,
      budget: { relative: 0.1, absolute: null },
    };
    expect(verdict({ ...throughput, change: -0.2 }).verdict).toBe('regressed');
    expect(verdict({ ...throughput, change: 0.2 }).verdict).toBe('improved');
  });

  it('is unchanged when significant but within the budget: both bounds must be exceeded', () => {
    expect(verdict({ change: 0.08 })).toMatchObject({
      verdict: 'unchanged',
      ground: 'within-budget',
    });
    // +20% of 2 ms is 0.4 ms, under the +1 ms bound.
    expect(verdict({ baseline: 2, candidate: 2.4 })).toMatchObject({ verdict: 'unchanged' });
  });

  it('is unchanged when not significant and the interval lies within the budget', () => {
    const decision = verdict({
      change: 0.01,
      pValue: 0.6,
      interval: { low: -0.04, high: 0.05, level: 0.95 },
    });
    expect(decision).toMatchObject({ verdict: 'unchanged', ground: 'inside-budget' });
  });

  it('is inconclusive when not significant but the interval reaches beyond the budget', () => {
    const decision = verdict({
      change: 0.05,
      pValue: 0.2,
      interval: { low: -0.05, high: 0.18, level: 0.95 },
    });
    expect(decision).toMatchObject({ verdict: 'inconclusive', ground: 'wide-interval' });
  });

  it('is inconclusive with too few samples for the percentile, or no data, or no interval', () => {
    expect(verdict({ samples: 999 })).toMatchObject({
      verdict: 'inconclusive',
      ground: 'few-samples',
    });
    expect(verdict({ candidate: null, change: null })).toMatchObject({ ground: 'no-data' });
    expect(verdict({ interval: null })).toMatchObject({ ground: 'no-interval' });
  });

  it('counts any significant change when no bound is set', () => {
    expect(verdict({ budget: { relative: null, absolute: null }, change: 0.01 }).verdict).toBe(
      'regressed',
    );
  });

  it('reads an error rate on the absolute axis: +0.5 points', () => {
    const errors: Partial<VerdictInput> = {
      aggregation: { method: 'rate', percentile: null },
      budget: { relative: null, absolute: 0.005 },
      baseline: 0.001,
      intervalOf: 'absolute',
      interval: { low: 0.004, high: 0.012, level: 0.95 },
    };
    expect(verdict({ ...errors, candidate: 0.009, change: 0.008 }).verdict).toBe('regressed');
    expect(verdict({ ...errors, candidate: 0.004, change: 0.003 }).verdict).toBe('unchanged');
  });
});

describe('effectiveBound', () => {
  it('is the larger of the relative bound and the absolute one over the baseline', () => {
    expect(effectiveBound({ relative: 0.1, absolute: 1 }, 'relative', 20)).toBeCloseTo(0.1, 12);
    expect(effectiveBound({ relative: 0.1, absolute: 1 }, 'relative', 4)).toBeCloseTo(0.25, 12);
    expect(effectiveBound({ relative: 0.1, absolute: 0.005 }, 'absolute', 0.2)).toBeCloseTo(
      0.02,
      12,
    );
    expect(effectiveBound({ relative: null, absolute: 1 }, 'relative', 0)).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe('samplesNeeded', () => {
  it('asks a hundred events of a rate or a count: a rarely used request is not compared on a handful', () => {
    expect(samplesNeeded({ method: 'rate', percentile: null })).toBe(100);
    expect(samplesNeeded({ method: 'count', percentile: null })).toBe(100);
    const decision = decideVerdict({
      ...latency,
      aggregation: { method: 'rate', percentile: null },
      direction: 'lower-is-worse',
      budget: { relative: 0.1, absolute: null },
      change: -0.8,
      samples: 5,
    });
    expect(decision).toMatchObject({ verdict: 'inconclusive', ground: 'few-samples' });
  });

  it('asks for ten samples beyond the percentile', () => {
    const p = (percentile: number) => ({ method: 'p' as const, percentile });
    expect(samplesNeeded(p(50))).toBe(20);
    expect(samplesNeeded(p(99))).toBe(1000);
    expect(samplesNeeded(p(99.9))).toBe(10_000);
    expect(samplesNeeded({ method: 'avg', percentile: null })).toBe(20);
    expect(samplesNeeded({ method: 'max', percentile: null })).toBe(0);
    expect(sampleShortfall(p(99.9), 2000)).toBe(8000);
  });
});
