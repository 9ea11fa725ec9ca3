import { createHash } from 'node:crypto';
import type { CheckOutcome, MetricSummary, RunResult, ThresholdOutcome } from '../core/result.js';
import { trendStat } from './metric-list.js';
import type { K6ExportCheck, K6ExportGroup, K6ExportMetric, K6SummaryExport } from './types.js';

/** The trend statistics written, in milliseconds for time metrics. */
const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)', 'p(99.9)'] as const;

/** k6's group separator; paths start with it under the unnamed root group. */
const GROUP_SEPARATOR = '::';

/**
 * The run's summary in k6's `--summary-export` layout, for tools that read k6 summaries: every
 * metric and sub-metric of `summary.metrics` with k6's value names (trends `avg, min, med, max,
 * p(90), p(95), p(99), p(99.9)` in ms; counters `count, rate`; rates `value, passes, fails`;
 * gauges `value, max`), each metric key with thresholds carrying k6's `thresholds` map (`true`
 * when the threshold failed), and the checks under `root_group`. The CLI writes it as JSON when
 * `--summary-export` is given. Pure.
 */
export function toK6SummaryExport(result: RunResult): K6SummaryExport {
  const metrics: Record<string, K6ExportMetric> = {};
  for (const [key, summary] of Object.entries(result.summary.metrics))
    metrics[key] = exportValues(summary);
  for (const [key, thresholds] of thresholdMaps(result.thresholds)) {
    metrics[key] = { ...metrics[key], thresholds };
  }
  return { root_group: rootGroup(result.checks), metrics };
}

function exportValues(summary: MetricSummary): K6ExportMetric {
  switch (summary.kind) {
    case 'trend':
      return Object.fromEntries(TREND_STATS.map((stat) => [stat, trendStat(summary, stat)]));
    case 'counter':
      return { count: summary.count, rate: summary.rate };
    case 'rate':
      return { value: summary.rate, passes: summary.passes, fails: summary.fails };
    case 'gauge':
      return { value: summary.value, max: summary.max };
  }
}

function thresholdMaps(
  thresholds: readonly ThresholdOutcome[],
): Map<string, Record<string, boolean>> {
  const maps = new Map<string, Record<string, boolean>>();
  for (const { metric, expression, ok } of thresholds) {
    const map = maps.get(metric) ?? {};
    map[expression] = !ok;
    maps.set(metric, map);
  }
  return maps;
}

function rootGroup(checks: readonly CheckOutcome[]): K6ExportGroup {
  const byName: Record<string, K6ExportCheck> = {};
  // k6 keys checks by group path only, so a check of the same name in two workloads is one check.
  for (const { name, passes, fails } of checks) {
    const path = `${GROUP_SEPARATOR}${name}`;
    const check = byName[name] ?? { name, path, id: md5(path), passes: 0, fails: 0 };
    byName[name] = check;
    check.passes += passes;
    check.fails += fails;
  }
  return { name: '', path: '', id: md5(''), groups: {}, checks: byName };
}

function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}
