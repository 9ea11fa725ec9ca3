import { describe, expect, it } from 'vitest';
import { capacityStep, phaseRecord } from './fixtures.js';
import type { CapacityPlan, Slo } from './types.js';
import { capacityVerdict, type VerdictInputs } from './verdict.js';

const SLOS: Slo[] = [{ kind: 'latency', text: 'p(99)<250ms', percentile: 99, maxMs: 250 }];
const BROKE = ['p(99) 400 ms > 250 ms'];
const STEPS = [capacityStep(20), capacityStep(40), capacityStep(60, BROKE)];
const PHASES = [phaseRecord('ramp', [5, 10]), phaseRecord('staircase', [20, 40, 60])];
const PLAN: CapacityPlan = {
  endpoints: [{ name: 'feed', peakRps: 500, capacityRps: 80, instances: 7 }],
  instances: 8,
  saturatesFirst: 'feed',
  headroom: 0.1,
};

function verdictOf(change: Partial<VerdictInputs>): string {
  return capacityVerdict({
    slos: SLOS,
    steps: STEPS,
    established: true,
    phases: PHASES,
    overload: [],
    overloadPhase: undefined,
    plan: null,
    forecast: false,
    ...change,
  });
}

describe('capacityVerdict', () => {
  it('states an established answer, what broke above it, and the plan', () => {
    expect(verdictOf({ plan: PLAN, forecast: true })).toBe(
      'One instance sustains 40.0 iterations/s (80.0 requests/s) within p(99)<250ms. Above it, ' +
        'at 60.0/s: p(99) 400 ms > 250 ms. The forecast needs 8 instances (7 + spares); feed saturates first.',
    );
    expect(verdictOf({ steps: STEPS.slice(0, 2) })).toMatch(
      /No level broke an SLO: the limit is above the highest level tried\.$/,
    );
    expect(verdictOf({ steps: [capacityStep(20, BROKE)] })).toBe(
      'No load level met p(99)<250ms: the service is over its limit even at 20.0/s.',
    );
  });

  it('says first which phase stopped the search, and calls what was measured provisional', () => {
    const interrupted = phaseRecord('staircase', [20, 40, 60, 80], {
      measured: [20, 40, 60],
      interrupted: true,
    });
    expect(verdictOf({ established: false, phases: [PHASES[0]!, interrupted] })).toBe(
      `Search interrupted. ${interrupted.note} Provisional: of the levels measured, the highest ` +
        'that met p(99)<250ms is 40.0 iterations/s (80.0 requests/s), and 60.0/s broke it ' +
        '(p(99) 400 ms > 250 ms): the limit lies between the two.',
    );
    const failed = phaseRecord('staircase', [20, 40, 60], { measured: [20, 40], error: 'boom' });
    const lowerBound = verdictOf({
      established: false,
      phases: [PHASES[0]!, failed],
      steps: STEPS.slice(0, 2),
      forecast: true,
    });
    expect(lowerBound).toBe(
      `Search incomplete. ${failed.note} Provisional: of the levels measured, the highest that ` +
        'met p(99)<250ms is 40.0 iterations/s (80.0 requests/s), and none broke it: the limit is ' +
        'at least that. The forecast was not sized: the capacity it needs was not established.',
    );
    expect(verdictOf({ established: false, steps: [capacityStep(20, BROKE)] })).toBe(
      'Provisional: no level measured met p(99)<250ms; the lowest, 20.0/s, already broke it (p(99) 400 ms > 250 ms).',
    );
  });

  it('says when no staircase level was measured at all', () => {
    const ramp = phaseRecord('ramp', [5, 10], { measured: [5], interrupted: true });
    expect(verdictOf({ established: false, phases: [ramp], steps: [] })).toBe(
      `Search interrupted. ${ramp.note} No staircase level was measured: there is no capacity answer.`,
    );
  });

  it('ends with what the overload phase found, its note not repeated at the start', () => {
    const cutOff = phaseRecord('overload', [80, 400], {
      run: { status: 'passed', interruptedIterations: 3000 },
    });
    const queued = { multiple: 10, offered: 400, achieved: 44, goodput: 88, errorRate: 0 };
    const verdict = verdictOf({
      phases: [...PHASES, cutOff],
      overload: [{ ...queued, p99Ms: 5100, goodputShare: 1.1 }],
      overloadPhase: cutOff,
    });
    expect(verdict).toBe(
      'One instance sustains 40.0 iterations/s (80.0 requests/s) within p(99)<250ms. Above it, ' +
        'at 60.0/s: p(99) 400 ms > 250 ms. In overload the service does not shed load, it ' +
        'queues: at 10x (400/s offered) it completed 11.00% of the iterations offered, with p99 ' +
        `5100 ms and 0.00% errors. ${cutOff.note}`,
    );
  });
});
