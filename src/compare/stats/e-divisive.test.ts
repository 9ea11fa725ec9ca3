import { describe, expect, it } from 'vitest';
import { createPrng, type Prng } from '../../executors/prng.js';
import { eDivisive, figuresOf } from './e-divisive.js';

/** `n` draws of a normal distribution (Box-Muller) of `mean` and `sd` from `random`. */
function normal(random: Prng, n: number, mean: number, sd: number): number[] {
  return Array.from({ length: n }, () => {
    const u = 1 - random();
    const v = random();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  });
}

/** Segments of normal noise, one `[length, mean]` each, sd `sd`, from seed `seed`. */
function steps(seed: number, sd: number, ...segments: [number, number][]): number[] {
  const random = createPrng(seed);
  return segments.flatMap(([length, mean]) => normal(random, length, mean, sd));
}

describe('eDivisive', () => {
  it('finds one step at the first value after it, with the segments on either side', () => {
    const series = steps(1, 2, [20, 100], [20, 118]);
    const points = eDivisive(series, { random: createPrng(7) });
    expect(points.map((p) => p.index)).toEqual([20]);
    const [point] = points;
    expect(point!.pValue).toBeLessThanOrEqual(0.05);
    expect(point!.pValue).toBe(1 / 200); // no shuffle of 40 values splits as well
    expect(point!.before.length).toBe(20);
    expect(point!.after.length).toBe(20);
    // sd 2 over 20 values: each mean within 1.5 (over 3 standard errors) of its level
    expect(Math.abs(point!.before.mean - 100)).toBeLessThan(1.5);
    expect(Math.abs(point!.after.mean - 118)).toBeLessThan(1.5);
    expect(point!.statistic).toBeGreaterThan(0);
  });

  it('finds two steps, up then down, each with its own neighbouring segments', () => {
    const series = steps(2, 1.5, [15, 50], [12, 65], [18, 52]);
    const points = eDivisive(series);
    expect(points.map((p) => p.index)).toEqual([15, 27]);
    expect(points[0]!.after.length).toBe(12);
    expect(points[1]!.before.length).toBe(12);
    expect(points[1]!.before.mean).toBeCloseTo(points[0]!.after.mean, 10);
    expect(points[1]!.after.mean).toBeLessThan(points[1]!.before.mean);
  });

  it('finds a step of a few runs on either side of it, near the ends of a series', () => {
    const series = steps(3, 1, [4, 20], [14, 40]);
    expect(eDivisive(series).map((p) => p.index)).toEqual([4]);
    const late = steps(4, 1, [14, 20], [4, 40]);
    expect(eDivisive(late).map((p) => p.index)).toEqual([14]);
  });

  it('finds nothing on pure noise, for several seeds', () => {
    for (const seed of [11, 12, 13, 14, 15]) {
      const series = steps(seed, 5, [40, 100]);
      expect(eDivisive(series, { random: createPrng(seed) }), `seed ${seed}`).toEqual([]);
    }
  });

  it('raises false alarms on noise at about its significance, no more', () => {
    let alarms = 0;
    for (let seed = 100; seed < 140; seed++) {
      const series = steps(seed, 3, [30, 80]);
      if (eDivisive(series, { random: createPrng(seed) }).length > 0) alarms++;
    }
    // 40 series at α = 0.05: 2 expected; at most 5 (P ≈ 0.95 under the null).
    expect(alarms).toBeLessThanOrEqual(5);
  });

  it('is deterministic: the same series and seed give the same change points and p-values', () => {
    const series = steps(5, 4, [10, 30], [10, 36]);
    const first = eDivisive(series, { random: createPrng(42) });
    expect(eDivisive(series, { random: createPrng(42) })).toEqual(first);
    expect(eDivisive(series)).toEqual(eDivisive(series));
  });

  it('finds nothing in a constant series', () => {
    expect(eDivisive(Array.from({ length: 30 }, () => 12.5))).toEqual([]);
  });

  it('finds nothing in a series shorter than two minimum segments', () => {
    expect(eDivisive([])).toEqual([]);
    expect(eDivisive([1])).toEqual([]);
    expect(eDivisive([1, 1, 1, 50, 50])).toEqual([]);
    expect(eDivisive([1, 2, 1, 50, 51, 50, 49], { minSegment: 4 })).toEqual([]);
  });

  it('cannot reach significance with too few permutations or values to shuffle', () => {
    // With 9 permutations the smallest p-value is 0.1.
    const series = steps(6, 1, [10, 10], [10, 30]);
    expect(eDivisive(series, { permutations: 9 })).toEqual([]);
    expect(eDivisive(series, { permutations: 9, significance: 0.1 })).toHaveLength(1);
  });

  it('needs about 4 values on either side of even a clean step to reach p ≤ 0.05', () => {
    const step = (k: number) => [
      ...Array.from({ length: k }, (_, i) => 10 + i / 10),
      ...Array.from({ length: k }, (_, i) => 20 + i / 10),
    ];
    // 3 + 3 values have 20 orderings, 2 of them split as well: p ≈ 0.1 at best.
    expect(eDivisive(step(3))).toEqual([]);
    expect(eDivisive(step(4)).map((p) => p.index)).toEqual([4]);
  });

  it('honours the minimum segment: no change isolates fewer values than it', () => {
    const series = [...steps(7, 1, [20, 10]), 30, 30];
    const points = eDivisive(series);
    expect(points.map((p) => p.index)).not.toContain(20);
    for (const point of points) {
      expect(point.before.length).toBeGreaterThanOrEqual(3);
      expect(point.after.length).toBeGreaterThanOrEqual(3);
    }
    expect(eDivisive(series, { minSegment: 2 }).map((p) => p.index)).toEqual([20]);
  });

  it('refuses values that are not finite and options out of range', () => {
    expect(() => eDivisive([1, Number.NaN, 2])).toThrow(/finite/);
    expect(() => eDivisive([1, 2], { minSegment: 1 })).toThrow(/minSegment/);
    expect(() => eDivisive([1, 2], { significance: 1 })).toThrow(/significance/);
    expect(() => eDivisive([1, 2], { permutations: 0 })).toThrow(/permutations/);
  });
});

/** Q̂ of the split of `values` at `at`, straight from its definition (α = 1). */
function directStatistic(values: readonly number[], at: number): number {
  const x = values.slice(0, at);
  const y = values.slice(at);
  const sum = (a: readonly number[], b: readonly number[]) =>
    a.reduce((s, ai) => s + b.reduce((t, bj) => t + Math.abs(ai - bj), 0), 0);
  const [m, n] = [x.length, y.length];
  const e = (2 * sum(x, y)) / (m * n) - sum(x, x) / (m * (m - 1)) - sum(y, y) / (n * (n - 1));
  return ((m * n) / (m + n)) * e;
}

describe('the energy statistic', () => {
  it('is 3 for 0,0,0 | 1,1,1, whose permutation p-value is about 2/20', () => {
    // m = n = 3: Ê = 2·9/9 − 0 − 0 = 2, Q̂ = 9/6 · 2 = 3; 2 of the 20 orderings split as well.
    const [point] = eDivisive([0, 0, 0, 1, 1, 1], { significance: 0.5, permutations: 999 });
    expect(point!.index).toBe(3);
    expect(point!.statistic).toBeCloseTo(3, 12);
    expect(point!.pValue).toBeGreaterThan(0.05);
    expect(point!.pValue).toBeLessThan(0.15);
    expect(eDivisive([0, 0, 0, 1, 1, 1])).toEqual([]);
  });

  it('matches its definition at the best split, found by trying every split', () => {
    const series = steps(8, 2, [9, 10], [8, 14]);
    const candidates = Array.from({ length: series.length - 5 }, (_, i) => i + 3);
    const best = Math.max(...candidates.map((at) => directStatistic(series, at)));
    const at = candidates.find((c) => directStatistic(series, c) === best);
    const [point] = eDivisive(series);
    expect(point!.index).toBe(at);
    expect(point!.statistic).toBeCloseTo(best, 9);
  });
});

describe('figuresOf', () => {
  it('gives the mean, median and length of odd and even segments', () => {
    expect(figuresOf([3, 1, 2])).toEqual({ mean: 2, median: 2, length: 3 });
    expect(figuresOf([4, 1, 3, 10])).toEqual({ mean: 4.5, median: 3.5, length: 4 });
  });
});
