import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import type { PanelBuilder as TimeSeriesBuilder } from '@grafana/grafana-foundation-sdk/timeseries';
import { launchdayDashboard } from './dashboard.js';
import { passFailTimeline, timeSeries } from './panels.js';
import { aggregate, BY_SCENARIO, BY_TESTID, quantile, rate, series, sumBy } from './promql.js';
import { scenarioVariable, testidVariable } from './variables.js';

/** The uid of the "Launch rehearsal" dashboard (the stack's home dashboard). */
export const REHEARSAL_UID = 'launchday-rehearsal';

/** A runner series of the picked runs and scenarios. */
function run(metric: string, ...matchers: readonly string[]): string {
  return series(metric, BY_TESTID, BY_SCENARIO, ...matchers);
}

/** Iterations per second: Grafana has no unit for them. */
const ITERATIONS_PER_SECOND = 'suffix: it/s';

function loadPanels() {
  return [
    timeSeries({
      title: 'Target vs achieved arrival rate',
      description:
        'Planned arrival rate (launchday_target_rate; planned VUs for VU executors) against ' +
        'iterations started per second; completed iterations (k6_iterations_total) show on k6 ' +
        'runs too. A gap means the runner could not keep up: see dropped iterations.',
      unit: ITERATIONS_PER_SECOND,
      queries: [
        { expr: sumBy(['scenario'], run('launchday_target_rate')), legend: '{{scenario}} target' },
        {
          expr: sumBy(['scenario'], rate(run('launchday_iterations_started_total'))),
          legend: '{{scenario}} started',
        },
        {
          expr: sumBy(['scenario'], rate(run('k6_iterations_total'))),
          legend: '{{scenario}} completed',
        },
      ],
    }),
    timeSeries({
      title: 'Dropped iterations',
      description: 'Iterations not started because the in-flight limit was reached, per second.',
      unit: ITERATIONS_PER_SECOND,
      queries: [
        {
          expr: sumBy(['scenario'], rate(run('k6_dropped_iterations_total'))),
          legend: '{{scenario}}',
        },
      ],
    }),
    timeSeries({
      title: 'Iterations in flight',
      description: 'Iterations running at the end of each second (launchday runs only).',
      unit: 'short',
      queries: [
        {
          expr: sumBy(['scenario'], run('launchday_iterations_in_flight')),
          legend: '{{scenario}}',
        },
      ],
    }),
    timeSeries({
      title: 'VUs',
      description: 'Most iterations running at once in each second (k6_vus), and the VU limit.',
      unit: 'short',
      queries: [
        { expr: sumBy([], series('k6_vus', BY_TESTID)), legend: 'vus' },
        { expr: sumBy([], series('k6_vus_max', BY_TESTID)), legend: 'vus_max' },
      ],
    }),
  ];
}

function requestPanels() {
  return [
    timeSeries({
      title: 'Request rate by request name',
      description: 'HTTP requests completed per second (k6_http_reqs_total), by request name.',
      unit: 'reqps',
      queries: [{ expr: sumBy(['name'], rate(run('k6_http_reqs_total'))), legend: '{{name}}' }],
    }),
    timeSeries({
      title: 'Errors by class',
      description:
        'Failed requests per second (expected_response="false") by error_class: timeout, ' +
        'connect, reset, dns, body_too_large, headers_too_large, http_4xx, http_5xx, other. ' +
        'k6 runs have no class: one series.',
      unit: 'reqps',
      queries: [
        {
          expr: sumBy(
            ['error_class'],
            rate(run('k6_http_reqs_total', 'expected_response="false"')),
          ),
          legend: '{{error_class}}',
        },
      ],
    }),
  ];
}

function latencyByName(q: number, label: string): TimeSeriesBuilder {
  return timeSeries({
    title: `Latency ${label} by request name`,
    description:
      `${label} of http_req_duration (from each request's planned start) by request name, ` +
      'from the native histogram k6_http_req_duration_seconds.',
    unit: 's',
    span: 8,
    queries: [
      {
        expr: quantile(q, ['name'], run('k6_http_req_duration_seconds')),
        legend: `{{name}} ${label}`,
      },
    ],
  });
}

function outcomePanels() {
  return [
    timeSeries({
      title: 'Checks',
      description: 'Share of each check that passed so far in the run (k6_checks_rate).',
      unit: 'percentunit',
      min: 0,
      max: 1,
      queries: [{ expr: aggregate('avg', ['check'], run('k6_checks_rate')), legend: '{{check}}' }],
    }),
    passFailTimeline({
      title: 'Thresholds',
      description:
        'Each threshold over time: ok while it holds, failing while it does not ' +
        '(launchday_threshold_ok; launchday runs only).',
      unit: 'short',
      queries: [
        {
          // min: with several runs picked, a threshold failing in any of them shows as failing.
          expr: aggregate(
            'min',
            ['metric', 'threshold'],
            series('launchday_threshold_ok', BY_TESTID),
          ),
          legend: '{{metric}}: {{threshold}}',
        },
      ],
    }),
  ];
}

/**
 * "Launch rehearsal": the runner's view of a run, by testid and scenario. Its core panels read
 * only k6's remote-write names, so it works on k6 runs; the launchday_* panels (target rate,
 * in flight, thresholds) stay empty there. Built anew on every call.
 */
export function launchRehearsalDashboard(): Dashboard {
  return launchdayDashboard({
    uid: REHEARSAL_UID,
    title: 'Launch rehearsal',
    description: 'A launchday (or k6) run live: arrival rate, latency, errors, checks, thresholds.',
    variables: [testidVariable('k6_http_reqs_total'), scenarioVariable()],
    rows: [
      { title: 'Load', panels: loadPanels() },
      { title: 'Requests', panels: requestPanels() },
      {
        title: 'Latency',
        panels: [latencyByName(0.5, 'p50'), latencyByName(0.95, 'p95'), latencyByName(0.99, 'p99')],
      },
      { title: 'Checks and thresholds', panels: outcomePanels() },
    ],
  });
}
