import { LaunchdayError } from '../core/errors.js';
import type { ArrivalRatePlan, ExecutorPlan } from '../executors/index.js';

/** A workload as a resolved run (or a result's `config.workloads`) has it. */
export interface PlannedWorkload {
  readonly name: string;
  readonly plan: ExecutorPlan;
}

/** An arrival-rate workload: one capacity can drive. */
export interface DrivenWorkload extends PlannedWorkload {
  readonly plan: ArrivalRatePlan;
}

/**
 * The workload capacity drives: `asked`, or the first arrival-rate one. Throws a
 * `LAUNCHDAY_ERR_USAGE` naming the arrival-rate workloads there are when there is none such.
 */
export function drivenWorkload(
  workloads: readonly PlannedWorkload[],
  asked: string | undefined,
): DrivenWorkload {
  const arrivalRate = workloads.filter((w): w is DrivenWorkload => w.plan.model === 'arrival-rate');
  const found = asked === undefined ? arrivalRate[0] : arrivalRate.find((w) => w.name === asked);
  if (found !== undefined) return found;
  const names = arrivalRate.map(({ name }) => name).join(', ') || 'none';
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    asked === undefined
      ? 'capacity drives an arrival-rate workload, and the scenario has none'
      : `--workload ${asked}: the scenario has no arrival-rate workload of that name`,
    { hint: `the scenario's arrival-rate workloads: ${names}` },
  );
}
