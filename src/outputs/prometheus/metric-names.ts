import { isMetricName, METRICS } from '../../metrics/catalogue.js';
import type { MetricKind, Tags } from '../../metrics/types.js';
import type { Labels } from './types.js';

/**
 * launchday's metrics that k6 does not have: they go out as `launchday_*`, so that the `k6_*`
 * names stay exactly k6's (the k6 dashboards list `k6_http_req_duration_*` names in a variable,
 * and an extra one would show up there).
 */
const LAUNCHDAY_ONLY: ReadonlySet<string> = new Set([
  'http_req_duration_uncorrected',
  'scheduler_lag',
]);

/** The trend statistics sent as gauges beside each histogram, as k6's trend stats. */
export const TREND_STATS = ['p95', 'p99', 'min', 'max'] as const;

/** One of {@link TREND_STATS}. */
export type TrendStat = (typeof TREND_STATS)[number];

/**
 * The Prometheus name of a launchday metric as k6's remote-write output names it: counters
 * `k6_<metric>_total`, rates `k6_<metric>_rate`, gauges `k6_<metric>`, trends
 * `k6_<metric>_seconds` (the histogram; every launchday trend is a time). launchday-only
 * metrics get `launchday_` instead of `k6_`.
 */
export function promName(metric: string, kind: MetricKind): string {
  const base = baseName(metric);
  switch (kind) {
    case 'counter':
      return `${base}_total`;
    case 'rate':
      return `${base}_rate`;
    case 'gauge':
      return base;
    case 'trend':
      return `${base}_seconds`;
  }
}

/** The name of a trend statistic's gauge, in seconds: `k6_http_req_duration_p99`. */
export function trendStatName(metric: string, stat: TrendStat): string {
  return `${baseName(metric)}_${stat}`;
}

/** The catalogue's description of a launchday metric, for HELP lines. */
export function metricHelp(metric: string): string {
  return isMetricName(metric) ? METRICS[metric].description : `launchday metric ${metric}.`;
}

/**
 * A series' tags as Prometheus labels: names made valid (`[a-zA-Z_][a-zA-Z0-9_]*`, other
 * characters as `_`, no reserved `__` prefix) over `base` (the run's `testid`), so a tag
 * `testid` given with `--tag` wins over the run id.
 */
export function labelsOf(tags: Tags, base: Labels = {}): Labels {
  const labels: Record<string, string> = { ...base };
  for (const [name, value] of Object.entries(tags)) labels[sanitizeName(name)] = value;
  return labels;
}

/** `name` as a valid Prometheus metric or label name. */
export function sanitizeName(name: string): string {
  const valid = name.replace(/[^a-zA-Z0-9_]/g, '_').replace(/^__+/, '_');
  return /^[0-9]/.test(valid) || valid === '' ? `_${valid}` : valid;
}

function baseName(metric: string): string {
  return `${LAUNCHDAY_ONLY.has(metric) ? 'launchday' : 'k6'}_${sanitizeName(metric)}`;
}
