import { describe, expect, it } from 'vitest';
import { createMonotoneSpline } from '../executors/index.js';
import { peakDemand, threadsSignupCurve } from './forecast.js';
import type { Forecast } from './types.js';

const INTENT = { utilisation: 0.7, redundancy: 1, burst: 1.5 };

describe('threadsSignupCurve', () => {
  it('is the CSV from the launch on, in sign-ups', () => {
    const curve = threadsSignupCurve();
    expect(curve.slice(0, 3)).toEqual([
      [0, 0],
      [1, 1e6],
      [2, 2e6],
    ]);
    expect(curve.at(-1)).toEqual([102, 100e6]);
  });
});

describe('peakDemand', () => {
  it('is the slope of a straight curve, scaled to the total', () => {
    const forecast: Forecast = {
      demand: {
        kind: 'signup-curve',
        curve: [
          [0, 0],
          [1, 3600],
        ],
        total: 7200,
        requestsPerSignup: { signup: 1, feed: 2.5 },
      },
      intent: INTENT,
    };
    expect(peakDemand(forecast)).toEqual({ signup: 2, feed: 5 });
  });

  it("is Steffen's largest slope, at a knot, of a bent curve", () => {
    // Secants 0 and 3600/h: the last knot's slope is the parabola's, 1.5 × 3600/h = 1.5/s.
    const forecast: Forecast = {
      demand: {
        kind: 'signup-curve',
        curve: [
          [0, 0],
          [1, 0],
          [2, 3600],
        ],
        total: 3600,
        requestsPerSignup: { signup: 1 },
      },
      intent: INTENT,
    };
    expect(peakDemand(forecast).signup).toBeCloseTo(1.5, 12);
  });

  it('finds the peak of the Threads curve by default, inside an interval', () => {
    const forecast: Forecast = {
      demand: { kind: 'signup-curve', total: 50e6, requestsPerSignup: { signup: 1 } },
      intent: INTENT,
    };
    const curve = threadsSignupCurve();
    const spline = createMonotoneSpline(
      curve.map((point) => point[0]),
      curve.map((point) => point[1]),
    );
    let sampled = 0;
    for (let hour = 0; hour <= 102; hour += 0.001)
      sampled = Math.max(sampled, spline.slopeAt(hour));
    const expected = (sampled * 0.5) / 3600;
    expect(peakDemand(forecast).signup).toBeGreaterThanOrEqual(expected);
    expect(peakDemand(forecast).signup).toBeCloseTo(expected, 3);
    expect(expected).toBeGreaterThan(250);
    expect(expected).toBeLessThan(500);
  });

  it('is active users at the peak × requests per minute for daily-active demand', () => {
    const forecast: Forecast = {
      demand: {
        kind: 'daily-active',
        dailyActiveUsers: 10e6,
        sessionMinutes: 30,
        peakFactor: 2,
        requestsPerMinute: { feed: 6, like: 0.6 },
      },
      intent: INTENT,
    };
    // 10e6 × 30/1440 = 208,333 active on average, × 2 at the peak, × 6/60 requests/s each.
    const demand = peakDemand(forecast);
    expect(demand.feed).toBeCloseTo(41_666.667, 3);
    expect(demand.like).toBeCloseTo(4_166.667, 3);
  });
});
