import { describe, expect, it } from 'vitest';
import { buildCompareReport } from '../../../test/support/compare-report-fixture.js';
import type { MetricComparison } from '../../compare/types.js';
import {
  formatBudget,
  formatChange,
  formatDelta,
  formatInterval,
  formatPValue,
  formatValue,
  formatVerdictCounts,
} from './format.js';

const report = buildCompareReport('no-regression');
const [p50, , p999, errors, throughput] = report.comparisons as MetricComparison[];

describe('compare figures', () => {
  it('writes values in their unit, a dash for none', () => {
    expect(formatValue(12.345, 'ms')).toBe('12.3 ms');
    expect(formatValue(0.0125, 'fraction')).toBe('1.25%');
    expect(formatValue(200.5, 'per-second')).toBe('200.5/s');
    expect(formatValue(3, 'count')).toBe('3');
    expect(formatValue(null, 'ms')).toBe('–');
  });

  it('writes a change as its interval measures it: relative in %, rates in points', () => {
    expect(formatDelta(p50!)).toBe('-14.3% [-19.0%, -10.0%]');
    expect(formatDelta(errors!)).toBe('+0.04 points [-0.10 points, +0.15 points]');
    expect([formatDelta(p999!), formatInterval(p999!)]).toEqual(['+39.7%', null]);
    const missing = {
      ...p50!,
      candidate: { ...p50!.candidate, value: null },
      relativeChange: null,
    };
    expect(formatChange(missing)).toBe('–');
  });

  it('signs a budget in the direction that is worse', () => {
    expect(formatBudget(p50!.budget, 'ms', 'higher-is-worse')).toBe('+10% and +1.00 ms');
    expect(formatBudget(throughput!.budget, 'per-second', 'lower-is-worse')).toBe('-10%');
    expect(formatBudget(errors!.budget, 'fraction', 'higher-is-worse')).toBe('+0.50 points');
    expect(formatBudget({ relative: null, absolute: null }, 'ms', 'higher-is-worse')).toBe('none');
  });

  it('writes p-values to three decimals, and counts each verdict worst first', () => {
    expect([0.0079, 0.00042, null].map(formatPValue)).toEqual(['p=0.008', 'p<0.001', '–']);
    expect(formatVerdictCounts(report)).toBe(
      '1 improved, 3 unchanged, 1 inconclusive of 5 compared metrics',
    );
    expect(formatVerdictCounts({ ...report, comparisons: [] })).toBe('no metric compared');
  });
});
