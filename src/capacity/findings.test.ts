import { describe, expect, it } from 'vitest';
import { answerEstablished, overloadFinding, searchStatus } from './findings.js';
import { phaseRecord } from './fixtures.js';
import type { OverloadResult } from './types.js';

const RAMP = phaseRecord('ramp', [5, 10, 20]);
const STAIRCASE = phaseRecord('staircase', [2, 4, 6, 8]);
const OVERLOAD = phaseRecord('overload', [40, 200]);
const CUT_OFF = { run: { status: 'passed', interruptedIterations: 900 } };

/** An overload run at `multiple` x 20/s that completed `achieved` iterations/s. */
function overloadRun(multiple: number, achieved: number, errorRate = 0): OverloadResult {
  const offered = multiple * 20;
  return {
    multiple,
    offered,
    achieved,
    goodput: achieved,
    errorRate,
    p99Ms: 4200,
    goodputShare: 1,
  };
}

describe('searchStatus', () => {
  it('is complete when every phase finished cleanly, an early stop included', () => {
    const early = phaseRecord('ramp', [5, 10, 20], { measured: [5, 10], stoppedEarly: true });
    expect(searchStatus([early, STAIRCASE, OVERLOAD])).toBe('complete');
    expect(searchStatus([])).toBe('complete');
  });

  it('is incomplete when a phase did not finish cleanly, and interrupted when a signal stopped one', () => {
    expect(searchStatus([RAMP, STAIRCASE, phaseRecord('overload', [40, 200], CUT_OFF)])).toBe(
      'incomplete',
    );
    const failed = phaseRecord('staircase', [2, 4], { error: 'boom', run: null });
    expect(searchStatus([RAMP, failed])).toBe('incomplete');
    const interrupted = phaseRecord('staircase', [2, 4], { measured: [2], interrupted: true });
    expect(searchStatus([RAMP, interrupted])).toBe('interrupted');
  });
});

describe('answerEstablished', () => {
  it('holds when a staircase ran and nothing before the overload stopped the search', () => {
    expect(answerEstablished([RAMP, STAIRCASE])).toBe(true);
    expect(
      answerEstablished([RAMP, STAIRCASE, phaseRecord('overload', [40], { error: 'x' })]),
    ).toBe(true);
    // A cut-off staircase measured every level it meant to.
    expect(answerEstablished([RAMP, phaseRecord('staircase', [2, 4], CUT_OFF)])).toBe(true);
  });

  it('does not hold without a staircase, or when the ramp, staircase or refinement stopped the search', () => {
    expect(answerEstablished([RAMP])).toBe(false);
    expect(answerEstablished([phaseRecord('ramp', [5], { interrupted: true })])).toBe(false);
    const aborted = { run: { status: 'aborted', interruptedIterations: 0 } };
    expect(answerEstablished([RAMP, phaseRecord('staircase', [2, 4], aborted)])).toBe(false);
    const refine = phaseRecord('refine', [5, 6], { error: 'unreachable', run: null });
    expect(answerEstablished([RAMP, STAIRCASE, refine])).toBe(false);
  });
});

describe('overloadFinding', () => {
  it('says nothing when the overload phase did not run, or ran cleanly and the service kept up', () => {
    expect(overloadFinding([], undefined)).toBe('');
    expect(overloadFinding([overloadRun(2, 40), overloadRun(10, 190, 0.9)], OVERLOAD)).toBe('');
  });

  it('says the service queues when it completed under half the iterations offered', () => {
    expect(overloadFinding([overloadRun(2, 30), overloadRun(10, 22)], OVERLOAD)).toBe(
      'In overload the service does not shed load, it queues: at 10x (200/s offered) it ' +
        'completed 11.00% of the iterations offered, with p99 4200 ms and 0.00% errors.',
    );
  });

  it('says how much a service that queues sheds besides', () => {
    expect(overloadFinding([overloadRun(10, 40, 0.47)], OVERLOAD)).toBe(
      'In overload the service sheds only part of the load and queues the rest: at 10x (200/s ' +
        'offered) it completed 20.00% of the iterations offered, with p99 4200 ms and 47.00% errors.',
    );
  });

  it('adds the note of an overload phase that did not finish cleanly', () => {
    const cutOff = phaseRecord('overload', [40, 200], CUT_OFF);
    expect(overloadFinding([overloadRun(2, 40), overloadRun(10, 190)], cutOff)).toBe(cutOff.note);
    const failed = phaseRecord('overload', [40, 200], { error: 'overran', run: null });
    const finding = overloadFinding([overloadRun(2, 30), overloadRun(10, 22)], failed);
    expect(finding).toMatch(/^In overload the service does not shed load, it queues: at 10x/);
    expect(finding.endsWith(` ${failed.note}`)).toBe(true);
    // Failing fast (connections refused) is no sign of a queue.
    const refused = phaseRecord('overload', [40, 200], { measured: [40], error: 'ECONNREFUSED' });
    expect(overloadFinding([overloadRun(2, 40, 1)], refused)).toBe(refused.note);
  });
});
