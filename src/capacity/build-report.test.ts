import { describe, expect, it } from 'vitest';
import { buildCapacityReport, type ReportInputs } from './build-report.js';
import { capacityStep, phaseRecord } from './fixtures.js';
import type { Forecast, SearchOutcome } from './types.js';

const BROKE = ['p(99) 400 ms > 250 ms'];
const STEPS = [10, 20, 30, 40, 50, 60]
  .map((rate) => capacityStep(rate))
  .concat([capacityStep(70, BROKE), capacityStep(80, BROKE)]);
const FORECAST: Forecast = {
  demand: { kind: 'signup-curve', total: 1e6, requestsPerSignup: { feed: 3 } },
  intent: { utilisation: 0.7, redundancy: 1, burst: 1.5 },
};
const RAMP = phaseRecord('ramp', [10, 20, 40, 80], { measured: [10, 20, 40, 80] });

function reportOf(outcome: Partial<SearchOutcome>, phases = outcome.phases ?? []) {
  const searched: SearchOutcome = {
    breakpoint: 80,
    steps: STEPS,
    sustainable: STEPS[5]!,
    overload: [],
    phases,
    failure: null,
    ...outcome,
  };
  const inputs: ReportInputs = {
    runId: 'capacity-1',
    scenario: { name: 'feed', file: 'feed.ts', workload: 'readers' },
    slos: [{ kind: 'latency', text: 'p(99)<250ms', percentile: 99, maxMs: 250 }],
    outcome: searched,
    phases,
    forecast: FORECAST,
    scaling: [],
    createdAt: new Date('2024-07-05T16:00:00Z'),
  };
  return buildCapacityReport(inputs);
}

describe('buildCapacityReport', () => {
  it('answers in full when every phase the answer rests on measured what it meant to', () => {
    const phases = [
      RAMP,
      phaseRecord(
        'staircase',
        STEPS.map((step) => step.offered),
      ),
    ];
    const report = reportOf({ phases });
    expect(report).toMatchObject({
      status: 'complete',
      maxSustainableRate: 60,
      maxSustainableEstablished: true,
      phases,
    });
    expect(report.plan).not.toBeNull();
    expect(report.usl?.warnings.some((w) => w.includes('search stopped'))).toBe(false);
  });

  it('keeps the answer of a search whose overload phase was cut off, and says the status is incomplete', () => {
    const overload = phaseRecord('overload', [120, 600], {
      run: { status: 'passed', interruptedIterations: 5000 },
    });
    const phases = [RAMP, phaseRecord('staircase', [10, 20]), overload];
    const report = reportOf({ phases });
    expect(report).toMatchObject({ status: 'incomplete', maxSustainableEstablished: true });
    expect(report.plan).not.toBeNull();
    expect(report.verdict).toContain(overload.note);
  });

  it('makes nothing confident of a search that stopped in its staircase: no knee, no plan, an unsupported fit', () => {
    const staircase = phaseRecord('staircase', [10, 20, 30, 40, 50, 60, 70, 80, 90], {
      measured: STEPS.map((step) => step.offered),
      interrupted: true,
    });
    const report = reportOf({ phases: [RAMP, staircase] });
    expect(report).toMatchObject({
      status: 'interrupted',
      maxSustainableRate: 60,
      maxSustainableEstablished: false,
      knee: null,
      plan: null,
    });
    expect(report.usl).toMatchObject({ supported: false });
    expect(report.usl?.warnings.at(-1)).toMatch(/search stopped before its staircase/);
    expect(report.verdict.startsWith(`Search interrupted. ${staircase.note} Provisional:`)).toBe(
      true,
    );
  });
});
