import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed, exponential } from './prng.js';

describe('createPrng', () => {
  it('is reproducible and uniform on [0, 1)', () => {
    const a = createPrng(123);
    const b = createPrng(123);
    const values = Array.from({ length: 100_000 }, () => a());
    expect(Array.from({ length: 100_000 }, () => b())).toEqual(values);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    const deciles = new Array<number>(10).fill(0);
    for (const v of values) deciles[Math.floor(v * 10)]!++;
    for (const count of deciles) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('gives different streams for different derived seeds', () => {
    const seeds = new Set([0, 1, 2, 3, 4].map((stream) => deriveSeed(42, stream)));
    expect(seeds.size).toBe(5);
    expect(createPrng(deriveSeed(42, 0))()).not.toBe(createPrng(deriveSeed(42, 1))());
    expect(deriveSeed(42, 3)).toBe(deriveSeed(42, 3));
  });

  it('draws exponential values with mean 1', () => {
    const random = createPrng(9);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += exponential(random);
    expect(Math.abs(sum / 100_000 - 1)).toBeLessThan(0.02);
  });
});
