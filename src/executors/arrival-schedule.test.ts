import { describe, expect, it } from 'vitest';
import {
  type ArrivalSchedule,
  createArrivalSchedule,
  type SchedulePlan,
} from './arrival-schedule.js';

const constant = (
  rate: number,
  durationMs: number,
  arrivals: 'uniform' | 'poisson',
): SchedulePlan => ({
  rate: { segments: [{ startMs: 0, durationMs, fromRate: rate, toRate: rate }] },
  arrivals,
  plannedIterations: Math.floor((rate * durationMs) / 1000),
});

function drain(
  schedule: ArrivalSchedule,
  limit = 10_000_000,
): { atMs: number; iteration: number }[] {
  const out: { atMs: number; iteration: number }[] = [];
  while (schedule.atMs !== Infinity && out.length < limit) {
    out.push({ atMs: schedule.atMs, iteration: schedule.iteration });
    schedule.advance();
  }
  return out;
}

const one = { workerIndex: 0, workerCount: 1, seed: 42 };

describe('uniform arrivals', () => {
  it('start the k-th arrival at Λ⁻¹(k): 0, 10, 20 ms… at 100/s', () => {
    const arrivals = drain(createArrivalSchedule(constant(100, 1000, 'uniform'), one));
    expect(arrivals).toHaveLength(100);
    arrivals.forEach((arrival, k) => {
      expect(arrival.iteration).toBe(k);
      expect(arrival.atMs).toBeCloseTo(10 * k, 9);
    });
  });

  it('start exactly plannedIterations, rounded down as k6 counts', () => {
    const plan = { ...constant(3, 1500, 'uniform'), plannedIterations: 4 };
    expect(drain(createArrivalSchedule(plan, one))).toHaveLength(4);
  });

  it('shared among W workers, start the same arrivals as one worker', () => {
    const plan: SchedulePlan = {
      rate: { segments: [{ startMs: 0, durationMs: 3000, fromRate: 10, toRate: 200 }] },
      arrivals: 'uniform',
      plannedIterations: 315,
    };
    const single = drain(createArrivalSchedule(plan, one));
    const shared = [0, 1, 2, 3].flatMap((workerIndex) => {
      const arrivals = drain(
        createArrivalSchedule(plan, { workerIndex, workerCount: 4, seed: 42 }),
      );
      for (const arrival of arrivals) expect(arrival.iteration % 4).toBe(workerIndex);
      return arrivals;
    });
    shared.sort((a, b) => a.iteration - b.iteration);
    expect(shared).toEqual(single);
    expect(single).toHaveLength(315);
  });
});

describe('poisson arrivals', () => {
  it('keep the mean rate and exponential gaps over a long seeded sequence', () => {
    const arrivals = drain(createArrivalSchedule(constant(1000, 200_000, 'poisson'), one));
    // Expected 200 000 arrivals, standard deviation about 450.
    expect(Math.abs(arrivals.length - 200_000)).toBeLessThan(2500);
    const gaps = arrivals.slice(1).map((arrival, i) => arrival.atMs - arrivals[i]!.atMs);
    const mean = gaps.reduce((sum, gap) => sum + gap, 0) / gaps.length;
    const variance = gaps.reduce((sum, gap) => sum + (gap - mean) ** 2, 0) / gaps.length;
    expect(Math.abs(mean - 1)).toBeLessThan(0.01);
    expect(Math.sqrt(variance) / mean).toBeCloseTo(1, 1);
    const above = (k: number) => gaps.filter((gap) => gap > k * mean).length / gaps.length;
    expect(above(1)).toBeCloseTo(Math.exp(-1), 2);
    expect(above(3)).toBeCloseTo(Math.exp(-3), 2);
    expect(arrivals.every((arrival, j) => arrival.iteration === j)).toBe(true);
  });

  it('follow a ramp: arrivals per second track the integral of the rate', () => {
    const plan: SchedulePlan = {
      rate: { segments: [{ startMs: 0, durationMs: 100_000, fromRate: 0, toRate: 2000 }] },
      arrivals: 'poisson',
      plannedIterations: 100_000,
    };
    const arrivals = drain(createArrivalSchedule(plan, one));
    const firstHalf = arrivals.filter((arrival) => arrival.atMs < 50_000).length;
    // Λ(50 s) = 25 000 of 100 000.
    expect(Math.abs(firstHalf - 25_000)).toBeLessThan(1000);
    expect(Math.abs(arrivals.length - 100_000)).toBeLessThan(2000);
  });

  it('are reproducible from the seed and independent per worker', () => {
    const plan = constant(500, 10_000, 'poisson');
    const first = drain(createArrivalSchedule(plan, { workerIndex: 1, workerCount: 3, seed: 7 }));
    const again = drain(createArrivalSchedule(plan, { workerIndex: 1, workerCount: 3, seed: 7 }));
    const other = drain(createArrivalSchedule(plan, { workerIndex: 2, workerCount: 3, seed: 7 }));
    expect(again).toEqual(first);
    expect(other[0]!.atMs).not.toBe(first[0]!.atMs);
    for (const arrival of first) expect(arrival.iteration % 3).toBe(1);
  });

  it('shared among W workers, superpose to the full rate', () => {
    const plan = constant(2000, 200_000, 'poisson');
    const counts = [0, 1, 2, 3].map(
      (workerIndex) =>
        drain(createArrivalSchedule(plan, { workerIndex, workerCount: 4, seed: 99 })).length,
    );
    for (const count of counts) expect(Math.abs(count - 100_000)).toBeLessThan(1500);
    const total = counts.reduce((sum, count) => sum + count, 0);
    expect(Math.abs(total - 400_000)).toBeLessThan(3000);
  });
});
