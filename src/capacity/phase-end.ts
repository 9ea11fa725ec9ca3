import type { RunResult } from '../core/result.js';
import type { CapacityPhase, PhaseEnd, PhaseName } from './types.js';

/** What a phase's run came to, as the search saw it: what {@link describePhase} reads. */
export interface PhaseFacts {
  readonly name: PhaseName;
  /** The reference target's worker count (`--target-workers`), or null. */
  readonly workers: number | null;
  /** Planned arrival rates, one level each (iterations/s). */
  readonly planned: readonly number[];
  /** Offered rates of the levels measured in full, in order. */
  readonly measured: readonly number[];
  readonly levelS: number;
  /** The search stopped the run itself, once a level was past the limit. */
  readonly stoppedEarly: boolean;
  /** The search's signal (SIGINT, SIGTERM) was aborted while the phase ran, or before it. */
  readonly interrupted: boolean;
  /** What the run (or starting the target) failed with, as text; null when it did not fail. */
  readonly error: string | null;
  /** How the run ended; null when it failed or never ran. */
  readonly run: {
    readonly status: string;
    readonly stopReason?: string;
    readonly interruptedIterations: number;
  } | null;
}

/** Run statuses that end a phase normally: the scenario's own thresholds do not matter here. */
const NORMAL_STATUSES: ReadonlySet<string> = new Set(['passed', 'thresholds-failed']);

const LABELS: Readonly<Record<PhaseName, string>> = {
  ramp: 'The ramp',
  staircase: 'The staircase',
  refine: 'The refinement',
  overload: 'The overload phase',
  'start-target': 'Starting the reference target',
};

/**
 * The record of a phase for the capacity report: how it ended (see {@link PhaseEnd}; an
 * interruption outranks a failure, which outranks an abort, which outranks a cut-off) and a
 * note saying so in a sentence. Pure; called by the search after each phase.
 */
export function describePhase(facts: PhaseFacts): CapacityPhase {
  const end = phaseEndOf(facts);
  return {
    name: facts.name,
    workers: facts.workers,
    planned: facts.planned,
    measured: facts.measured,
    levelS: facts.levelS,
    end,
    clean: end === 'completed' || end === 'stopped-early',
    interruptedIterations: facts.run?.interruptedIterations ?? 0,
    note: noteOf(end, facts),
  };
}

/** True when the search cannot go on after `phase`: it failed, was aborted or interrupted. */
export function stopsSearch(phase: CapacityPhase): boolean {
  return phase.end === 'failed' || phase.end === 'aborted' || phase.end === 'interrupted';
}

/**
 * Iterations of `result` cut off at the end of gracefulStop: the `interrupted_iterations`
 * counter when the result has it, else the count kept in its configuration.
 */
export function interruptedIterationsOf(result: RunResult): number {
  const kept = (result.config as { interruptedIterations?: unknown } | null)?.interruptedIterations;
  const metric = result.summary.metrics.interrupted_iterations;
  return Math.max(
    typeof kept === 'number' ? kept : 0,
    metric?.kind === 'counter' ? metric.count : 0,
  );
}

/** An error as the text a note quotes: its message, or the value itself. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function phaseEndOf(facts: PhaseFacts): PhaseEnd {
  const { run } = facts;
  if (facts.interrupted) return 'interrupted';
  if (facts.error !== null || run === null) return 'failed';
  const ownStop = facts.stoppedEarly && run.status === 'interrupted';
  if (!NORMAL_STATUSES.has(run.status) && !ownStop) return 'aborted';
  if (!facts.stoppedEarly && facts.measured.length < facts.planned.length) return 'aborted';
  if (run.interruptedIterations > 0) return 'cut-off';
  return facts.stoppedEarly ? 'stopped-early' : 'completed';
}

function noteOf(end: PhaseEnd, facts: PhaseFacts): string {
  const label = labelOf(facts);
  const planned = facts.planned.length;
  const measured = facts.measured.length;
  // Starting the target has no levels to count.
  const progress =
    facts.name === 'start-target'
      ? ''
      : measured === 0
        ? ` before any of its ${levels(planned)} was measured`
        : ` after ${measured} of ${levels(planned)}`;
  switch (end) {
    case 'completed':
      return `${label} ran its ${levels(planned)}.`;
    case 'stopped-early':
      return `${label} stopped as planned${progress}, once a level was past the limit.`;
    case 'cut-off':
      return (
        `${label} did not finish cleanly: ${iterations(facts.run!.interruptedIterations)} still ` +
        'running when its gracefulStop ended were cut off, so the service kept a queue longer ' +
        `than the run could wait. Its ${levels(measured)} were measured before the cut-off.`
      );
    case 'aborted':
      return sentence(`${label} was aborted${progress}: ${abortReason(facts)}`);
    case 'failed':
      return sentence(`${label} failed${progress}: ${facts.error ?? 'its run did not end'}`);
    case 'interrupted':
      return `${label} was interrupted (SIGINT or SIGTERM)${progress}.`;
  }
}

function labelOf({ name, workers }: PhaseFacts): string {
  if (workers === null) return LABELS[name];
  return name === 'start-target'
    ? `${LABELS[name]} with ${workers} workers`
    : `${LABELS[name]} (target with ${workers} workers)`;
}

function abortReason({ run }: PhaseFacts): string {
  if (run?.stopReason !== undefined) return run.stopReason;
  if (run !== null && !NORMAL_STATUSES.has(run.status))
    return `its run ended with status ${run.status}`;
  return 'its run ended before its last levels were measured';
}

function levels(count: number): string {
  return count === 1 ? '1 level' : `${count} levels`;
}

function iterations(count: number): string {
  return `${count.toLocaleString('en-US')} iteration${count === 1 ? '' : 's'}`;
}

/** `text` ending with exactly one full stop. */
function sentence(text: string): string {
  return `${text.trim().replace(/\.+$/, '')}.`;
}
