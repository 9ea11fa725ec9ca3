import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  ConstantArrivalRateConfig,
  constantArrivalRateSchema,
} from './constant-arrival-rate.js';
import type { ConstantVusConfig, constantVusSchema } from './constant-vus.js';
import type { RampingArrivalRateConfig, rampingArrivalRateSchema } from './ramping-arrival-rate.js';
import type { RampingVusConfig, rampingVusSchema } from './ramping-vus.js';
import { planExecutor } from './registry.js';
import type { StepArrivalRateConfig, stepArrivalRateSchema } from './step-arrival-rate.js';

const plan = (config: unknown) => planExecutor(config, 'workloads.w.executor');

describe('arrival-rate plans', () => {
  it('plans a constant arrival rate with the defaults filled in', () => {
    expect(plan({ type: 'constant-arrival-rate', rate: 200, duration: '30s' })).toEqual({
      type: 'constant-arrival-rate',
      model: 'arrival-rate',
      startTimeMs: 0,
      durationMs: 30_000,
      gracefulStopMs: 30_000,
      rate: { segments: [{ startMs: 0, durationMs: 30_000, fromRate: 200, toRate: 200 }] },
      arrivals: 'uniform',
      maxInFlight: 1000,
      plannedIterations: 6000,
      stages: [{ startMs: 0, durationMs: 30_000, from: 200, to: 200, unit: 'iterations/s' }],
    });
  });

  it('converts rates per timeUnit to per second and rounds the count down', () => {
    const planned = plan({
      type: 'constant-arrival-rate',
      rate: 1,
      timeUnit: '1m',
      duration: '90s',
      arrivals: 'poisson',
      maxInFlight: 5,
      startTime: '10s',
      gracefulStop: '0s',
    });
    expect(planned).toMatchObject({
      startTimeMs: 10_000,
      gracefulStopMs: 0,
      arrivals: 'poisson',
      maxInFlight: 5,
      plannedIterations: 1,
    });
    expect(planned.model === 'arrival-rate' && planned.rate.segments[0]!.fromRate).toBeCloseTo(
      1 / 60,
      12,
    );
  });

  it("plans k6's ramping-arrival-rate example", () => {
    // 300 iterations/min, ramped to 600/min over 2 min, held 4 min, down to 60/min over 2 min.
    const planned = plan({
      type: 'ramping-arrival-rate',
      startRate: 300,
      timeUnit: '1m',
      stages: [
        { target: 300, duration: '1m' },
        { target: 600, duration: '2m' },
        { target: 600, duration: '4m' },
        { target: 60, duration: '2m' },
      ],
      maxInFlight: 200,
    });
    expect(planned).toMatchObject({
      model: 'arrival-rate',
      durationMs: 540_000,
      plannedIterations: 4260,
    });
    expect(planned.stages.map(({ from, to }) => [from, to])).toEqual([
      [5, 5],
      [5, 10],
      [10, 10],
      [10, 1],
    ]);
    expect(planned.stages.map((stage) => stage.startMs)).toEqual([0, 60_000, 180_000, 420_000]);
  });

  it('ramps from startRate 0 by default, and counts like k6 (6 iterations)', () => {
    const planned = plan({
      type: 'ramping-arrival-rate',
      stages: [
        { target: 1, duration: '5s' },
        { target: 1, duration: '1s' },
        { target: 0, duration: '5s' },
      ],
    });
    expect(planned).toMatchObject({ durationMs: 11_000, plannedIterations: 6 });
  });

  it('plans a staircase of steps', () => {
    const planned = plan({
      type: 'step-arrival-rate',
      steps: [
        { rate: 10, duration: '1s' },
        { rate: 0, duration: '500ms' },
        { rate: 20, duration: '2s' },
      ],
    });
    expect(planned).toMatchObject({
      type: 'step-arrival-rate',
      durationMs: 3500,
      plannedIterations: 50,
    });
    expect(planned.model === 'arrival-rate' && planned.rate.segments).toEqual([
      { startMs: 0, durationMs: 1000, fromRate: 10, toRate: 10 },
      { startMs: 1000, durationMs: 500, fromRate: 0, toRate: 0 },
      { startMs: 1500, durationMs: 2000, fromRate: 20, toRate: 20 },
    ]);
  });
});

describe('VU plans', () => {
  it('plans constant VUs', () => {
    expect(plan({ type: 'constant-vus', vus: 10, duration: '1m', gracefulStop: '5s' })).toEqual({
      type: 'constant-vus',
      model: 'vus',
      startTimeMs: 0,
      durationMs: 60_000,
      gracefulStopMs: 5000,
      vus: [{ startMs: 0, durationMs: 60_000, from: 10, to: 10 }],
      maxVUs: 10,
      stages: [{ startMs: 0, durationMs: 60_000, from: 10, to: 10, unit: 'VUs' }],
    });
  });

  it("plans k6's ramping-vus example, startVUs 1 and gracefulRampDown 30s by default", () => {
    const planned = plan({
      type: 'ramping-vus',
      stages: [
        { target: 10, duration: '20s' },
        { target: 0, duration: '10s' },
      ],
    });
    expect(planned).toMatchObject({
      model: 'vus',
      durationMs: 30_000,
      maxVUs: 10,
      gracefulRampDownMs: 30_000,
      vus: [
        { startMs: 0, durationMs: 20_000, from: 1, to: 10 },
        { startMs: 20_000, durationMs: 10_000, from: 10, to: 0 },
      ],
    });
  });
});

describe('plans are plain data', () => {
  it('survive a JSON round trip unchanged', () => {
    const planned = plan({
      type: 'ramping-vus',
      startVUs: 0,
      stages: [{ target: 3, duration: '1s' }],
      gracefulRampDown: '0s',
    });
    expect(JSON.parse(JSON.stringify(planned))).toEqual(planned);
    expect(structuredClone(planned)).toEqual(planned);
  });
});

describe('config types', () => {
  it('match what the schemas accept', () => {
    expectTypeOf<
      z.input<typeof constantArrivalRateSchema>
    >().toEqualTypeOf<ConstantArrivalRateConfig>();
    expectTypeOf<
      z.input<typeof rampingArrivalRateSchema>
    >().toEqualTypeOf<RampingArrivalRateConfig>();
    expectTypeOf<z.input<typeof stepArrivalRateSchema>>().toEqualTypeOf<StepArrivalRateConfig>();
    expectTypeOf<z.input<typeof constantVusSchema>>().toEqualTypeOf<ConstantVusConfig>();
    expectTypeOf<z.input<typeof rampingVusSchema>>().toEqualTypeOf<RampingVusConfig>();
  });
});
