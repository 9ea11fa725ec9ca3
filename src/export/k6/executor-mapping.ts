import type { ResolvedWorkload } from '../../config/types.js';
import type { Issue } from '../../core/errors.js';
import type { ArrivalRatePlan, VusPlan } from '../../executors/index.js';
import { k6Duration } from './k6-duration.js';
import { rateStages, withEndMargin } from './rate-stages.js';
import type { K6Scenario, K6Stage } from './types.js';

/**
 * The k6 scenario of one launchday workload, run by the script's exported function `exec`.
 * Executors keep their names and fields where k6 has them (constant-arrival-rate,
 * ramping-arrival-rate, constant-vus, ramping-vus); `step-arrival-rate` and `curve-replay`
 * become `ramping-arrival-rate` stages that follow the plan's rate (see {@link rateStages}).
 * `maxInFlight` becomes `maxVUs`: k6 too drops (and counts in dropped_iterations) an
 * iteration that finds no free VU. What k6 cannot do is pushed to `issues`, naming its path:
 * Poisson arrivals (k6 spaces iterations evenly).
 */
export function k6Scenario(
  workload: ResolvedWorkload,
  exec: string,
  issues: Issue[],
): K6Scenario | undefined {
  const { plan } = workload;
  const base = {
    exec,
    startTime: k6Duration(plan.startTimeMs),
    gracefulStop: k6Duration(plan.gracefulStopMs),
    ...(Object.keys(workload.tags).length > 0 && { tags: { ...workload.tags } }),
  };
  if (plan.model === 'vus') return { ...base, ...vusScenario(plan) };
  if (plan.arrivals === 'poisson') {
    issues.push({
      path: `workloads.${workload.name}.executor.arrivals`,
      message:
        "'poisson' arrivals cannot be exported: k6's arrival-rate executors start iterations at even intervals; use arrivals: 'uniform' (the default)",
    });
    return undefined;
  }
  return { ...base, ...arrivalScenario(plan) };
}

function arrivalScenario(plan: ArrivalRatePlan) {
  const vus = {
    preAllocatedVUs: preAllocated(plan),
    maxVUs: plan.maxInFlight,
  };
  const { startRate, timeUnitSeconds, stages } = rateStages(plan.rate.segments);
  const timeUnit = k6Duration(timeUnitSeconds * 1000);
  const constant =
    plan.type === 'constant-arrival-rate' && stages.length === 1
      ? constantRate(plan, startRate, timeUnitSeconds)
      : undefined;
  if (constant !== undefined)
    return { executor: 'constant-arrival-rate' as const, ...constant, ...vus };
  const ramping = withEndMargin({ startRate, timeUnitSeconds, stages });
  return {
    executor: 'ramping-arrival-rate' as const,
    startRate,
    timeUnit,
    stages: ramping.stages,
    ...vus,
  };
}

// k6 refuses constant executors shorter than this.
const K6_MIN_DURATION_MS = 1000;

/**
 * rate, timeUnit and duration of a constant-arrival-rate that starts exactly the plan's N
 * iterations. k6 starts them at 0, T, 2T, … and races its end against a start due at exactly
 * `duration`, so the duration ends half a period after the N-th start; a single iteration gets
 * a period longer than the duration. Undefined when that duration is under k6's 1 s minimum:
 * the workload then becomes a ramping-arrival-rate at the same rate (k6 starting its
 * iterations at T, 2T, …, NT).
 */
function constantRate(
  plan: ArrivalRatePlan,
  rate: number,
  timeUnitSeconds: number,
): { rate: number; timeUnit: string; duration: string } | undefined {
  const durationMs = plan.durationMs;
  if (plan.plannedIterations === 1) {
    const atLeastMin = Math.max(durationMs, K6_MIN_DURATION_MS);
    return { rate: 1, timeUnit: k6Duration(2 * atLeastMin), duration: k6Duration(atLeastMin) };
  }
  const periodMs = (timeUnitSeconds * 1000) / rate;
  const beforeNext = (plan.plannedIterations - 0.5) * periodMs;
  if (beforeNext < K6_MIN_DURATION_MS) return undefined;
  return { rate, timeUnit: k6Duration(timeUnitSeconds * 1000), duration: k6Duration(beforeNext) };
}

function vusScenario(plan: VusPlan) {
  const [first] = plan.vus;
  if (plan.type === 'constant-vus' && first !== undefined) {
    return {
      executor: 'constant-vus' as const,
      vus: first.to,
      duration: k6Duration(first.durationMs),
    };
  }
  const stages: K6Stage[] = [];
  let previousEnd = 0;
  for (const segment of plan.vus) {
    const end = Math.round(segment.startMs + segment.durationMs);
    stages.push({ target: segment.to, duration: k6Duration(end - previousEnd) });
    previousEnd = end;
  }
  return {
    executor: 'ramping-vus' as const,
    startVUs: first?.from ?? 0,
    stages,
    gracefulRampDown: k6Duration(plan.gracefulRampDownMs ?? 0),
  };
}

/**
 * VUs k6 allocates before the start: one second of the peak rate (at least 1, at most
 * maxInFlight); k6 adds VUs up to maxVUs when iterations take longer.
 */
function preAllocated(plan: ArrivalRatePlan): number {
  const peak = Math.max(0, ...plan.rate.segments.flatMap((s) => [s.fromRate, s.toRate]));
  return Math.min(plan.maxInFlight, Math.max(1, Math.ceil(peak)));
}
