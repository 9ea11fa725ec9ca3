import type { GeneratorHealth, IntervalPoint } from '../core/result.js';
import type { RunMetrics } from '../metrics/run-metrics.js';

/** A second whose iterations started later than this (p99) missed its schedule. */
export const MAX_SCHEDULER_LAG_P99_MS = 25;
/** More than this share of a run's seconds missing their schedule makes the run not valid. */
export const MAX_LATE_SECONDS_SHARE = 0.1;
/** Worker event loops busier than this, on average, are saturated. */
export const MAX_MEAN_EVENT_LOOP_UTILIZATION = 0.9;

/**
 * Judges whether the generator kept its schedule well enough for the run's figures to be
 * trusted: a late or saturated generator measures itself, not the target. The first second is a
 * warm-up (connections opening, code compiling) and is left out of the verdict, as are seconds
 * in which nothing started or finished; its figures still count in every metric. `problems` are
 * what else made the generator's figures incomplete (worker threads terminated on an overrun).
 */
export function judgeGeneratorHealth(
  metrics: RunMetrics,
  intervals: readonly IntervalPoint[],
  workers: number,
  problems: readonly string[],
): GeneratorHealth {
  const lag = metrics.aggregate('scheduler_lag', {});
  const judged = intervals.filter((point, i) => i > 0 && isActive(point));
  const late = judged.filter(
    (point) => point.generator.schedulerLagP99Ms > MAX_SCHEDULER_LAG_P99_MS,
  );
  const utilizations = judged.map((point) => point.generator.eventLoopUtilization);
  const meanUtilization =
    utilizations.reduce((sum, u) => sum + u, 0) / Math.max(1, utilizations.length);
  const reasons: string[] = [...problems];
  if (late.length > judged.length * MAX_LATE_SECONDS_SHARE) {
    reasons.push(
      `in ${late.length} of ${judged.length} seconds, 1% of iterations started more than ` +
        `${MAX_SCHEDULER_LAG_P99_MS} ms after their planned time: the generator could not keep its schedule; ` +
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
    schedulerLagP99Ms: lag?.type === 'trend' ? lag.percentile(99) : 0,
    maxEventLoopUtilization: Math.max(0, ...utilizations),
    workers,
  };
}

function isActive(point: IntervalPoint): boolean {
  return (
    point.requests > 0 ||
    Object.values(point.workloads).some((w) => w.started > 0 || w.inFlight > 0)
  );
}
