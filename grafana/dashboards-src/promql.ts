/** The matcher every query of a run-scoped panel carries: the runs picked in `$testid`. */
export const BY_TESTID = 'testid=~"$testid"';

/** The matcher for the workloads picked in `$scenario`. */
export const BY_SCENARIO = 'scenario=~"$scenario"';

/** `metric{m1, m2}` (just `metric` without matchers). */
export function series(metric: string, ...matchers: readonly string[]): string {
  return matchers.length === 0 ? metric : `${metric}{${matchers.join(', ')}}`;
}

/** Per-second rate of a counter or histogram selector over Grafana's `$__rate_interval`. */
export function rate(selector: string): string {
  return `rate(${selector}[$__rate_interval])`;
}

/** `op by (labels) (expr)`, or `op(expr)` with no labels; `op` is a PromQL aggregation. */
export function aggregate(
  op: 'sum' | 'avg' | 'min' | 'max',
  labels: readonly string[],
  expr: string,
): string {
  return labels.length === 0 ? `${op}(${expr})` : `${op} by (${labels.join(', ')}) (${expr})`;
}

/** `sum by (labels) (expr)`, or `sum(expr)` with no labels. */
export function sumBy(labels: readonly string[], expr: string): string {
  return aggregate('sum', labels, expr);
}

/**
 * The `quantile` (0..1) of a histogram by `labels`. `histogram` is the selector of a native
 * histogram, or of the `_bucket` series of a classic one: summing by `le` as well serves both.
 */
export function quantile(q: number, labels: readonly string[], histogram: string): string {
  return `histogram_quantile(${q}, ${sumBy(['le', ...labels], rate(histogram))})`;
}

/**
 * Keeps `expr` only while a picked run is going: the feed service's metrics carry no testid,
 * and `launchday_run_active{testid}` is 1 every second of a run (stale once it ends).
 */
export function duringRun(expr: string): string {
  return `${expr} and on() launchday_run_active{${BY_TESTID}}`;
}
