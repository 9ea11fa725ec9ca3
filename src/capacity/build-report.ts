import { peakDemand } from './forecast.js';
import { findKnee } from './knee.js';
import { planCapacity } from './plan.js';
import type {
  CapacityPlan,
  CapacityReport,
  CapacityStep,
  Forecast,
  ScalingPoint,
  SearchOutcome,
  Slo,
} from './types.js';
import { fitUsl } from './usl.js';

/** What {@link buildCapacityReport} puts together. */
export interface ReportInputs {
  readonly runId: string;
  readonly scenario: CapacityReport['scenario'];
  readonly slos: readonly Slo[];
  readonly outcome: SearchOutcome;
  readonly forecast: Forecast | null;
  /** The answers at each target worker count, with `--target-workers`; else empty. */
  readonly scaling: readonly ScalingPoint[];
  readonly createdAt: Date;
}

/**
 * The capacity report of a finished search: the maximum sustainable rate, the knee, the USL fit
 * of throughput against concurrency over every level measured, the plan for the forecast (each
 * request name's capacity being its rate at the maximum sustainable level), the verdict and
 * the assumptions behind them.
 */
export function buildCapacityReport(inputs: ReportInputs): CapacityReport {
  const { outcome, forecast } = inputs;
  const best = outcome.sustainable;
  const plan = forecast === null || best === null ? null : planFor(forecast, best);
  const steps = outcome.steps;
  return {
    schemaVersion: 1,
    runId: inputs.runId,
    scenario: inputs.scenario,
    createdAt: inputs.createdAt.toISOString(),
    slos: inputs.slos,
    verdict: verdict(inputs, plan),
    breakpoint: outcome.breakpoint,
    maxSustainableRate: best?.offered ?? 0,
    maxSustainableThroughput: best?.throughput ?? 0,
    knee: findKnee(steps),
    usl: steps.length === 0 ? null : fitUsl(steps),
    steps,
    overload: outcome.overload,
    forecast,
    plan,
    scaling: inputs.scaling,
    scalingUsl:
      inputs.scaling.length === 0
        ? null
        : fitUsl(
            inputs.scaling.map((point) => ({
              concurrency: point.workers,
              throughput: point.maxSustainableThroughput,
            })),
          ),
    assumptions: assumptions(inputs),
  };
}

function planFor(forecast: Forecast, best: CapacityStep): CapacityPlan {
  const capacity = Object.fromEntries(
    Object.entries(best.byName).map(([name, { rate }]) => [name, rate]),
  );
  return planCapacity(peakDemand(forecast), capacity, forecast.intent);
}

function verdict({ outcome, slos }: ReportInputs, plan: CapacityPlan | null): string {
  const best = outcome.sustainable;
  const within = slos.map((slo) => slo.text).join(' and ');
  if (best === null)
    return `No load level met ${within}: the service is over its limit even at ${lowest(outcome)}/s.`;
  const firstBroken = outcome.steps.find((step) => !step.sustainable);
  const next = firstBroken
    ? ` Above it, at ${fixed(firstBroken.offered)}/s: ${firstBroken.broken.join(', ')}.`
    : ' No level broke an SLO: the limit is above the highest level tried.';
  const sized = plan
    ? ` The forecast needs ${plan.instances} instances (${plan.instances - planRedundancy(plan)} + spares); ${plan.saturatesFirst} saturates first.`
    : '';
  return `One instance sustains ${fixed(best.offered)} iterations/s (${fixed(best.throughput)} requests/s) within ${within}.${next}${sized}`;
}

function planRedundancy(plan: CapacityPlan): number {
  return plan.instances - Math.max(...plan.endpoints.map((endpoint) => endpoint.instances));
}

function lowest({ steps }: SearchOutcome): string {
  return steps.length > 0 ? fixed(steps[0]!.offered) : '?';
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

function fixed(rate: number): string {
  return rate >= 100 ? rate.toFixed(0) : rate.toFixed(1);
}
