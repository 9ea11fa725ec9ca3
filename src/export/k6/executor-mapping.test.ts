import { describe, expect, it } from 'vitest';
import type { ResolvedWorkload } from '../../config/types.js';
import type { Issue } from '../../core/errors.js';
import { planExecutor } from '../../executors/index.js';
import { k6Scenario } from './executor-mapping.js';

function workload(executor: unknown, tags: Record<string, string> = {}): ResolvedWorkload {
  return { name: 'w', plan: planExecutor(executor, 'executor'), tags };
}

function mapped(executor: unknown, tags?: Record<string, string>) {
  const issues: Issue[] = [];
  const scenario = k6Scenario(workload(executor, tags), 'workload_w', issues);
  return { scenario, issues };
}

describe('k6Scenario', () => {
  it('maps constant-arrival-rate with its fields, maxInFlight as maxVUs, ending half a period after the last start', () => {
    const { scenario, issues } = mapped({
      type: 'constant-arrival-rate',
      rate: 200,
      duration: '2m',
      maxInFlight: 300,
      startTime: '5s',
      gracefulStop: '10s',
    });
    expect(issues).toEqual([]);
    expect(scenario).toEqual({
      executor: 'constant-arrival-rate',
      exec: 'workload_w',
      startTime: '5s',
      gracefulStop: '10s',
      rate: 200,
      timeUnit: '1s',
      // 24,000 starts at 0, 5 ms, …, 119,995 ms: k6 would race a 24,001st at exactly 2m.
      duration: '119998ms',
      preAllocatedVUs: 200,
      maxVUs: 300,
    });
  });

  it('gives a single planned iteration a period longer than its duration, so k6 starts exactly one', () => {
    const { scenario } = mapped({
      type: 'constant-arrival-rate',
      rate: 1,
      duration: '1s',
      startTime: '3922ms',
      maxInFlight: 1,
    });
    expect(scenario).toMatchObject({
      executor: 'constant-arrival-rate',
      rate: 1,
      timeUnit: '2s',
      duration: '1s',
      startTime: '3922ms',
      preAllocatedVUs: 1,
      maxVUs: 1,
    });
  });

  it('makes a constant rate too short for k6 (under 1 s) a ramping-arrival-rate of its N iterations', () => {
    const { scenario } = mapped({ type: 'constant-arrival-rate', rate: 5, duration: '1s' });
    expect(scenario).toMatchObject({
      executor: 'ramping-arrival-rate',
      startRate: 5,
      timeUnit: '1s',
      stages: [
        { target: 5, duration: '1s' },
        { target: 0, duration: '0s' },
        { target: 0, duration: '10ms' },
      ],
    });
  });

  it('maps ramping-arrival-rate to its stages, with workload tags and a margin for a last iteration due at the end', () => {
    const { scenario } = mapped(
      {
        type: 'ramping-arrival-rate',
        startRate: 5,
        stages: [
          { target: 50, duration: '30s' },
          { target: 0, duration: '10s' },
        ],
      },
      { tier: 'gold' },
    );
    expect(scenario).toEqual({
      executor: 'ramping-arrival-rate',
      exec: 'workload_w',
      startTime: '0s',
      gracefulStop: '30s',
      tags: { tier: 'gold' },
      startRate: 5,
      timeUnit: '1s',
      stages: [
        { target: 50, duration: '30s' },
        { target: 0, duration: '10s' },
        // 1,075 iterations, a whole number: the last is due at the end, which k6 races.
        { target: 0, duration: '0s' },
        { target: 0, duration: '10ms' },
      ],
      preAllocatedVUs: 50,
      maxVUs: 1000,
    });
  });

  it('maps step-arrival-rate and curve-replay to ramping-arrival-rate', () => {
    const step = mapped({ type: 'step-arrival-rate', steps: [{ rate: 3, duration: '10s' }] });
    expect(step.scenario?.executor).toBe('ramping-arrival-rate');
    const curve = mapped({
      type: 'curve-replay',
      points: [
        [0, 0],
        [1, 100],
        [2, 400],
      ],
      timeUnit: '1m',
    });
    expect(curve.scenario?.executor).toBe('ramping-arrival-rate');
  });

  it('maps constant-vus and ramping-vus with their fields', () => {
    expect(mapped({ type: 'constant-vus', vus: 10, duration: '1m' }).scenario).toEqual({
      executor: 'constant-vus',
      exec: 'workload_w',
      startTime: '0s',
      gracefulStop: '30s',
      vus: 10,
      duration: '60s',
    });
    const ramping = mapped({
      type: 'ramping-vus',
      startVUs: 2,
      stages: [
        { target: 20, duration: '30s' },
        { target: 0, duration: '15s' },
      ],
      gracefulRampDown: '5s',
    }).scenario;
    expect(ramping).toEqual({
      executor: 'ramping-vus',
      exec: 'workload_w',
      startTime: '0s',
      gracefulStop: '30s',
      startVUs: 2,
      stages: [
        { target: 20, duration: '30s' },
        { target: 0, duration: '15s' },
      ],
      gracefulRampDown: '5s',
    });
  });

  it('refuses Poisson arrivals, naming where they are', () => {
    const { scenario, issues } = mapped({
      type: 'constant-arrival-rate',
      rate: 10,
      duration: '10s',
      arrivals: 'poisson',
    });
    expect(scenario).toBeUndefined();
    expect(issues).toEqual([
      { path: 'workloads.w.executor.arrivals', message: expect.stringContaining("'poisson'") },
    ]);
  });
});
