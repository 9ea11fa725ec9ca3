/**
 * One run's value of a compared metric, from its saved series: what the Mann-Whitney comparison
 * of repeats ranks, one value per run.
 */
import type { RunResult } from '../core/result.js';
import { RunMetrics } from '../metrics/run-metrics.js';
import { aggregateValue } from '../metrics/threshold-evaluator.js';
import type { MetricSelector } from './types.js';

/**
 * The value of `selector` over the whole of one run, from `result.series` read back as the run's
 * metrics store answered its thresholds: trends from the merged HDR histograms of the matching
 * series (milliseconds), rates as a fraction, a counter's `count` or its `rate` per second of
 * the run's duration, a gauge's last value. Null when no series matches (or a rate has no
 * samples): the run has no data for it.
 */
export function runValue(result: RunResult, selector: MetricSelector): number | null {
  return runValues(result, [selector])[0]!;
}

/** {@link runValue} of each of `selectors`, reading the run's series once. */
export function runValues(
  result: RunResult,
  selectors: readonly MetricSelector[],
): (number | null)[] {
  return runMeasures(result, selectors).map((measure) => measure.value);
}

/** One run's value of a selector and the samples behind it. */
export interface RunMeasure {
  /** As {@link runValue}. */
  readonly value: number | null;
  /** Samples behind it: a trend's or counter's count, a rate's total, 1 for a gauge. */
  readonly samples: number;
}

/** {@link RunMeasure} of each of `selectors`, reading the run's series once. */
export function runMeasures(result: RunResult, selectors: readonly MetricSelector[]): RunMeasure[] {
  const metrics = RunMetrics.fromSeries(result.series, result.durationMs);
  return selectors.map(({ metric, filter, aggregation }) => {
    const aggregate = metrics.aggregate(metric, filter);
    if (aggregate === undefined) return { value: null, samples: 0 };
    if (aggregate.type === 'rate' && aggregate.total === 0) return { value: null, samples: 0 };
    const samples =
      aggregate.type === 'rate'
        ? aggregate.total
        : aggregate.type === 'gauge'
          ? 1
          : aggregate.count;
    return { value: aggregateValue(aggregate, aggregation), samples };
  });
}

/** The request names (`name` tag of `http_reqs`) found in any of `results`, sorted. */
export function requestNames(results: readonly RunResult[]): string[] {
  const names = new Set<string>();
  for (const result of results)
    for (const series of result.series)
      if (series.metric === 'http_reqs' && series.tags.name !== undefined)
        names.add(series.tags.name);
  return [...names].sort();
}
