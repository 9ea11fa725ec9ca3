import { describe, expect, it } from 'vitest';
import { mannWhitney, smallestPValue } from './mann-whitney.js';

describe('mannWhitney', () => {
  it('gives the exact p-value of small samples without ties (SciPy mannwhitneyu example)', () => {
    const result = mannWhitney([19, 22, 16, 29, 24], [20, 11, 17, 12]);
    expect(result).toMatchObject({ u: 17, exact: true });
    expect(result.pValue).toBeCloseTo(1 / 9, 12);
  });

  it('matches R wilcox.test on Hollander and Wolfe: W = 35, two-sided p = 0.2544', () => {
    const x = [0.8, 0.83, 1.89, 1.04, 1.45, 1.38, 1.91, 1.64, 0.73, 1.46];
    const y = [1.15, 0.88, 0.9, 0.74, 1.21];
    const result = mannWhitney(x, y);
    expect(result.u).toBe(35);
    expect(result.pValue).toBeCloseTo(0.2544122544, 9);
  });

  it('uses the normal approximation with tie and continuity corrections when there are ties', () => {
    const a = [1, 2, 2, 3, 3, 3, 4, 5, 6, 7, 8, 8, 9];
    const b = [3, 4, 5, 5, 6, 7, 7, 8, 9, 9, 10, 11];
    const result = mannWhitney(a, b);
    expect(result).toMatchObject({ u: 40.5, exact: false });
    // SciPy: mannwhitneyu(a, b, method='asymptotic', use_continuity=True).pvalue
    expect(result.pValue).toBeCloseTo(0.042985257618, 5);
  });

  it('uses the normal approximation for large samples', () => {
    const a = Array.from({ length: 60 }, (_, i) => i);
    const result = mannWhitney(
      a,
      a.map((v) => v + 10),
    );
    expect(result).toMatchObject({ u: 1250, exact: false });
    expect(result.pValue).toBeCloseTo(0.003921883905, 5);
  });

  it('is symmetric: swapping the samples keeps the p-value and mirrors U', () => {
    const a = [3.1, 4.2, 5.5, 2.2, 6.1];
    const b = [7.7, 8.1, 5.9, 9.4, 6.6];
    expect(mannWhitney(b, a).pValue).toBeCloseTo(mannWhitney(a, b).pValue, 12);
    expect(mannWhitney(a, b).u + mannWhitney(b, a).u).toBe(25);
  });

  it('reaches 2 / C(10, 5) when 5 runs a side are fully separated, and 1 when all tie', () => {
    expect(mannWhitney([1, 2, 3, 4, 5], [6, 7, 8, 9, 10]).pValue).toBeCloseTo(2 / 252, 12);
    expect(mannWhitney([2, 2, 2], [2, 2, 2]).pValue).toBe(1);
  });

  it('refuses an empty sample', () => {
    expect(() => mannWhitney([], [1])).toThrow(RangeError);
  });
});

describe('smallestPValue', () => {
  it('is 0.1 for 3 runs a side, 2/70 for 4 and 2/252 for 5', () => {
    expect(smallestPValue(3, 3)).toBeCloseTo(0.1, 12);
    expect(smallestPValue(4, 4)).toBeCloseTo(2 / 70, 12);
    expect(smallestPValue(5, 5)).toBeCloseTo(2 / 252, 12);
    expect(smallestPValue(1, 1)).toBe(1);
  });
});
