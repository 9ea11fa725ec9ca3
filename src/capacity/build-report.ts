import { answerEstablished, searchStatus } from './findings.js';
import { peakDemand } from './forecast.js';
import { findKnee } from './knee.js';
import { planCapacity } from './plan.js';
import type {
  CapacityPhase,
  CapacityPlan,
  CapacityReport,
  CapacityStep,
  Forecast,
  ScalingPoint,
  SearchOutcome,
  Slo,
  UslFit,
} from './types.js';
import { fitUsl } from './usl.js';
import { capacityVerdict } from './verdict.js';

/** What {@link buildCapacityReport} puts together. */
export interface ReportInputs {
  readonly runId: string;
  readonly scenario: CapacityReport['scenario'];
  readonly slos: readonly Slo[];
  /** The last search run (with `--target-workers`, that of the last count searched). */
  readonly outcome: SearchOutcome;
  /** Every phase of every search, in order, and a failed start of the reference target. */
  readonly phases: readonly CapacityPhase[];
  readonly forecast: Forecast | null;
  /** The answers at each target worker count, with `--target-workers`; else empty. */
  readonly scaling: readonly ScalingPoint[];
  readonly createdAt: Date;
}

/**
 * The capacity report of a search, finished or not: its status, the maximum sustainable rate,
 * the knee, the USL fit of throughput against concurrency over every level measured, the plan
 * for the forecast (each request name's capacity being its rate at the maximum sustainable
 * level), the verdict and the assumptions behind them. When the phases the answer rests on did
 * not all measure what they meant to, the answer is provisional: no knee, the fit marked
 * unsupported, no plan, and the verdict says so. Pure.
 */
export function buildCapacityReport(inputs: ReportInputs): CapacityReport {
  const { outcome, forecast, slos } = inputs;
  const established = answerEstablished(outcome.phases);
  const best = outcome.sustainable;
  const plan = forecast === null || best === null || !established ? null : planFor(forecast, best);
  const steps = outcome.steps;
  const verdict = capacityVerdict({
    slos,
    steps,
    established,
    phases: inputs.phases,
    overload: outcome.overload,
    overloadPhase: outcome.phases.find((phase) => phase.name === 'overload'),
    plan,
    forecast: forecast !== null,
  });
  return {
    schemaVersion: 1,
    runId: inputs.runId,
    scenario: inputs.scenario,
    createdAt: inputs.createdAt.toISOString(),
    status: searchStatus(inputs.phases),
    slos,
    verdict,
    breakpoint: outcome.breakpoint,
    maxSustainableRate: best?.offered ?? 0,
    maxSustainableEstablished: established,
    maxSustainableThroughput: best?.throughput ?? 0,
    knee: established ? findKnee(steps) : null,
    usl: stepsFit(steps, established),
    steps,
    overload: outcome.overload,
    forecast,
    plan,
    scaling: inputs.scaling,
    scalingUsl: scalingFit(inputs.scaling),
    assumptions: assumptions(inputs),
    phases: inputs.phases,
  };
}

function planFor(forecast: Forecast, best: CapacityStep): CapacityPlan {
  const capacity = Object.fromEntries(
    Object.entries(best.byName).map(([name, { rate }]) => [name, rate]),
  );
  return planCapacity(peakDemand(forecast), capacity, forecast.intent);
}

/** The USL fit over the steps; not supported when the search stopped before its answer. */
function stepsFit(steps: readonly CapacityStep[], established: boolean): UslFit | null {
  if (steps.length === 0) return null;
  const fit = fitUsl(steps);
  if (established) return fit;
  const warning =
    'The search stopped before its staircase and refinement finished: the fit covers only the levels measured.';
  return { ...fit, supported: false, warnings: [...fit.warnings, warning] };
}

function scalingFit(scaling: readonly ScalingPoint[]): UslFit | null {
  if (scaling.length === 0) return null;
  return fitUsl(
    scaling.map((point) => ({
      concurrency: point.workers,
      throughput: point.maxSustainableThroughput,
    })),
  );
}

function assumptions({ outcome, scenario }: ReportInputs): string[] {
  const list = [
    `One instance is the target as tested; the scenario's workload ${scenario.workload} and its request mix stand for the real traffic.`,
    'Each level is measured after its warm-up, so it shows steady state; latency counts from the planned send time (no coordinated omission).',
    'Sustainable means every SLO held and the generator achieved at least 98% of the offered rate.',
    'Instances scale linearly for the plan: each adds the capacity measured here (the USL fit says how far that holds within one instance).',
  ];
  if (outcome.steps.every((step) => step.target === null))
    list.push(
      'The target exports no /metrics with process_cpu_seconds_total: its CPU use is not shown.',
    );
  return list;
}
