/**
 * Which metrics `launchday compare` compares: selectors in threshold syntax
 * (`metric{tag:value,...}:aggregation`), their canonical keys, the defaults, and what each
 * selector measures in (unit) and which way is worse (direction).
 */
import { LaunchdayError } from '../core/errors.js';
import { METRICS } from '../metrics/catalogue.js';
import { parseMetricAggregation } from '../metrics/threshold-parser.js';
import type { Aggregation } from '../metrics/threshold-types.js';
import type { CompareUnit, Direction, MetricSelector } from './types.js';

const FORM = "metric{tag:value,...}:aggregation, e.g. 'http_req_duration{name:feed}:p(99)'";
const HINT =
  `write a metric as ${FORM}, 'http_req_failed:rate' or 'http_reqs:rate'; ` +
  'the aggregation may be left out for rates (rate) and gauges (value)';
/** A tag value written bare in a key; anything else is quoted. */
const BARE_VALUE = /^[^\s,"'{}](?:[^,"'{}]*[^\s,"'{}])?$/;
/** Counters that count work done: fewer of them is worse (throughput). */
const THROUGHPUT_METRICS: ReadonlySet<string> = new Set([
  'http_reqs',
  'iterations',
  'data_sent',
  'data_received',
]);
/** Metrics measured per request, which the defaults compare per request name too. */
const REQUEST_METRICS: ReadonlySet<string> = new Set([
  'http_req_duration',
  'http_req_failed',
  'http_reqs',
]);

/**
 * Parses one `--metric` (or scenario `compare.metrics`) text, `metric{tag:value,...}:aggregation`,
 * with threshold syntax for the key and the aggregation (`p(99)`, `avg`, `rate`, `count`, ...);
 * the aggregation may be left out for rates and gauges. Throws a `LAUNCHDAY_ERR_USAGE` naming the
 * problem and the accepted form. `path` names where the text came from in the error.
 */
export function parseMetricSelector(text: string, path = '--metric'): MetricSelector {
  const { key, aggregation } = splitSelector(text);
  const parts = parseMetricAggregation(key, aggregation, {
    path: `${path} ${text}`,
    label: 'invalid metric selector',
    hint: HINT,
  });
  return selector(parts.metric, parts.filter, parts.aggregation);
}

/** The selector of `metric` over the series whose tags include `filter`, with its canonical key. */
export function selector(
  metric: MetricSelector['metric'],
  filter: Readonly<Record<string, string>>,
  aggregation: Aggregation,
): MetricSelector {
  const names = Object.keys(filter).sort();
  const tags = names.map((name) => `${name}:${quoted(filter[name]!)}`).join(',');
  const key = `${metric}${names.length > 0 ? `{${tags}}` : ''}:${aggregationText(aggregation)}`;
  return Object.freeze({ key, metric, filter: Object.freeze({ ...filter }), aggregation });
}

/** An aggregation as threshold syntax writes it: `p(99.9)`, `rate`, ... */
export function aggregationText(aggregation: Aggregation): string {
  return aggregation.method === 'p' ? `p(${aggregation.percentile})` : aggregation.method;
}

const p = (percentile: number): Aggregation => ({ method: 'p', percentile });
const named = (method: Exclude<Aggregation['method'], 'p'>): Aggregation => ({
  method,
  percentile: null,
});

/**
 * What `compare` compares when neither `--metric` nor the scenario's `compare.metrics` says:
 * p(50), p(90), p(99), p(99.9) of `http_req_duration`, the error rate (`http_req_failed`), the
 * achieved throughput (`http_reqs:rate`), `dropped_iterations:count` and the `checks` pass rate,
 * all requests together. {@link expandSelectors} adds the request-level ones per request name.
 */
export const DEFAULT_SELECTORS: readonly MetricSelector[] = Object.freeze([
  selector('http_req_duration', {}, p(50)),
  selector('http_req_duration', {}, p(90)),
  selector('http_req_duration', {}, p(99)),
  selector('http_req_duration', {}, p(99.9)),
  selector('http_req_failed', {}, named('rate')),
  selector('http_reqs', {}, named('rate')),
  selector('dropped_iterations', {}, named('count')),
  selector('checks', {}, named('rate')),
]);

/**
 * `selectors` (all requests together), followed, for each of `requestNames` in order, by each
 * request-level selector (`http_req_duration`, `http_req_failed`, `http_reqs`) that has no `name`
 * filter, filtered to that name: the default comparisons for the names found in either side.
 */
export function expandSelectors(
  selectors: readonly MetricSelector[],
  requestNames: readonly string[],
): MetricSelector[] {
  const perName = selectors.filter(
    (s) => REQUEST_METRICS.has(s.metric) && s.filter.name === undefined,
  );
  return [
    ...selectors,
    ...requestNames.flatMap((name) =>
      perName.map((s) => selector(s.metric, { ...s.filter, name }, s.aggregation)),
    ),
  ];
}

/**
 * The unit a selector's values are in: `ms` for time trends, `fraction` for rates (0–1),
 * `per-second` for a counter's rate, `count` for a counter's count and for gauges.
 */
export function unitOfSelector(selector: MetricSelector): CompareUnit {
  const { type } = METRICS[selector.metric];
  if (type === 'trend') return 'ms';
  if (type === 'rate') return 'fraction';
  return type === 'counter' && selector.aggregation.method === 'rate' ? 'per-second' : 'count';
}

/**
 * Which way is worse: lower for the work done (`http_reqs`, `iterations`, data moved) and for
 * the `checks` pass rate; higher for everything else (latencies, errors, drops).
 */
export function directionOf(selector: MetricSelector): Direction {
  return THROUGHPUT_METRICS.has(selector.metric) || selector.metric === 'checks'
    ? 'lower-is-worse'
    : 'higher-is-worse';
}

/** Splits at the `:` after the key (after its `{...}` filter, whose values may hold `:`). */
function splitSelector(text: string): { key: string; aggregation: string | undefined } {
  const close = text.lastIndexOf('}');
  const colon = text.indexOf(':', close === -1 ? 0 : close);
  if (close === -1 && text.includes('{'))
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `invalid metric selector '${text}': { is not closed`,
      {
        hint: HINT,
      },
    );
  if (colon === -1) return { key: text.trim(), aggregation: undefined };
  return { key: text.slice(0, colon).trim(), aggregation: text.slice(colon + 1).trim() };
}

function quoted(value: string): string {
  if (BARE_VALUE.test(value)) return value;
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}
