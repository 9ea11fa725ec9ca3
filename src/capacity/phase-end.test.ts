import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import type { RunResult } from '../core/result.js';
import {
  describePhase,
  errorText,
  interruptedIterationsOf,
  type PhaseFacts,
  stopsSearch,
} from './phase-end.js';

const CLEAN: PhaseFacts = {
  name: 'staircase',
  workers: null,
  planned: [10, 20, 30, 40],
  measured: [10, 20, 30, 40],
  levelS: 10,
  stoppedEarly: false,
  interrupted: false,
  error: null,
  run: { status: 'passed', interruptedIterations: 0 },
};

function phaseOf(change: Partial<PhaseFacts>) {
  return describePhase({ ...CLEAN, ...change });
}

describe('describePhase', () => {
  it('records a phase that ran every level as completed and clean', () => {
    expect(phaseOf({})).toEqual({
      name: 'staircase',
      workers: null,
      planned: [10, 20, 30, 40],
      measured: [10, 20, 30, 40],
      levelS: 10,
      end: 'completed',
      clean: true,
      interruptedIterations: 0,
      note: 'The staircase ran its 4 levels.',
    });
    // A failed threshold of the scenario is no concern of the search.
    expect(phaseOf({ run: { status: 'thresholds-failed', interruptedIterations: 0 } }).end).toBe(
      'completed',
    );
  });

  it('takes the search’s own early stop, which ends the run as interrupted, as clean', () => {
    const phase = phaseOf({
      measured: [10, 20],
      stoppedEarly: true,
      run: { status: 'interrupted', stopReason: 'interrupted (SIGINT)', interruptedIterations: 0 },
    });
    expect([phase.end, phase.clean, phase.note]).toEqual([
      'stopped-early',
      true,
      'The staircase stopped as planned after 2 of 4 levels, once a level was past the limit.',
    ]);
  });

  it('says a phase was cut off when iterations were still running at the end of gracefulStop', () => {
    const phase = phaseOf({
      name: 'overload',
      planned: [400, 2000],
      measured: [400, 2000],
      run: { status: 'passed', interruptedIterations: 8233 },
    });
    expect([phase.end, phase.clean, phase.interruptedIterations]).toEqual(['cut-off', false, 8233]);
    expect(phase.note).toBe(
      'The overload phase did not finish cleanly: 8,233 iterations still running when its ' +
        'gracefulStop ended were cut off, so the service kept a queue longer than the run could ' +
        'wait. Its 2 levels were measured before the cut-off.',
    );
    // After an early stop too: the queue of the broken levels outlived gracefulStop.
    const early = phaseOf({
      measured: [10],
      stoppedEarly: true,
      run: { status: 'interrupted', interruptedIterations: 1 },
    });
    expect([early.end, early.note]).toEqual([
      'cut-off',
      expect.stringContaining(': 1 iteration still running'),
    ]);
  });

  it('says a run that stopped itself was aborted, with its reason', () => {
    const watchdog = phaseOf({
      measured: [10, 20],
      run: { status: 'aborted', stopReason: 'heap near its limit.', interruptedIterations: 3 },
    });
    expect([watchdog.end, watchdog.clean, watchdog.note]).toEqual([
      'aborted',
      false,
      'The staircase was aborted after 2 of 4 levels: heap near its limit.',
    ]);
    expect(
      phaseOf({ measured: [], run: { status: 'aborted', interruptedIterations: 0 } }).note,
    ).toBe(
      'The staircase was aborted before any of its 4 levels was measured: its run ended with status aborted.',
    );
    // An interruption the search did not ask for is the run stopping itself.
    expect(phaseOf({ run: { status: 'interrupted', interruptedIterations: 0 } }).end).toBe(
      'aborted',
    );
    const short = phaseOf({ measured: [10, 20, 30] });
    expect([short.end, short.note]).toEqual([
      'aborted',
      'The staircase was aborted after 3 of 4 levels: its run ended before its last levels were measured.',
    ]);
  });

  it('says a run that rejected failed, quoting its error', () => {
    const phase = phaseOf({
      name: 'overload',
      planned: [400, 2000],
      measured: [400, 2000],
      error: 'the run overran its planned length by 30 s; its workers were terminated',
      run: null,
    });
    expect([phase.end, phase.clean, phase.note]).toEqual([
      'failed',
      false,
      'The overload phase failed after 2 of 2 levels: the run overran its planned length by 30 s; its workers were terminated.',
    ]);
  });

  it('puts an interruption first, names the worker count, and says when the target did not start', () => {
    const interrupted = phaseOf({
      name: 'refine',
      workers: 2,
      measured: [],
      interrupted: true,
      error: 'boom',
    });
    expect([interrupted.end, interrupted.note]).toEqual([
      'interrupted',
      'The refinement (target with 2 workers) was interrupted (SIGINT or SIGTERM) before any of its 4 levels was measured.',
    ]);
    const start = describePhase({
      ...CLEAN,
      name: 'start-target',
      workers: 4,
      planned: [],
      measured: [],
      levelS: 0,
      error: 'the feed service exited with code 1.',
      run: null,
    });
    expect([start.end, start.note]).toEqual([
      'failed',
      'Starting the reference target with 4 workers failed: the feed service exited with code 1.',
    ]);
  });
});

describe('stopsSearch', () => {
  it('stops the search after a failed, aborted or interrupted phase, not after a cut-off one', () => {
    const ends = [
      phaseOf({}),
      phaseOf({ stoppedEarly: true, measured: [10] }),
      phaseOf({ run: { status: 'passed', interruptedIterations: 5 } }),
      phaseOf({ run: { status: 'aborted', interruptedIterations: 0 } }),
      phaseOf({ error: 'x', run: null }),
      phaseOf({ interrupted: true }),
    ];
    expect(ends.map((phase) => [phase.end, stopsSearch(phase)])).toEqual([
      ['completed', false],
      ['stopped-early', false],
      ['cut-off', false],
      ['aborted', true],
      ['failed', true],
      ['interrupted', true],
    ]);
  });
});

describe('interruptedIterationsOf', () => {
  it('reads the interrupted_iterations counter, else the count kept in the configuration', () => {
    const result = buildRunResult();
    expect(interruptedIterationsOf(result)).toBe(0);
    const kept: RunResult = {
      ...result,
      config: { ...(result.config as object), interruptedIterations: 12 },
    };
    expect(interruptedIterationsOf(kept)).toBe(12);
    const counted: RunResult = {
      ...kept,
      summary: {
        ...kept.summary,
        metrics: {
          ...kept.summary.metrics,
          interrupted_iterations: { kind: 'counter', count: 40, rate: 4 },
        },
      },
    };
    expect(interruptedIterationsOf(counted)).toBe(40);
  });
});

describe('errorText', () => {
  it('is an error’s message, or the thrown value as text', () => {
    expect(errorText(new Error('socket hang up'))).toBe('socket hang up');
    expect(errorText('plain')).toBe('plain');
  });
});
