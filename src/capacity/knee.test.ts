import { describe, expect, it } from 'vitest';
import { findKnee } from './knee.js';

function steps(p99s: readonly number[]) {
  return p99s.map((p99Ms, i) => ({ offered: 100 * (i + 1), throughput: 95 * (i + 1), p99Ms }));
}

describe('findKnee', () => {
  it('finds the last step before latency climbs', () => {
    expect(findKnee(steps([10, 10, 11, 12, 14, 60, 150, 300]))).toEqual({
      offered: 500,
      throughput: 475,
      p99Ms: 14,
    });
  });

  it('sorts the steps by offered load first', () => {
    const shuffled = steps([10, 10, 11, 12, 14, 60, 150, 300]).reverse();
    expect(findKnee(shuffled)?.offered).toBe(500);
  });

  it('finds the point furthest below the chord of an exponential curve', () => {
    // y = e^x over [0, 4]: x_n − y_n is largest where e^x·4/(e^4 − 1) = 1, x = ln((e^4 − 1)/4).
    const points = Array.from({ length: 41 }, (_, i) => ({
      offered: i / 10,
      throughput: i,
      p99Ms: Math.exp(i / 10),
    }));
    expect(findKnee(points)?.offered).toBeCloseTo(Math.log((Math.exp(4) - 1) / 4), 1);
  });

  it('is null with fewer than 3 steps, flat latency, or latency growing no faster than linearly', () => {
    expect(findKnee(steps([10, 500]))).toBeNull();
    expect(findKnee(steps([10, 10, 10, 10]))).toBeNull();
    expect(findKnee(steps([10, 20, 30, 40]))).toBeNull();
    expect(findKnee(steps([10, 50, 60, 65]))).toBeNull();
    expect(
      findKnee([10, 20, 30].map((p99Ms) => ({ offered: 5, throughput: 5, p99Ms }))),
    ).toBeNull();
  });
});
