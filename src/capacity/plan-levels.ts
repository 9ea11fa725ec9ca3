import { LaunchdayError } from '../core/errors.js';
import type { ArrivalRatePlan } from '../executors/index.js';
import type { StepWindow } from './types.js';

/**
 * The load levels of a run that has already happened: every flat part of `plan`'s rate (a
 * `step-arrival-rate` step, a `constant-arrival-rate` run, a hold between ramps) that covers
 * more whole seconds of the run than `warmupS`, as a window of those seconds whose first
 * `warmupS` are not measured. Throws a `LAUNCHDAY_ERR_USAGE` when the plan holds no such level.
 */
export function planLevels(plan: ArrivalRatePlan, warmupS: number, workload: string): StepWindow[] {
  const windows: StepWindow[] = [];
  for (const piece of plan.rate.segments) {
    if (piece.fromRate !== piece.toRate || piece.fromRate <= 0) continue;
    const startMs = plan.startTimeMs + piece.startMs;
    const startS = Math.ceil(startMs / 1000 - 1e-9);
    const endS = Math.floor((startMs + piece.durationMs) / 1000 + 1e-9);
    if (endS - startS > warmupS) windows.push({ offered: piece.fromRate, startS, warmupS, endS });
  }
  if (windows.length > 0) return windows;
  throw new LaunchdayError(
    'LAUNCHDAY_ERR_USAGE',
    `workload ${workload} holds no constant rate for longer than the ${warmupS} s warm-up, so the run has no load level to measure`,
    {
      hint: 'drive it with step-arrival-rate steps (or constant-arrival-rate) of several seconds each, or lower --warmup',
    },
  );
}
