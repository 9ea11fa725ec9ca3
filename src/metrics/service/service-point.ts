import type { ServicePoint } from '../../core/result.js';
import type { Exposition, ExpositionSample } from './exposition.js';

/** A /metrics page and when it was read (epoch ms). */
export interface ServiceReading {
  readonly atMs: number;
  readonly page: Exposition;
}

/** The quantile every percentile of the service's side is. */
const Q = 0.99;

/**
 * The second between two readings of the service's /metrics as a {@link ServicePoint}:
 * counters as rates over the time between the readings (null across a counter reset, when a
 * process restarted), gauges as the later reading's, histograms' p99 from their buckets'
 * growth. `loadStartMs` places it on the run's time axis; `extra` names the
 * `--target-metric` series.
 */
export function servicePoint(
  from: ServiceReading,
  to: ServiceReading,
  loadStartMs: number,
  extra: readonly string[],
): ServicePoint {
  const seconds = (to.atMs - from.atMs) / 1000;
  const rate = (name: string) => rateOf(from.page, to.page, name, seconds);
  const p99 = (name: string) => quantileOf(from.page, to.page, name, Q);
  const inMs = (value: number | null) => (value === null ? null : value * 1000);
  return {
    t: (to.atMs - loadStartMs) / 1000,
    cpuCores: rate('process_cpu_seconds_total'),
    residentBytes: sumOf(to.page, 'process_resident_memory_bytes'),
    eventLoopUtilization: meanOf(to.page, 'nodejs_eventloop_utilization'),
    eventLoopLagP99Ms: inMs(maxOf(to.page, 'nodejs_eventloop_lag_p99_seconds')),
    inFlight: sumOf(to.page, 'http_requests_in_flight'),
    shedPerSecond: rate('http_requests_shed_total'),
    jobQueueDepth: sumOf(to.page, 'feed_jobs_queue_depth'),
    jobWaitP99Ms: inMs(p99('feed_job_wait_seconds')),
    extra: Object.fromEntries(
      extra.map((name) => {
        const type = to.page.types.get(name);
        if (type === 'counter') return [name, rate(name)];
        if (type === 'histogram') return [name, p99(name)];
        return [name, sumOf(to.page, name)];
      }),
    ),
  };
}

function valuesOf(page: Exposition, name: string): number[] | null {
  const samples = page.samples.get(name);
  if (samples === undefined || samples.length === 0) return null;
  return samples.map((sample) => sample.value);
}

/** The sum of a series' samples; null when the page has none. */
function sumOf(page: Exposition, name: string): number | null {
  return valuesOf(page, name)?.reduce((sum, value) => sum + value, 0) ?? null;
}

function meanOf(page: Exposition, name: string): number | null {
  const values = valuesOf(page, name);
  return values === null ? null : values.reduce((sum, value) => sum + value, 0) / values.length;
}

function maxOf(page: Exposition, name: string): number | null {
  const values = valuesOf(page, name);
  return values === null ? null : Math.max(...values);
}

function rateOf(from: Exposition, to: Exposition, name: string, seconds: number): number | null {
  const before = sumOf(from, name);
  const after = sumOf(to, name);
  if (before === null || after === null || after < before || !(seconds > 0)) return null;
  return (after - before) / seconds;
}

/**
 * The `q` quantile of what histogram `name` observed between two pages, summed over its label
 * sets, interpolated within the bucket it falls in as Prometheus' `histogram_quantile` does;
 * null without buckets or observations, or across a reset.
 */
function quantileOf(from: Exposition, to: Exposition, name: string, q: number): number | null {
  const after = bucketsOf(to.samples.get(`${name}_bucket`));
  const before = bucketsOf(from.samples.get(`${name}_bucket`));
  const growth = [...after].map(([le, count]) => [le, count - (before.get(le) ?? 0)] as const);
  growth.sort(([a], [b]) => a - b);
  const total = growth.at(-1)?.[1] ?? 0;
  if (!(total > 0) || growth.some(([, count]) => count < 0)) return null;
  const rank = q * total;
  let lower = 0;
  let below = 0;
  for (const [le, count] of growth) {
    if (count >= rank) {
      if (le === Number.POSITIVE_INFINITY) return lower;
      return lower + ((le - lower) * (rank - below)) / Math.max(count - below, 1e-12);
    }
    lower = le;
    below = count;
  }
  return lower;
}

/** Cumulative counts by upper bound, summed over the label sets. */
function bucketsOf(samples: readonly ExpositionSample[] | undefined): Map<number, number> {
  const buckets = new Map<number, number>();
  for (const { labels, value } of samples ?? []) {
    const le = labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(labels.le);
    if (Number.isNaN(le)) continue;
    buckets.set(le, (buckets.get(le) ?? 0) + value);
  }
  return buckets;
}
