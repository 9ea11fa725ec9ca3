import type { GeneratorHealth, IntervalPoint } from '../core/result.js';
import type { RunMetrics } from '../metrics/run-metrics.js';

/** Iterations starting later than this (p99) mean the generator could not keep its schedule. */
export const MAX_SCHEDULER_LAG_P99_MS = 25;
/** A worker event loop busier than this, on average, is saturated. */
export const MAX_MEAN_EVENT_LOOP_UTILIZATION = 0.9;

/**
 * Judges whether the generator kept its schedule well enough for the run's figures to be
 * trusted: a late or saturated generator measures itself, not the target.
 */
export function judgeGeneratorHealth(
  metrics: RunMetrics,
  intervals: readonly IntervalPoint[],
  workers: number,
): GeneratorHealth {
  const lag = metrics.aggregate('scheduler_lag', {});
  const schedulerLagP99Ms = lag?.type === 'trend' ? lag.percentile(99) : 0;
  const utilizations = intervals.map((point) => point.generator.eventLoopUtilization);
  const meanUtilization =
    utilizations.reduce((sum, u) => sum + u, 0) / Math.max(1, utilizations.length);
  const reasons: string[] = [];
  if (schedulerLagP99Ms > MAX_SCHEDULER_LAG_P99_MS) {
    reasons.push(
      `1% of iterations started more than ${schedulerLagP99Ms.toFixed(1)} ms after their planned time ` +
        `(limit ${MAX_SCHEDULER_LAG_P99_MS} ms): the generator could not keep its schedule; ` +
        'give it more CPU (--workers, a dedicated core) or lower the rate',
    );
  }
  if (meanUtilization > MAX_MEAN_EVENT_LOOP_UTILIZATION) {
    reasons.push(
      `the generator's event loops were busy ${(meanUtilization * 100).toFixed(0)}% of the time ` +
        `(limit ${MAX_MEAN_EVENT_LOOP_UTILIZATION * 100}%): it was saturated, so latencies include its own delays`,
    );
  }
  return {
    valid: reasons.length === 0,
    reasons,
    schedulerLagP99Ms,
    maxEventLoopUtilization: Math.max(0, ...utilizations),
    workers,
  };
}
