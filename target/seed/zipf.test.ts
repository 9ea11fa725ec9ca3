import { describe, expect, it } from 'vitest';
import { createRandom } from './random.js';
import { createZipfSampler } from './zipf.js';

function frequencies(n: number, exponent: number, draws: number): number[] {
  const sample = createZipfSampler(n, exponent);
  const random = createRandom(5, 0);
  const counts = new Array<number>(n + 1).fill(0);
  for (let i = 0; i < draws; i++) counts[sample(random)]!++;
  return counts;
}

describe('createZipfSampler', () => {
  it('draws ranks 1..n with probability proportional to 1 / rank', () => {
    const n = 1000;
    const draws = 200_000;
    const counts = frequencies(n, 1, draws);
    expect(counts[0]).toBe(0);
    let harmonic = 0;
    for (let k = 1; k <= n; k++) harmonic += 1 / k;
    for (const rank of [1, 2, 10]) {
      const expected = draws / (rank * harmonic);
      expect(Math.abs(counts[rank]! - expected) / expected).toBeLessThan(0.05);
    }
    expect(counts[n]! + counts[n - 1]! + counts[n - 2]!).toBeGreaterThan(0);
  });

  it('concentrates more with a larger exponent', () => {
    const draws = 50_000;
    expect(frequencies(100, 2, draws)[1]! / draws).toBeGreaterThan(0.55);
  });

  it('always draws 1 from a single rank, and refuses a bad size or exponent', () => {
    const sample = createZipfSampler(1, 1);
    expect(sample(createRandom(1, 1))).toBe(1);
    expect(() => createZipfSampler(0, 1)).toThrow(RangeError);
    expect(() => createZipfSampler(10, 0)).toThrow(RangeError);
  });
});

describe('createZipfSampler inversion', () => {
  it('draws exactly the rank a bisection of the cumulative weights finds', () => {
    const n = 5000;
    const cumulative: number[] = [];
    let total = 0;
    for (let k = 1; k <= n; k++) {
      total += 1 / k;
      cumulative.push(total);
    }
    const sample = createZipfSampler(n, 1);
    const guided = createRandom(3, 3);
    const reference = createRandom(3, 3);
    const mismatches: number[] = [];
    for (let i = 0; i < 20_000; i++) {
      const target = reference.float() * total;
      const expected = cumulative.findIndex((weight) => weight > target) + 1;
      if (sample(guided) !== expected) mismatches.push(i);
    }
    expect(mismatches).toEqual([]);
  });
});
