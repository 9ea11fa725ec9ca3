import { describe, expect, it } from 'vitest';
import { createArrivalSchedule } from './arrival-schedule.js';
import { planExecutor } from './registry.js';
import { type ExecutionSegment, formatSegment, parseSegment, segmentShare } from './segment.js';
import type { ExecutorPlan, WorkerShare } from './types.js';
import { vusAt } from './vu-profile.js';
import { globalId, shareCount } from './worker-share.js';

const plan = (config: unknown) => planExecutor(config, 'workloads.w.executor');

const ARRIVAL_PLANS: Record<string, ExecutorPlan> = {
  'constant-arrival-rate': plan({
    type: 'constant-arrival-rate',
    rate: 97,
    duration: '7s',
    maxInFlight: 50,
  }),
  'ramping-arrival-rate': plan({
    type: 'ramping-arrival-rate',
    startRate: 5,
    stages: [
      { target: 80, duration: '3s' },
      { target: 0, duration: '2s' },
    ],
  }),
  'step-arrival-rate': plan({
    type: 'step-arrival-rate',
    steps: [
      { rate: 10, duration: '1s' },
      { rate: 0, duration: '500ms' },
      { rate: 33, duration: '2s' },
    ],
  }),
  'curve-replay': plan({
    type: 'curve-replay',
    points: [
      [0, 0],
      [1, 400],
      [2, 1000],
      [3, 1100],
    ],
    timeUnit: '1h',
    compress: 3600,
    scale: 1,
  }),
};

const VU_PLANS: Record<string, ExecutorPlan> = {
  'constant-vus': plan({ type: 'constant-vus', vus: 11, duration: '5s' }),
  'ramping-vus': plan({
    type: 'ramping-vus',
    startVUs: 1,
    stages: [
      { target: 23, duration: '4s' },
      { target: 5, duration: '3s' },
    ],
  }),
};

/** Every (segment, worker) share of `count` segments of `workers` threads each. */
function shares(count: number, workers: number): WorkerShare[] {
  return Array.from({ length: count }, (_, i) => ({ index: i + 1, count })).flatMap(
    (segment: ExecutionSegment) =>
      Array.from({ length: workers }, (_, workerIndex) =>
        segmentShare(segment, { workerIndex, workerCount: workers, seed: 7 }),
      ),
  );
}

/** The iteration numbers a share's arrival schedule starts, in order. */
function iterationsOf(planned: ExecutorPlan, share: WorkerShare): number[] {
  if (planned.model !== 'arrival-rate') throw new Error('expected an arrival-rate plan');
  const schedule = createArrivalSchedule(planned, share);
  const iterations: number[] = [];
  for (; schedule.atMs !== Number.POSITIVE_INFINITY; schedule.advance())
    iterations.push(schedule.iteration);
  return iterations;
}

describe('execution segments', () => {
  describe.each(Object.entries(ARRIVAL_PLANS))('%s', (_, planned) => {
    it.each([
      [1, 1],
      [2, 1],
      [3, 2],
      [7, 3],
    ])(
      'splits the planned arrivals into %d segments of %d workers, exactly and without overlap',
      (count, workers) => {
        if (planned.model !== 'arrival-rate') throw new Error('expected an arrival-rate plan');
        const all = shares(count, workers).flatMap((share) => iterationsOf(planned, share));
        expect(all.length).toBe(planned.plannedIterations);
        expect(all.sort((a, b) => a - b)).toEqual(
          Array.from({ length: planned.plannedIterations }, (_, k) => k),
        );
        const slots = shares(count, workers).reduce(
          (sum, share) => sum + shareCount(planned.maxInFlight, share),
          0,
        );
        expect(slots).toBe(planned.maxInFlight);
      },
    );

    it('gives a segment the same iterations whatever its number of workers', () => {
      const segment = { index: 2, count: 3 };
      const of = (workers: number) =>
        Array.from({ length: workers }, (_, workerIndex) =>
          iterationsOf(
            planned,
            segmentShare(segment, { workerIndex, workerCount: workers, seed: 7 }),
          ),
        )
          .flat()
          .sort((a, b) => a - b);
      expect(of(1)).toEqual(of(4));
    });
  });

  describe.each(Object.entries(VU_PLANS))('%s', (_, planned) => {
    it.each([
      [2, 1],
      [3, 2],
      [5, 3],
    ])(
      'splits the VUs into %d segments of %d workers: every VU id once, at every moment',
      (count, workers) => {
        if (planned.model !== 'vus') throw new Error('expected a VU plan');
        for (let ms = 0; ms <= planned.durationMs; ms += 250) {
          const total = vusAt(planned.vus, ms);
          const ids = shares(count, workers).flatMap((share) =>
            Array.from({ length: shareCount(total, share) }, (_, i) => globalId(i, share)),
          );
          expect(
            ids.sort((a, b) => a - b),
            `at ${ms} ms`,
          ).toEqual(Array.from({ length: total }, (_, i) => i + 1));
        }
      },
    );
  });
});

describe('parseSegment', () => {
  it('reads I/N and the k6 fractions of one N-th', () => {
    expect(parseSegment('2/3')).toEqual({ index: 2, count: 3 });
    expect(parseSegment('1/1')).toEqual({ index: 1, count: 1 });
    expect(parseSegment('0:1/3')).toEqual({ index: 1, count: 3 });
    expect(parseSegment('1/3:2/3')).toEqual({ index: 2, count: 3 });
    expect(parseSegment('0.75:1')).toEqual({ index: 4, count: 4 });
    expect(formatSegment(parseSegment('2/3:1'))).toBe('3/3');
  });

  it('refuses what is not one equal segment, naming it and the forms', () => {
    expect(() => parseSegment('0/3')).toThrow(/--segment 0\/3: I must be from 1 to N/);
    expect(() => parseSegment('4/3')).toThrow(/I must be from 1 to N/);
    expect(() => parseSegment('half')).toThrow(/is not I\/N/);
    expect(() => parseSegment('0:2/3')).toThrow(/must span one N-th/);
    expect(() => parseSegment('0.1:0.35')).toThrow(/must span one N-th/);
    expect(() => parseSegment('2/3:1/3')).toThrow(/0 ≤ FROM < TO ≤ 1/);
  });
});
