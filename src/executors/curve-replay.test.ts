import { describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import { createMonotoneSpline } from './monotone-spline.js';
import { createRateCurve } from './rate-profile.js';
import { readCurveCsv } from './read-curve-csv.js';
import { planExecutor } from './registry.js';
import type { ArrivalRatePlan } from './types.js';

const THREADS = [
  [0, 0] as const,
  ...readCurveCsv(new URL('../../scenarios/data/threads-launch-signups.csv', import.meta.url), {
    time: 'hours_since_launch',
    cumulative: 'cumulative_signups_millions',
    multiplier: 1e6,
  }),
];

function replay(config: Record<string, unknown>): ArrivalRatePlan {
  const plan = planExecutor({ type: 'curve-replay', ...config }, 'workloads.w.executor');
  if (plan.model !== 'arrival-rate') throw new Error('expected an arrival-rate plan');
  return plan;
}

function issuesOf(config: Record<string, unknown>): string[] {
  try {
    replay(config);
  } catch (error) {
    if (isLaunchdayError(error)) return error.issues.map((i) => `${i.path} ${i.message}`);
  }
  throw new Error('expected a validation error');
}

describe('curve-replay plans', () => {
  it.each([
    [3000, 3e-5],
    [3600, 1e-4],
    [36_000, 1e-3],
    [720, 2e-5],
  ])(
    'plans the integral of the Threads curve at compress %d, scale %d (within 1%)',
    (compress, scale) => {
      const plan = replay({ points: THREADS, timeUnit: '1h', compress, scale });
      const integral = scale * (100e6 - 0);
      expect(Math.abs(plan.plannedIterations - integral) / integral).toBeLessThan(0.01);
      expect(plan.durationMs).toBeCloseTo((102 * 3_600_000) / compress, 6);
    },
  );

  it('follows the slope of the curve, continuous from piece to piece', () => {
    const plan = replay({ points: THREADS, timeUnit: '1h', compress: 3600, scale: 1e-4 });
    const spline = createMonotoneSpline(
      THREADS.map((p) => p[0]),
      THREADS.map((p) => p[1]),
    );
    const curve = createRateCurve(plan.rate);
    for (const hours of [0.5, 3, 10, 20, 60, 100]) {
      // One curve hour per run second: iterations/s = scale · sign-ups per hour.
      expect(curve.rateAt(hours * 1000)).toBeCloseTo(1e-4 * spline.slopeAt(hours), 0);
      expect(curve.cumulative(hours * 1000)).toBeCloseTo(1e-4 * spline.valueAt(hours), -1);
    }
    const segments = plan.rate.segments;
    for (let i = 1; i < segments.length; i++) {
      expect(segments[i]!.fromRate).toBeCloseTo(segments[i - 1]!.toRate, 9);
      expect(segments[i]!.startMs).toBe(segments[i - 1]!.startMs + segments[i - 1]!.durationMs);
    }
    expect(segments.every((s) => s.fromRate >= 0 && s.toRate >= 0)).toBe(true);
  });

  it('shows one stage per curve interval, split where the rate peaks', () => {
    const plan = replay({ points: THREADS, timeUnit: '1h', compress: 3600, scale: 1e-4 });
    expect(plan.stages.length).toBeGreaterThanOrEqual(THREADS.length - 1);
    // The stages show the exact peak, which the linear pieces may cut a little short.
    const peak = Math.max(...plan.stages.flatMap((s) => [s.from, s.to]));
    const pieces = Math.max(...plan.rate.segments.flatMap((s) => [s.fromRate, s.toRate]));
    expect(peak).toBeGreaterThanOrEqual(pieces);
    expect(peak / pieces).toBeLessThan(1.005);
    expect(plan.stages.every((s) => s.unit === 'iterations/s')).toBe(true);
  });

  it('starts at the first point, with the open-model options passed through', () => {
    const plan = replay({
      points: [
        [10, 1000],
        [20, 3000],
      ],
      compress: 2,
      arrivals: 'poisson',
      maxInFlight: 7,
      startTime: '3s',
      gracefulStop: '1s',
    });
    expect(plan).toMatchObject({
      type: 'curve-replay',
      startTimeMs: 3000,
      gracefulStopMs: 1000,
      durationMs: 5000,
      arrivals: 'poisson',
      maxInFlight: 7,
      plannedIterations: 2000,
    });
    expect(plan.rate.segments[0]).toEqual({
      startMs: 0,
      durationMs: 5000,
      fromRate: 400,
      toRate: 400,
    });
  });
});

describe('curve-replay validation', () => {
  it('names every problem of the config', () => {
    expect(
      issuesOf({
        points: [[0, 1], [1, 'x'], [2]],
        compress: 0,
        scale: -1,
        timeUnit: 'hour',
        nope: 1,
      }),
    ).toEqual([
      'workloads.w.executor.points[1][1] must be a number',
      'workloads.w.executor.points[2] must be a [time, cumulative] pair',
      "workloads.w.executor.timeUnit 'hour' is not a duration: write a number and a unit, e.g. '500ms', '30s', '1m30s'",
      'workloads.w.executor.compress must be greater than 0',
      'workloads.w.executor.scale must be greater than 0',
      'workloads.w.executor.nope is not a known key',
    ]);
  });

  it('names points out of order and a curve that does not rise', () => {
    expect(
      issuesOf({
        points: [
          [0, 5],
          [2, 7],
          [2, 6],
          [1, 5],
        ],
      }),
    ).toEqual([
      'workloads.w.executor.points[2][0] must be greater than the time before it (2): times strictly increase',
      'workloads.w.executor.points[2][1] must not be less than the cumulative before it (7): a cumulative curve never falls',
      'workloads.w.executor.points[3][0] must be greater than the time before it (2): times strictly increase',
      'workloads.w.executor.points[3][1] must not be less than the cumulative before it (6): a cumulative curve never falls',
      'workloads.w.executor.points the curve must rise: the last cumulative (5) must be greater than the first (5)',
    ]);
    expect(issuesOf({ points: [[0, 0]] })).toEqual([
      'workloads.w.executor.points needs at least 2 items',
    ]);
    expect(
      issuesOf({
        points: [
          [0, -1],
          [1, 2],
        ],
      }),
    ).toEqual(['workloads.w.executor.points[0][1] must be at least 0']);
  });

  it('hints at the keys it takes', () => {
    try {
      replay({ points: [] });
    } catch (error) {
      expect(isLaunchdayError(error) && error.hint).toMatch(
        /type, points, timeUnit, compress, scale/,
      );
    }
  });
});
