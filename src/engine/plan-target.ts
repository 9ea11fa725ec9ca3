import { createRateCurve, type ExecutorPlan, type RateCurve, vusAt } from '../executors/index.js';

const curves = new WeakMap<ExecutorPlan, RateCurve>();

/**
 * What `plan` aims for at `ms` after the run's start: the arrival rate (iterations/s) of an
 * arrival-rate plan, or the VU count of a VU plan; 0 before its startTime and after its end.
 */
export function planTargetAt(plan: ExecutorPlan, ms: number): number {
  const into = ms - plan.startTimeMs;
  if (into < 0 || into >= plan.durationMs) return 0;
  if (plan.model === 'vus') return vusAt(plan.vus, into);
  let curve = curves.get(plan);
  if (curve === undefined) {
    curve = createRateCurve(plan.rate);
    curves.set(plan, curve);
  }
  return curve.rateAt(into);
}
