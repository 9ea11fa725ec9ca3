/**
 * The phases of the fixture search for the tests of the capacity renderers, and the variants of
 * a search that did not finish cleanly: a service that queues, cut off in overload, and a search
 * interrupted during its staircase.
 */
import { describePhase, type PhaseFacts } from '../phase-end.js';
import type { CapacityPhase, CapacityReport } from '../types.js';

/** The staircase's rates, as the fixture's steps have them. */
const LEVEL_RATES = [100, 200, 400, 600, 800, 1000, 1200];
const CLEAN_RUN = { status: 'passed', interruptedIterations: 0 };
const OWN_STOP = { status: 'interrupted', interruptedIterations: 0 };

/** A phase whose run ended cleanly with every planned level measured, but for `change`. */
function phase(
  name: PhaseFacts['name'],
  planned: readonly number[],
  levelS: number,
  change: Partial<PhaseFacts> = {},
): CapacityPhase {
  return describePhase({
    name,
    workers: null,
    planned,
    measured: planned,
    levelS,
    stoppedEarly: false,
    interrupted: false,
    error: null,
    run: CLEAN_RUN,
    ...change,
  });
}

const RAMP = phase('ramp', [125, 250, 500, 1000, 2000], 2, {
  measured: [125, 250, 500, 1000],
  stoppedEarly: true,
  run: OWN_STOP,
});

/** A complete search: the ramp stopped at 1000/s, the staircase, the overload runs. */
export function completePhases(): CapacityPhase[] {
  return [RAMP, phase('staircase', LEVEL_RATES, 25), phase('overload', [1600, 8000], 13)];
}

/** How the fixture search did not finish. */
export type Unfinished = 'overload-cut-off' | 'staircase-interrupted';

/**
 * `report` (the fixture) as a search that did not finish cleanly: `overload-cut-off` keeps every
 * answer but the overload phase was cut off with 41,250 iterations queued; `staircase-interrupted`
 * stopped after four staircase levels, so its answer is provisional (no knee, no plan, no
 * overload).
 */
export function unfinishedReport(report: CapacityReport, how: Unfinished): CapacityReport {
  if (how === 'overload-cut-off') {
    const cutOff = { run: { ...CLEAN_RUN, interruptedIterations: 41_250 } };
    const overload = phase('overload', [1600, 8000], 13, cutOff);
    return {
      ...report,
      status: 'incomplete',
      verdict: `${report.verdict} ${overload.note}`,
      phases: [RAMP, phase('staircase', LEVEL_RATES, 25), overload],
    };
  }
  const staircase = phase('staircase', LEVEL_RATES, 25, {
    measured: LEVEL_RATES.slice(0, 4),
    interrupted: true,
    run: OWN_STOP,
  });
  return {
    ...report,
    status: 'interrupted',
    verdict: `Search interrupted. ${staircase.note} Provisional: of the levels measured, the highest that met every SLO is 600 iterations/s, and none broke it: the limit is at least that.`,
    maxSustainableRate: 600,
    maxSustainableEstablished: false,
    maxSustainableThroughput: 1198,
    knee: null,
    usl: report.usl && {
      ...report.usl,
      supported: false,
      warnings: [...report.usl.warnings, 'The search stopped before its staircase finished.'],
    },
    steps: report.steps.slice(0, 4),
    overload: [],
    plan: null,
    phases: [RAMP, staircase],
  };
}
