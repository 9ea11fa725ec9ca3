import type { IntervalPoint, LatencyStats, WorkloadPoint } from '../core/result.js';
import { HdrHistogram } from './hdr-histogram.js';
import type { IntervalSnapshot, SeriesDelta } from './types.js';

/**
 * Builds the per-second point of interval `index` from the snapshots the workers sent for it.
 * `targets` gives each workload's planned rate or VU count at the end of the interval.
 */
export function buildIntervalPoint(
  index: number,
  snapshots: readonly IntervalSnapshot[],
  targets: Readonly<Record<string, number>>,
): IntervalPoint {
  const point: IntervalPoint = {
    t: index,
    requests: 0,
    failed: 0,
    latency: emptyLatency(),
    byName: {},
    errors: {},
    workloads: {},
    dataSent: 0,
    dataReceived: 0,
    generator: { schedulerLagP99Ms: 0, eventLoopUtilization: 0 },
  };
  const deltas = snapshots.flatMap((snapshot) => snapshot.series);
  addRequests(point, deltas);
  addWorkloads(point, snapshots, targets, deltas);
  const lag = mergeTrend(deltas, 'scheduler_lag');
  point.generator.schedulerLagP99Ms = lag.percentile(99) / 1000;
  point.generator.eventLoopUtilization = Math.max(
    0,
    ...snapshots.map((s) => s.eventLoopUtilization),
  );
  return point;
}

/** Latency percentiles of a microsecond histogram, in milliseconds. */
export function latencyStats(histogram: HdrHistogram): LatencyStats {
  const ms = (p: number) => histogram.percentile(p) / 1000;
  return { p50: ms(50), p90: ms(90), p95: ms(95), p99: ms(99), max: histogram.max / 1000 };
}

function addRequests(point: IntervalPoint, deltas: readonly SeriesDelta[]): void {
  const all = new HdrHistogram();
  const byName = new Map<string, { requests: number; failed: number; histogram: HdrHistogram }>();
  const entry = (name: string) => {
    let found = byName.get(name);
    if (found === undefined) {
      found = { requests: 0, failed: 0, histogram: new HdrHistogram() };
      byName.set(name, found);
    }
    return found;
  };
  for (const delta of deltas) {
    const name = delta.tags.name ?? '';
    if (delta.metric === 'http_req_duration' && delta.kind === 'trend') {
      const histogram = HdrHistogram.fromTransfer(delta.histogram);
      entry(name).histogram.add(histogram);
      all.add(histogram);
    } else if (delta.metric === 'http_req_failed' && delta.kind === 'rate') {
      const found = entry(name);
      found.requests += delta.total;
      found.failed += delta.passes;
      point.requests += delta.total;
      point.failed += delta.passes;
      const errorClass =
        delta.tags.error_class ?? (delta.passes > 0 ? 'unexpected_status' : undefined);
      if (errorClass !== undefined && delta.passes > 0) {
        point.errors[errorClass] = (point.errors[errorClass] ?? 0) + delta.passes;
      }
    } else if (delta.kind === 'counter' && delta.metric === 'data_sent')
      point.dataSent += delta.count;
    else if (delta.kind === 'counter' && delta.metric === 'data_received')
      point.dataReceived += delta.count;
  }
  point.latency = latencyStats(all);
  for (const [name, { requests, failed, histogram }] of byName) {
    point.byName[name] = { requests, failed, ...latencyStats(histogram) };
  }
}

function addWorkloads(
  point: IntervalPoint,
  snapshots: readonly IntervalSnapshot[],
  targets: Readonly<Record<string, number>>,
  deltas: readonly SeriesDelta[],
): void {
  for (const snapshot of snapshots) {
    for (const [name, state] of Object.entries(snapshot.workloads)) {
      const workload = point.workloads[name] ?? emptyWorkload(targets[name] ?? 0);
      point.workloads[name] = workload;
      workload.started += state.started;
      workload.dropped += state.dropped;
      workload.inFlight += state.inFlight;
      workload.journeyErrors += state.journeyErrors;
    }
  }
  for (const delta of deltas) {
    const workload = point.workloads[delta.tags.scenario ?? ''];
    if (delta.metric === 'vus' && delta.kind === 'gauge' && workload) workload.vus += delta.value;
  }
}

function mergeTrend(deltas: readonly SeriesDelta[], metric: string): HdrHistogram {
  const merged = new HdrHistogram();
  for (const delta of deltas) {
    if (delta.metric === metric && delta.kind === 'trend')
      merged.add(HdrHistogram.fromTransfer(delta.histogram));
  }
  return merged;
}

function emptyWorkload(target: number): WorkloadPoint {
  return { target, started: 0, dropped: 0, inFlight: 0, vus: 0, journeyErrors: 0 };
}

function emptyLatency(): LatencyStats {
  return { p50: 0, p90: 0, p95: 0, p99: 0, max: 0 };
}
