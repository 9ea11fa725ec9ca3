import { describe, expect, it } from 'vitest';
import { createPrng } from '../executors/index.js';
import { fitUsl, uslPeak, uslThroughput } from './usl.js';

const PARAMS = { lambda: 1000, sigma: 0.05, kappa: 0.0002 };
const LEVELS = [1, 2, 4, 8, 16, 32, 64, 128];

function pointsOf(noise = 0, seed = 1) {
  const random = createPrng(seed);
  return LEVELS.map((concurrency) => ({
    concurrency,
    // A Box–Muller normal: the noise is multiplicative, `noise` its standard deviation.
    throughput:
      uslThroughput(PARAMS, concurrency) *
      (1 + noise * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())),
  }));
}

function relativeError(actual: number, expected: number): number {
  return Math.abs(actual - expected) / expected;
}

describe('uslThroughput and uslPeak', () => {
  it('computes the known values', () => {
    expect(uslThroughput(PARAMS, 8).toFixed(1)).toBe('5877.2');
    expect(uslThroughput(PARAMS, 64).toFixed(1)).toBe('12912.6');
    expect(uslThroughput(PARAMS, 1)).toBe(1000);
    const peak = uslPeak(PARAMS)!;
    expect(peak.concurrency).toBeCloseTo(68.9, 1);
    expect(peak.throughput).toBeCloseTo(uslThroughput(PARAMS, Math.sqrt(4750)), 9);
    expect(peak.throughput).toBeGreaterThan(uslThroughput(PARAMS, 64));
    expect(peak.throughput).toBeGreaterThan(uslThroughput(PARAMS, 74));
  });

  it('has no peak without coherency cost, and peaks at 1 when contention is total', () => {
    expect(uslPeak({ lambda: 100, sigma: 0.1, kappa: 0 })).toBeNull();
    expect(uslPeak({ lambda: 100, sigma: 1.2, kappa: 0.01 })).toEqual({
      concurrency: 1,
      throughput: 100,
    });
  });
});

describe('fitUsl', () => {
  it('gives back the parameters of exact points', () => {
    const fit = fitUsl(pointsOf());
    expect(relativeError(fit.lambda, 1000)).toBeLessThan(1e-3);
    expect(relativeError(fit.sigma, 0.05)).toBeLessThan(1e-3);
    expect(relativeError(fit.kappa, 0.0002)).toBeLessThan(1e-3);
    expect(fit.rSquared).toBeCloseTo(1, 9);
    expect(fit.peak!.concurrency).toBeCloseTo(68.9, 1);
    expect(fit.supported).toBe(true);
    expect(fit.warnings).toEqual([]);
  });

  it('gives them back within a few percent with 2% multiplicative noise', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const fit = fitUsl(pointsOf(0.02, seed));
      expect(relativeError(fit.lambda, 1000)).toBeLessThan(0.05);
      expect(relativeError(fit.sigma, 0.05)).toBeLessThan(0.5);
      expect(relativeError(fit.kappa, 0.0002)).toBeLessThan(0.5);
      expect(relativeError(fit.peak!.concurrency, 68.9)).toBeLessThan(0.2);
      expect(relativeError(fit.peak!.throughput, uslPeak(PARAMS)!.throughput)).toBeLessThan(0.05);
      expect(fit.rSquared).toBeGreaterThan(0.99);
      expect(fit.stdErr!.lambda).toBeGreaterThan(0);
      expect(fit.supported).toBe(true);
    }
  });

  it('fits linear scaling with σ and κ at their bound 0', () => {
    const fit = fitUsl([1, 2, 4, 8, 16].map((n) => ({ concurrency: n, throughput: 100 * n })));
    expect(fit.lambda).toBeCloseTo(100, 6);
    expect(fit.sigma).toBeCloseTo(0, 9);
    expect(fit.kappa).toBeCloseTo(0, 12);
    expect(fit.peak?.concurrency ?? Number.POSITIVE_INFINITY).toBeGreaterThan(1e6);
  });

  it('is not supported with fewer than 4 points, and says why', () => {
    const fit = fitUsl(pointsOf().slice(2, 5));
    expect(fit.stdErr).toBeNull();
    expect(fit.supported).toBe(false);
    expect(fit.warnings).toEqual(['only 3 points: the fit has 3 parameters and needs at least 4.']);
  });

  it('is not supported over a narrow concurrency range', () => {
    const points = [10, 12, 14, 16, 18].map((concurrency) => ({
      concurrency,
      throughput: uslThroughput(PARAMS, concurrency),
    }));
    const fit = fitUsl(points);
    expect(fit.supported).toBe(false);
    expect(fit.warnings).toContain(
      'concurrency spans only 1.8× (10 to 18): the fit needs at least 3×.',
    );
  });

  it('is not supported when the model does not explain the points', () => {
    const random = createPrng(7);
    const points = LEVELS.map((concurrency) => ({ concurrency, throughput: 500 + 400 * random() }));
    const fit = fitUsl(points);
    expect(fit.supported).toBe(false);
    expect(fit.warnings).toEqual(['R² is 0.547, below 0.9: the model fits the points poorly.']);
  });

  it('is not supported when a standard error exceeds its estimate, naming the parameter', () => {
    const random = createPrng(2);
    const points = [1, 2, 4, 8, 16, 32, 64].map((concurrency) => ({
      concurrency,
      throughput: 100 * concurrency * (1 + 0.04 * (random() - 0.5)),
    }));
    const fit = fitUsl(points);
    expect(fit.rSquared).toBeGreaterThan(0.99);
    expect(fit.supported).toBe(false);
    expect(fit.warnings).toHaveLength(2);
    expect(fit.warnings[0]).toMatch(
      /^the standard error of σ \(.+\) exceeds its estimate \(.+\): these points do not determine σ\.$/,
    );
    expect(fit.warnings[1]).toMatch(/^the standard error of κ /);
  });

  it('leaves out points it cannot fit, and says so', () => {
    const fit = fitUsl([{ concurrency: 0, throughput: 0 }, ...pointsOf()]);
    expect(fit.lambda).toBeCloseTo(1000, 3);
    expect(fit.supported).toBe(false);
    expect(fit.warnings).toEqual([
      '1 of 9 points were left out: no concurrency or throughput measured.',
    ]);
    expect(fitUsl([{ concurrency: Number.NaN, throughput: 5 }])).toEqual({
      lambda: 0,
      sigma: 0,
      kappa: 0,
      stdErr: null,
      rSquared: 0,
      peak: null,
      supported: false,
      warnings: [
        '1 of 1 points were left out: no concurrency or throughput measured.',
        'no point to fit.',
      ],
    });
  });
});
