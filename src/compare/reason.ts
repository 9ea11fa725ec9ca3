/**
 * The sentences of a comparison: a metric's label ("p(99) of feed"), the reason behind each
 * verdict, and the headline that opens every rendering.
 */
import {
  formatBudget,
  formatChange,
  formatInterval,
  formatPValue,
} from '../report/compare/format.js';
import { aggregationText } from './metric-selector.js';
import type { MetricComparison, MetricSelector } from './types.js';
import { samplesNeeded, type VerdictDecision } from './verdict.js';

const METRIC_WORDS: Readonly<Record<string, string>> = {
  http_req_duration: '',
  http_req_failed: 'error rate',
  http_reqs: 'throughput',
  checks: 'checks pass rate',
  dropped_iterations: 'dropped iterations',
  iterations: 'iterations',
};

/**
 * What a selector is about, for people: `p(99) of feed`, `p(50)` (all requests), `error rate
 * of signup`, `throughput`, or the metric and aggregation for the rest (`iteration_duration
 * avg`).
 */
export function metricLabel(selector: MetricSelector): string {
  const word = METRIC_WORDS[selector.metric];
  const what =
    word === undefined
      ? `${selector.metric} ${aggregationText(selector.aggregation)}`
      : word === ''
        ? aggregationText(selector.aggregation)
        : word;
  const { name, ...others } = selector.filter;
  const tags = Object.entries(others).map(([tag, value]) => `${tag}=${value}`);
  const scope = [name, ...tags].filter((part) => part !== undefined).join(', ');
  return scope === '' ? what : `${what} of ${scope}`;
}

/** One sentence saying why `comparison` got its verdict (its own `reason` is not read). */
export function explainVerdict(
  comparison: MetricComparison,
  selector: MetricSelector,
  decision: VerdictDecision,
  samples: number,
): string {
  const label = metricLabel(selector);
  const budget = formatBudget(comparison.budget, comparison.unit, comparison.direction);
  const change = `${formatChange(comparison)} (${formatPValue(comparison.pValue)})`;
  const interval = formatInterval(comparison);
  switch (decision.ground) {
    case 'no-data':
      return `${label}: ${comparison.baseline.value === null ? 'the baseline' : 'the candidate'} has no data for it`;
    case 'few-samples':
      return (
        `${label}: too few samples to compare, ${samples.toLocaleString('en-US')} where ` +
        `${samplesNeeded(selector.aggregation).toLocaleString('en-US')} are needed; run longer or at a higher rate`
      );
    case 'no-interval':
      return `${label}: no interval could be computed (too few runs or seconds with data)`;
    case 'beyond-budget':
      return `${label} ${comparison.verdict === 'regressed' ? 'got worse' : 'got better'} by ${change}, beyond its budget of ${budget}`;
    case 'within-budget':
      return `${label} changed by ${change}, within its budget of ${budget}`;
    case 'inside-budget':
      return `${label}: no significant change, and the interval ${interval} lies within its budget of ${budget}`;
    default:
      return (
        `${label}: no significant change, but the interval ${interval} is too wide to rule out ` +
        `one beyond its budget of ${budget}; add repeats or run longer`
      );
  }
}

/**
 * The headline of a report: `Regressed: p(99) of feed got worse by +18.2%` (the first few
 * regressions), or `No regression: 3 improved, 20 unchanged`.
 */
export function headlineOf(
  comparisons: readonly MetricComparison[],
  labels: ReadonlyMap<string, string>,
): string {
  const regressed = comparisons.filter((c) => c.verdict === 'regressed');
  if (regressed.length > 0) {
    const named = regressed
      .slice(0, 3)
      .map((c) => `${labels.get(c.key) ?? c.key} ${formatChange(c)}`);
    const more = regressed.length > 3 ? ` and ${regressed.length - 3} more` : '';
    return `Regressed: ${named.join(', ')}${more}`;
  }
  const counts = (['improved', 'unchanged', 'inconclusive'] as const)
    .map((verdict) => [verdict, comparisons.filter((c) => c.verdict === verdict).length] as const)
    .filter(([, count]) => count > 0)
    .map(([verdict, count]) => `${count} ${verdict}`);
  return `No regression: ${counts.join(', ') || 'nothing compared'}`;
}
