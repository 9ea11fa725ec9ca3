import { describe, expect, it } from 'vitest';
import { createRateCurve } from './rate-profile.js';
import type { RateSegment } from './types.js';

const flat = (startMs: number, durationMs: number, rate: number): RateSegment => ({
  startMs,
  durationMs,
  fromRate: rate,
  toRate: rate,
});

describe('createRateCurve', () => {
  it('integrates and inverts a constant rate exactly', () => {
    const curve = createRateCurve({ segments: [flat(0, 1000, 100)] });
    expect(curve.durationMs).toBe(1000);
    expect(curve.total).toBe(100);
    expect(curve.cumulative(500)).toBeCloseTo(50, 12);
    expect(curve.rateAt(999)).toBe(100);
    expect(curve.rateAt(1000)).toBe(0);
    expect(curve.rateAt(-1)).toBe(0);
    for (const k of [0, 1, 2, 37, 99]) expect(curve.inverse(k)).toBeCloseTo(10 * k, 9);
    expect(curve.inverse(100)).toBe(1000);
    expect(curve.inverse(-5)).toBe(0);
  });

  it('matches the arrival times k6 computes for a ramp up, a plateau and a ramp down', () => {
    // k6's TestRampingArrivalRateCal: startRate 0, stages 5s→1/s, 1s→1/s, 5s→0/s.
    const curve = createRateCurve({
      segments: [
        { startMs: 0, durationMs: 5000, fromRate: 0, toRate: 1 },
        flat(5000, 1000, 1),
        { startMs: 6000, durationMs: 5000, fromRate: 1, toRate: 0 },
      ],
    });
    expect(curve.total).toBe(6);
    const expected = [
      1000 * Math.sqrt(10),
      1000 * Math.sqrt(20),
      5500,
      6000 + 1000 / (1 + Math.sqrt(0.8)),
      6000 + 3000 / (1 + Math.sqrt(0.4)),
      11_000,
    ];
    for (const [i, ms] of expected.entries()) expect(curve.inverse(i + 1)).toBeCloseTo(ms, 6);
    expect(curve.inverse(0)).toBe(0);
    expect(curve.cumulative(2500)).toBeCloseTo(0.625, 12);
    expect(curve.cumulative(8500)).toBeCloseTo(2.5 + 1 + 2.5 - 0.625, 12);
    expect(curve.rateAt(2500)).toBeCloseTo(0.5, 12);
    expect(curve.rateAt(8500)).toBeCloseTo(0.5, 12);
  });

  it('is its own inverse across ramps, plateaus and instant jumps', () => {
    const curve = createRateCurve({
      segments: [
        { startMs: 0, durationMs: 2000, fromRate: 10, toRate: 50 },
        { startMs: 2000, durationMs: 0, fromRate: 50, toRate: 5 },
        flat(2000, 1500, 5),
        { startMs: 3500, durationMs: 1000, fromRate: 5, toRate: 0 },
      ],
    });
    expect(curve.total).toBeCloseTo(60 + 7.5 + 2.5, 12);
    for (let ms = 0; ms < 4500; ms += 37) {
      expect(curve.inverse(curve.cumulative(ms))).toBeCloseTo(ms, 6);
    }
  });

  it('skips spans of rate 0: arrivals resume where the rate does', () => {
    const curve = createRateCurve({ segments: [flat(0, 1000, 0), flat(1000, 1000, 10)] });
    expect(curve.inverse(0)).toBe(1000);
    expect(curve.inverse(1)).toBeCloseTo(1100, 9);
    expect(curve.cumulative(1000)).toBe(0);
  });

  it('handles profiles of many segments', () => {
    const segments = Array.from({ length: 5000 }, (_, i) =>
      flat(i * 10, 10, i % 2 === 0 ? 100 : 300),
    );
    const curve = createRateCurve({ segments });
    expect(curve.durationMs).toBe(50_000);
    expect(curve.total).toBeCloseTo(2500 * 1 + 2500 * 3, 9);
    // Each pair of segments (20 ms) holds 4 arrivals: 1 in the first 10 ms, 3 in the next.
    expect(curve.inverse(4 * 1234)).toBeCloseTo(20 * 1234, 6);
    expect(curve.inverse(4 * 1234 + 1)).toBeCloseTo(20 * 1234 + 10, 6);
    expect(curve.inverse(4 * 1234 + 2.5)).toBeCloseTo(20 * 1234 + 15, 6);
  });

  it('gives an empty profile no arrivals', () => {
    const curve = createRateCurve({ segments: [] });
    expect(curve.total).toBe(0);
    expect(curve.inverse(0)).toBe(0);
    expect(curve.cumulative(10)).toBe(0);
  });
});
