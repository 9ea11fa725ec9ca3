/**
 * `launchday capacity --from <result>`: the capacity report of a run that has already happened
 * — typically the merged run of several instances (`launchday merge`) driving a staircase no
 * single generator could offer. Its load levels are the flat parts of the driven workload's plan,
 * each measured after its warm-up from the run's saved seconds, as a live search measures them.
 */
import { resolve } from 'node:path';
import { createRunId } from '../../api.js';
import { buildCapacityReport } from '../../capacity/build-report.js';
import { drivenWorkload, type PlannedWorkload } from '../../capacity/driven-workload.js';
import { describePhase, interruptedIterationsOf } from '../../capacity/phase-end.js';
import { planLevels } from '../../capacity/plan-levels.js';
import { parseSlo } from '../../capacity/slo.js';
import { toCapacityStep } from '../../capacity/step-result.js';
import { maxSustainable } from '../../capacity/sustainable.js';
import type { CapacityStep, SearchOutcome, Slo, StepWindow } from '../../capacity/types.js';
import { LaunchdayError } from '../../core/errors.js';
import type { RunResult } from '../../core/result.js';
import { sliceDeltasAt } from '../../metrics/slice-deltas.js';
import { readRuns } from '../runs/read-runs.js';
import { loadForecast } from './load-forecast.js';
import type { CapacityOutcome } from './run-capacity.js';
import { StepCollector } from './step-collector.js';
import { writeCapacityReport } from './write-report.js';

/** What {@link capacityFromResult} takes besides the result. */
export interface SavedCapacityOptions {
  /** `--slo` texts, at least one. */
  readonly slos: readonly string[];
  /** The workload whose levels are measured; default the first arrival-rate one. */
  readonly workload?: string;
  readonly forecast?: string;
  /** Seconds at the start of each level not measured; default 3. */
  readonly warmupS?: number;
  /** Where the report's folder goes; default `reports`. */
  readonly outDir?: string;
}

const DEFAULT_WARMUP_S = 3;

/**
 * Measures every load level of the run at `path` (a result.json or a run folder holding one)
 * against the SLOs and writes the capacity report, as `launchday capacity` does after a live
 * search. Rejects, writing nothing, for a path that is not one run with per-second slices, a
 * run without an arrival-rate workload or without a level longer than the warm-up, bad SLOs
 * or a bad forecast.
 */
export async function capacityFromResult(
  path: string,
  options: SavedCapacityOptions,
): Promise<CapacityOutcome> {
  if (options.slos.length === 0)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'capacity needs at least one --slo', {
      hint: "e.g. --slo 'p(99)<250ms' --slo 'http_req_failed<0.1%'",
    });
  const slos = options.slos.map(parseSlo);
  const forecast = options.forecast === undefined ? null : await loadForecast(options.forecast);
  const result = await oneRun(path);
  const workloads = (result.config as { workloads?: PlannedWorkload[] } | null)?.workloads ?? [];
  const driven = drivenWorkload(workloads, options.workload);
  const windows = planLevels(driven.plan, options.warmupS ?? DEFAULT_WARMUP_S, driven.name);
  const steps = measuredSteps(result, driven.name, windows, slos);
  const phase = describePhase({
    name: 'staircase',
    workers: null,
    planned: windows.map((window) => window.offered),
    measured: steps.map((step) => step.offered),
    levelS: Math.max(...windows.map((window) => window.endS - window.startS)),
    stoppedEarly: false,
    interrupted: result.status === 'interrupted',
    error: null,
    run: {
      status: result.status,
      stopReason: result.stopReason,
      interruptedIterations: interruptedIterationsOf(result),
    },
  });
  const sorted = [...steps].sort((a, b) => a.offered - b.offered);
  const outcome: SearchOutcome = {
    breakpoint: sorted.find((step) => !step.sustainable)?.offered ?? 0,
    steps: sorted,
    sustainable: maxSustainable(sorted),
    overload: [],
    phases: [phase],
    failure: null,
  };
  const runId = createRunId(`capacity-${result.scenario.name}`);
  const report = buildCapacityReport({
    runId,
    scenario: { name: result.scenario.name, file: result.scenario.file, workload: driven.name },
    slos,
    outcome,
    phases: [phase],
    forecast,
    scaling: [],
    createdAt: new Date(),
  });
  const dir = resolve(options.outDir ?? 'reports', runId);
  return { report, dir, files: await writeCapacityReport(report, dir) };
}

async function oneRun(path: string): Promise<RunResult> {
  const runs = await readRuns(path);
  if (runs.length > 1)
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', `${path} holds ${runs.length} runs`, {
      hint: 'give capacity --from one result.json (merge the segments of a run first: launchday merge)',
    });
  const { result, file } = runs[0]!;
  if (result.slices === null)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `${file} keeps no per-second slices (a result written before version 3)`,
      { hint: 'run it again with this launchday' },
    );
  return result;
}

/** The levels measured in full, from the run's seconds as the live search's collector sees them. */
function measuredSteps(
  result: RunResult,
  workload: string,
  windows: readonly StepWindow[],
  slos: readonly Slo[],
): CapacityStep[] {
  const collector = new StepCollector(windows, workload);
  for (const point of result.intervals) {
    const series = sliceDeltasAt(result.slices!, point.t);
    collector.interval(point, {
      elapsedMs: (point.t + 1) * 1000,
      thresholds: [],
      series,
      service: null,
    });
  }
  return collector.measurements
    .filter(({ window, seconds }) => seconds === window.endS - window.startS - window.warmupS)
    .map((measurement) => toCapacityStep(measurement, slos, null));
}
