import { describe, expect, it } from 'vitest';
import { planCapacity } from './plan.js';

const INTENT = { utilisation: 0.7, redundancy: 1, burst: 1.5 };

describe('planCapacity', () => {
  it('sizes each name, runs the most needed plus redundancy, names what saturates first', () => {
    // signup: 700 × 1.5 / (500 × 0.7) = 3 instances; feed: 1400 × 1.5 / (2000 × 0.7) = 1.5 → 2.
    const plan = planCapacity(
      { signup: 700, feed: 1400 },
      { signup: 500, feed: 2000, like: 90 },
      INTENT,
    );
    expect(plan).toEqual({
      endpoints: [
        { name: 'signup', peakRps: 700, capacityRps: 500, instances: 3 },
        { name: 'feed', peakRps: 1400, capacityRps: 2000, instances: 2 },
      ],
      instances: 4,
      saturatesFirst: 'signup',
      headroom: expect.closeTo(0.3, 12),
    });
  });

  it('computes headroom at the bottleneck with the redundancy down', () => {
    // feed: 1000 × 1 / (400 × 0.8) = 3.125 → 4 instances; at the peak 1000 / (400 × 4) = 62.5%.
    const plan = planCapacity(
      { feed: 1000 },
      { feed: 400 },
      { utilisation: 0.8, redundancy: 2, burst: 1 },
    );
    expect(plan.instances).toBe(6);
    expect(plan.headroom).toBeCloseTo(0.375, 12);
  });

  it('picks the larger exact need when two names round to the same count', () => {
    const plan = planCapacity(
      { a: 100, b: 190 },
      { a: 100, b: 100 },
      { ...INTENT, burst: 1, utilisation: 1 },
    );
    expect(plan.endpoints.map((endpoint) => endpoint.instances)).toEqual([1, 2]);
    expect(plan.saturatesFirst).toBe('b');
  });

  it('does not add an instance for float rounding, and runs at least one', () => {
    const plan = planCapacity(
      { feed: 0.7 * 3 },
      { feed: 1 },
      { utilisation: 0.7, redundancy: 0, burst: 1 },
    );
    expect(plan.instances).toBe(3);
    expect(planCapacity({ feed: 0 }, { feed: 10 }, { ...INTENT, redundancy: 0 }).instances).toBe(1);
  });

  it('names a demanded request without measured capacity, and the measured ones', () => {
    const plan = () =>
      planCapacity({ signup: 5, post: 1, feed: 3 }, { signup: 50, feed: 0 }, INTENT);
    expect(plan).toThrow(
      expect.objectContaining({
        code: 'LAUNCHDAY_ERR_INVALID_CONFIG',
        message: 'cannot plan capacity for post, feed: no measured capacity (measured: signup)',
        issues: [
          {
            path: 'post',
            message: 'has a forecast demand but no measured capacity (measured: signup)',
          },
          {
            path: 'feed',
            message: 'has a forecast demand but no measured capacity (measured: signup)',
          },
        ],
      }),
    );
    expect(() => planCapacity({}, { signup: 50 }, INTENT)).toThrow(
      'the forecast demands no request',
    );
  });
});
