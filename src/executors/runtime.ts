import { LaunchdayError } from '../core/errors.js';
import { createArrivalRateRuntime } from './arrival-rate-runtime.js';
import type { ExecutorPlan, ExecutorRuntime, IterationStarter, WorkerShare } from './types.js';
import { createVuRuntime } from './vu-runtime.js';

/**
 * The runtime of one worker's share of a planned workload: the arrival-rate runtime for
 * open-model plans, the VU runtime for VU plans. Called by the engine in each worker thread;
 * `starter` runs the journey. Throws LAUNCHDAY_ERR_INTERNAL on an impossible share.
 */
export function createRuntime(
  plan: ExecutorPlan,
  share: WorkerShare,
  starter: IterationStarter,
): ExecutorRuntime {
  const { workerIndex, workerCount } = share;
  if (
    !Number.isInteger(workerCount) ||
    workerCount < 1 ||
    !Number.isInteger(workerIndex) ||
    workerIndex < 0 ||
    workerIndex >= workerCount
  ) {
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_INTERNAL',
      `worker ${workerIndex} of ${workerCount} is not a valid share of a workload`,
      {
        hint: 'workerIndex must be an integer from 0 to workerCount - 1; this is a bug in the engine',
      },
    );
  }
  return plan.model === 'arrival-rate'
    ? createArrivalRateRuntime(plan, share, starter)
    : createVuRuntime(plan, share, starter);
}
