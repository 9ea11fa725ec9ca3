/**
 * The built-in metrics, named as k6 names them, and the tags a series can carry. Thresholds,
 * outputs and reports read this catalogue; nothing outside it invents metric names.
 */

/**
 * How a metric aggregates, as in k6: `counter` sums, `rate` is the share of non-zero samples,
 * `trend` keeps the distribution, `gauge` keeps the latest value (and min and max).
 */
export type MetricType = 'counter' | 'rate' | 'trend' | 'gauge';

/**
 * What a metric's values measure: `time` in milliseconds, `data` in bytes, `none` a plain
 * number (a count, a share, a number of VUs).
 */
export type MetricUnit = 'time' | 'data' | 'none';

/** What the catalogue says about one metric. */
export interface MetricInfo {
  readonly type: MetricType;
  readonly unit: MetricUnit;
  /** One sentence for reports, dashboards and error messages. */
  readonly description: string;
}

const trendOfTime = (description: string) =>
  ({ type: 'trend', unit: 'time', description }) as const;

/** Every built-in metric by its k6 name. Frozen; the order is the order reports list them. */
export const METRICS = Object.freeze({
  http_reqs: { type: 'counter', unit: 'none', description: 'HTTP requests sent.' },
  http_req_failed: {
    type: 'rate',
    unit: 'none',
    description: 'Share of HTTP requests whose response was not an expected one.',
  },
  http_req_duration: trendOfTime(
    'Request latency from the time the request was meant to be sent to the end of the ' +
      'response: without coordinated omission.',
  ),
  http_req_duration_uncorrected: trendOfTime(
    'Request latency from the actual send to the end of the response (wrk2 "uncorrected").',
  ),
  http_req_blocked: trendOfTime('Time spent waiting for a free connection, connecting included.'),
  http_req_connecting: trendOfTime('Time spent establishing the TCP connection.'),
  http_req_tls_handshaking: trendOfTime('Time spent on the TLS handshake.'),
  http_req_sending: trendOfTime('Time spent writing the request.'),
  http_req_waiting: trendOfTime('Time from the request written to the first response byte.'),
  http_req_receiving: trendOfTime('Time from the first to the last response byte.'),
  iterations: { type: 'counter', unit: 'none', description: 'Journey iterations completed.' },
  iteration_duration: trendOfTime('Time one journey iteration took, start to end.'),
  dropped_iterations: {
    type: 'counter',
    unit: 'none',
    description: 'Planned iterations not started because the in-flight limit was reached.',
  },
  interrupted_iterations: {
    type: 'counter',
    unit: 'none',
    description:
      'Iterations cut off when gracefulStop ran out (or the run was aborted): their requests ' +
      'were aborted and they are not in iterations.',
  },
  scheduler_lag: trendOfTime('How late iterations started compared with their planned time.'),
  vus: { type: 'gauge', unit: 'none', description: 'Virtual users running iterations.' },
  vus_max: { type: 'gauge', unit: 'none', description: 'Virtual users allocated.' },
  checks: { type: 'rate', unit: 'none', description: 'Share of checks that passed.' },
  data_sent: { type: 'counter', unit: 'data', description: 'Bytes written to the target.' },
  data_received: { type: 'counter', unit: 'data', description: 'Bytes read from the target.' },
} as const satisfies Record<string, MetricInfo>);

/** The name of a built-in metric, e.g. `http_req_duration`. */
export type MetricName = keyof typeof METRICS;

/** Every built-in metric name, in catalogue order (for listings in errors and reports). */
export const METRIC_NAMES: readonly MetricName[] = Object.freeze(
  Object.keys(METRICS) as MetricName[],
);

/** True when `name` is a built-in metric's name. */
export function isMetricName(name: string): name is MetricName {
  return Object.hasOwn(METRICS, name);
}

/**
 * The tags launchday itself sets on series: `scenario` (the workload), `name` (the request
 * name), `method`, `status`, `expected_response` (`true`/`false`), `error_class` (see
 * `ErrorClass`), `check` (the check name, on `checks` only). Scenarios may add their own tags;
 * a tag name is any other non-empty string.
 */
export const SYSTEM_TAGS = Object.freeze([
  'scenario',
  'name',
  'method',
  'status',
  'expected_response',
  'error_class',
  'check',
] as const);

/** A tag launchday sets itself; see {@link SYSTEM_TAGS}. */
export type SystemTag = (typeof SYSTEM_TAGS)[number];

/** The name of a tag on a series: a {@link SystemTag} or a user tag. */
export type TagName = SystemTag | (string & {});
