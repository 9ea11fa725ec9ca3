import type { Dashboard } from '@grafana/grafana-foundation-sdk/dashboard';
import { launchdayDashboard } from './dashboard.js';
import { timeSeries } from './panels.js';
import { duringRun, quantile, rate, series, sumBy } from './promql.js';
import { TARGET_SCRAPE_JOB } from './stack.js';
import type { PanelSpec } from './types.js';
import { testidVariable } from './variables.js';

/** The uid of the "Feed service" dashboard. */
export const FEED_SERVICE_UID = 'launchday-feed-service';

/** A series of the feed service, as Prometheus scrapes it. */
function target(metric: string, ...matchers: readonly string[]): string {
  return series(metric, `job="${TARGET_SCRAPE_JOB}"`, ...matchers);
}

/** A time series panel whose every query shows only while a picked run goes. */
function duringRunPanel(spec: PanelSpec) {
  return timeSeries({
    ...spec,
    queries: spec.queries.map((query) => ({ ...query, expr: duringRun(query.expr) })),
  });
}

/** What {@link p99By} shows: a classic histogram of the feed service, by one label. */
interface P99Spec {
  readonly title: string;
  /** The histogram's name, without `_bucket`. */
  readonly histogram: string;
  readonly label: string;
  /** What is measured, completed in the panel's description by the histogram's name. */
  readonly measures: string;
  readonly span: number;
}

/** A p99 panel of a classic histogram of the feed service, one series per value of a label. */
function p99By({ title, histogram, label, measures, span }: P99Spec) {
  return duringRunPanel({
    title,
    description: `${measures} (p99 of ${histogram}, by ${label}).`,
    unit: 's',
    span,
    queries: [
      {
        expr: quantile(0.99, [label], target(`${histogram}_bucket`)),
        legend: `{{${label}}} p99`,
      },
    ],
  });
}

function redPanels() {
  return [
    duringRunPanel({
      title: 'Request rate by route',
      description: 'Requests answered per second by route template (http_requests_total).',
      unit: 'reqps',
      span: 8,
      queries: [
        { expr: sumBy(['route'], rate(target('http_requests_total'))), legend: '{{route}}' },
      ],
    }),
    duringRunPanel({
      title: '5xx errors by route',
      description: 'Responses with a 5xx status per second, shed ones included.',
      unit: 'reqps',
      span: 8,
      queries: [
        {
          expr: sumBy(['route'], rate(target('http_requests_total', 'status=~"5.."'))),
          legend: '{{route}}',
        },
      ],
    }),
    p99By({
      title: 'Latency p99 by route',
      histogram: 'http_request_duration_seconds',
      label: 'route',
      measures: 'From a request arriving to its response being written',
      span: 8,
    }),
    duringRunPanel({
      title: 'Requests in flight',
      description: 'Requests admitted and not yet answered (http_requests_in_flight).',
      unit: 'short',
      queries: [{ expr: sumBy([], target('http_requests_in_flight')), legend: 'in flight' }],
    }),
    duringRunPanel({
      title: 'Shed requests by reason',
      description: 'Requests answered 503 by admission control per second, by reason.',
      unit: 'reqps',
      queries: [
        { expr: sumBy(['reason'], rate(target('http_requests_shed_total'))), legend: '{{reason}}' },
      ],
    }),
  ];
}

function workPanels() {
  return [
    p99By({
      title: 'Storage latency p99 by operation',
      histogram: 'feed_store_operation_duration_seconds',
      label: 'operation',
      measures: 'Storage operations, ok and failed',
      span: 6,
    }),
    duringRunPanel({
      title: 'Store connections (PostgreSQL)',
      description:
        'Connections of the store pools, in use and idle, and storage operations waiting for one (feed_store_pool_connections, feed_store_pool_waiting); empty on SQLite.',
      unit: 'short',
      span: 6,
      queries: [
        {
          expr: sumBy(['state'], target('feed_store_pool_connections')),
          legend: '{{state}}',
        },
        { expr: sumBy([], target('feed_store_pool_waiting')), legend: 'waiting' },
      ],
    }),
    duringRunPanel({
      title: 'Job queue depth',
      description: 'Jobs waiting in the in-process queue, by kind (feed_jobs_queue_depth).',
      unit: 'short',
      span: 6,
      queries: [{ expr: sumBy(['kind'], target('feed_jobs_queue_depth')), legend: '{{kind}}' }],
    }),
    p99By({
      title: 'Job wait p99',
      histogram: 'feed_job_wait_seconds',
      label: 'kind',
      measures: 'Time a job waited in the queue',
      span: 6,
    }),
    p99By({
      title: 'Job duration p99',
      histogram: 'feed_job_duration_seconds',
      label: 'kind',
      measures: 'Time a job ran, all its batches',
      span: 6,
    }),
  ];
}

function processPanels() {
  return [
    duringRunPanel({
      title: 'Event loop utilization',
      description: 'Share of time the event loop was busy (nodejs_eventloop_utilization).',
      unit: 'percentunit',
      min: 0,
      max: 1,
      queries: [{ expr: target('nodejs_eventloop_utilization'), legend: '{{instance}}' }],
    }),
    duringRunPanel({
      title: 'Event loop lag p99',
      description: 'p99 delay of timers behind schedule (nodejs_eventloop_lag_p99_seconds).',
      unit: 's',
      queries: [{ expr: target('nodejs_eventloop_lag_p99_seconds'), legend: '{{instance}}' }],
    }),
    duringRunPanel({
      title: 'CPU',
      description: 'CPU time per second (process_cpu_seconds_total): 100% is one core busy.',
      unit: 'percentunit',
      queries: [{ expr: rate(target('process_cpu_seconds_total')), legend: '{{instance}}' }],
    }),
    duringRunPanel({
      title: 'Resident memory',
      description: 'Resident set size of the service (process_resident_memory_bytes).',
      unit: 'bytes',
      queries: [{ expr: target('process_resident_memory_bytes'), legend: '{{instance}}' }],
    }),
  ];
}

/**
 * "Feed service": the reference feed service during the picked runs: RED by route, storage,
 * the async job queue, load shedding, event loop, CPU and memory. The service's metrics have
 * no testid, so every query is cut to the time of the runs (see `duringRun`). Built anew on
 * every call.
 */
export function feedServiceDashboard(): Dashboard {
  return launchdayDashboard({
    uid: FEED_SERVICE_UID,
    title: 'Feed service',
    description: 'The reference feed service while a launchday run drives it.',
    variables: [testidVariable('launchday_run_active')],
    rows: [
      { title: 'Requests', panels: redPanels() },
      { title: 'Storage and jobs', panels: workPanels() },
      { title: 'Process', panels: processPanels() },
    ],
  });
}
