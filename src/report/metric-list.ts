import type { MetricSummary } from '../core/result.js';
import { isMetricName, METRIC_NAMES, METRICS, type MetricUnit } from '../metrics/catalogue.js';
import type { Ansi } from './ansi.js';
import { formatBytes, formatPercent, formatRate, formatTime } from './format.js';
import { alignColumns, pad } from './table.js';

/** The trend statistics the list shows, in k6's order and spelling. */
const TREND_STATS = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'] as const;

/** The metric a key such as `http_req_duration{name:feed}` belongs to. */
export function baseMetric(key: string): string {
  const brace = key.indexOf('{');
  return brace === -1 ? key : key.slice(0, brace);
}

/** The unit of the metric a key belongs to; `none` for metrics outside the catalogue. */
export function unitOf(key: string): MetricUnit {
  const base = baseMetric(key);
  return isMetricName(base) ? METRICS[base].unit : 'none';
}

/**
 * Orders summary keys as k6 lists them: catalogue metrics in catalogue order, each followed by
 * its sub-metrics (sorted), then any other keys, sorted.
 */
export function orderMetricKeys(keys: readonly string[]): string[] {
  const rank = (key: string) => {
    const index = METRIC_NAMES.indexOf(baseMetric(key) as (typeof METRIC_NAMES)[number]);
    return index === -1 ? METRIC_NAMES.length : index;
  };
  return [...keys].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The k6-style list of every metric in `metrics` (RunResult `summary.metrics`): trends with
 * avg/min/med/max/p(90)/p(95)/p(99), counters with count and rate, rates as a percentage of a
 * total, gauges with value and max; sub-metrics indented under their metric. One line each.
 */
export function renderMetricList(
  metrics: Readonly<Record<string, MetricSummary>>,
  ansi: Ansi,
): string[] {
  const keys = orderMetricKeys(Object.keys(metrics));
  const labels = keys.map((key) => (key.includes('{') ? `  ${key.slice(key.indexOf('{'))}` : key));
  const width = Math.max(0, ...labels.map((label) => label.length)) + 3;
  // Trends line up with trends and the other kinds with each other, as in k6's list.
  const isTrend = keys.map((key) => metrics[key]!.kind === 'trend');
  const cells = keys.map((key) => metricCells(metrics[key]!, unitOf(key)));
  const trends = alignColumns(
    cells.filter((_, i) => isTrend[i]),
    [],
    1,
  );
  const others = alignColumns(
    cells.filter((_, i) => !isTrend[i]),
    [],
    1,
  );
  return keys.map((key, i) => {
    const label = `${pad(labels[i]!, width, 'left', '.')}:`;
    const values = isTrend[i] ? trends.shift()! : others.shift()!;
    return `${key.includes('{') ? ansi.dim(label) : label} ${values}`;
  });
}

function metricCells(summary: MetricSummary, unit: MetricUnit): string[] {
  const value = (n: number) =>
    unit === 'time'
      ? formatTime(n)
      : unit === 'data'
        ? formatBytes(n)
        : String(Number(n.toFixed(2)));
  switch (summary.kind) {
    case 'trend':
      return TREND_STATS.map((stat) => `${stat}=${value(trendStat(summary, stat))}`);
    case 'counter': {
      const rate =
        unit === 'data' ? `${formatBytes(summary.rate)}/s` : `${formatRate(summary.rate)}/s`;
      return [value(summary.count), rate];
    }
    case 'rate':
      return [
        formatPercent(summary.rate),
        `${summary.passes} out of ${summary.passes + summary.fails}`,
      ];
    case 'gauge':
      return [value(summary.value), `max=${value(summary.max)}`];
  }
}

/** One k6 trend statistic (`avg`, `p(90)`, ...) of a trend summary, in its unit. */
export function trendStat(
  summary: Extract<MetricSummary, { kind: 'trend' }>,
  stat: string,
): number {
  switch (stat) {
    case 'p(90)':
      return summary.p90;
    case 'p(95)':
      return summary.p95;
    case 'p(99)':
      return summary.p99;
    case 'p(99.9)':
      return summary['p(99.9)'];
    case 'avg':
    case 'min':
    case 'med':
    case 'max':
      return summary[stat];
    default:
      throw new RangeError(`unknown trend statistic '${stat}'`);
  }
}
