/**
 * The versioned result of a run: what `launchday run` writes as result.json, and what reports,
 * `compare` and `capacity` read back. Everything in it is plain JSON. Times are ISO strings or
 * milliseconds; latencies in summaries are milliseconds; histograms are HdrHistogram V2
 * encodings of microseconds. schemas/result.schema.json documents it as a JSON Schema.
 */

import type { ServiceSide } from './service-side.js';

export type { ServicePoint, ServiceSide } from './service-side.js';

/** The version of the {@link RunResult} layout this launchday writes and reads. */
export const RESULT_SCHEMA_VERSION = 4;

/**
 * How a run ended. `consistency-failed`: the target lost writes it had acknowledged (see
 * {@link ConsistencyOutcome}); it outranks a failed threshold, as lost data is worse than slow.
 * `aborted`: the generator stopped the run to protect itself (its memory watchdog) or lost a
 * worker thread; `stopReason` says which, and the result holds what was measured until then.
 */
export type RunStatus =
  | 'passed'
  | 'thresholds-failed'
  | 'aborted-by-threshold'
  | 'aborted'
  | 'consistency-failed'
  | 'interrupted';

/** Latency percentiles in milliseconds. */
export interface LatencyStats {
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** One second of the run: the per-second series that reports and live outputs chart. */
export interface IntervalPoint {
  /** Seconds since the run's start (interval i covers [i, i+1)). */
  t: number;
  /** Requests that completed in the interval, and how many of them failed. */
  requests: number;
  failed: number;
  /** Latency (`http_req_duration`) of the interval's requests, all names together. */
  latency: LatencyStats;
  /** Per request name: count, failures and latency in the interval. */
  byName: Record<string, { requests: number; failed: number } & LatencyStats>;
  /** Failed requests by error class in the interval. */
  errors: Record<string, number>;
  /** Per workload: planned and achieved start rate (iterations/s), drops, in flight, VUs. */
  workloads: Record<string, WorkloadPoint>;
  /** Bytes sent and received in the interval. */
  dataSent: number;
  dataReceived: number;
  /** How well the generator kept its schedule in the interval. */
  generator: { schedulerLagP99Ms: number; eventLoopUtilization: number };
}

/** One workload in one second. */
export interface WorkloadPoint {
  /** The planned arrival rate (iterations/s) or VU count at the end of the interval. */
  target: number;
  /** Iterations started in the interval: the achieved arrival rate. */
  started: number;
  dropped: number;
  inFlight: number;
  vus: number;
  journeyErrors: number;
}

/** A metric series with its aggregate over the whole run; trends keep their histogram. */
export type SeriesResult =
  | { metric: string; tags: Record<string, string>; kind: 'trend'; histogram: string }
  | { metric: string; tags: Record<string, string>; kind: 'counter'; count: number }
  | { metric: string; tags: Record<string, string>; kind: 'rate'; passes: number; total: number }
  | { metric: string; tags: Record<string, string>; kind: 'gauge'; value: number; max: number };

/**
 * The run's series second by second: what `compare` resamples (a block bootstrap over seconds)
 * to say how sure a difference between runs is.
 */
export interface RunSlices {
  /**
   * Slice i covers [i, i+1) s after the run's start, as `intervals` do; every array below has
   * this length.
   */
  count: number;
  /**
   * One entry per trend, counter or rate series that recorded anything during the run (same
   * metric and tags as in `series`); gauges are left out.
   */
  series: SliceSeries[];
}

/**
 * One series' deltas per second: a trend's histogram (HdrHistogram V2 base64, microseconds) of
 * the second's samples, null when it had none; a counter's count; a rate's passes and total.
 * Seconds in which the series recorded nothing hold null or 0.
 */
export type SliceSeries =
  | { metric: string; tags: Record<string, string>; kind: 'trend'; histograms: (string | null)[] }
  | { metric: string; tags: Record<string, string>; kind: 'counter'; counts: number[] }
  | {
      metric: string;
      tags: Record<string, string>;
      kind: 'rate';
      passes: number[];
      totals: number[];
    };

/** The aggregate of one metric or sub-metric over the run, in k6's summary terms. */
export type MetricSummary =
  | ({
      kind: 'trend';
      count: number;
      avg: number;
      min: number;
      med: number;
      'p(99.9)': number;
    } & Omit<LatencyStats, 'p50'>)
  | { kind: 'counter'; count: number; rate: number }
  | { kind: 'rate'; rate: number; passes: number; fails: number }
  | { kind: 'gauge'; value: number; max: number };

/** One row of the per-request-name table. */
export interface RequestSummary extends LatencyStats {
  name: string;
  count: number;
  /** Requests per second over the run. */
  rate: number;
  'p99.9': number;
  failed: number;
  /** Failed requests by error class. */
  errors: Record<string, number>;
}

/** One threshold expression and its verdict. */
export interface ThresholdOutcome {
  /** The metric key as written, e.g. `http_req_duration{name:feed}`. */
  metric: string;
  expression: string;
  ok: boolean;
  /** The value compared, or null when the metric had no data. */
  observed: number | null;
  abortOnFail: boolean;
}

/** One check and how often it passed. */
export interface CheckOutcome {
  workload: string;
  name: string;
  passes: number;
  fails: number;
}

/** Whether the generator kept its schedule well enough for the figures to be trusted. */
export interface GeneratorHealth {
  valid: boolean;
  /** Why not, in sentences a user acts on; empty when valid. */
  reasons: string[];
  schedulerLagP99Ms: number;
  maxEventLoopUtilization: number;
  workers: number;
}

/**
 * The writes of one kind that the target acknowledged during the run, as journeys recorded them
 * with `ctx.recordWrite(kind, id)`.
 */
export interface WriteLogEntry {
  /** How many were recorded, over all worker threads. */
  count: number;
  /**
   * Ids of some of them, for a consistency check to look up: a uniform sample (reservoir) of up
   * to 500 per worker thread, all of them when fewer were recorded.
   */
  sample: string[];
}

/** One kind of write in a {@link ConsistencyOutcome}. */
export interface ConsistencyKind {
  /** The kind, as journeys recorded it and the target counts it (`users`, `posts`, ...). */
  kind: string;
  /** Writes of this kind the target acknowledged during the run. */
  acknowledged: number;
  /** How much the target's own count of this kind grew over the run; null when not counted. */
  stored: number | null;
  /** How many acknowledged ids were looked up in the target. */
  sampled: number;
  /** The looked-up ids the target did not have. */
  missing: string[];
}

/**
 * Whether the target kept every write it acknowledged, checked after the run (`launchday
 * rehearse`): the growth of its counts against the acknowledged writes, and a sample of the
 * acknowledged ids looked up one by one.
 */
export interface ConsistencyOutcome {
  ok: boolean;
  /** When the check ran (ISO time). */
  checkedAt: string;
  kinds: ConsistencyKind[];
  /** Every loss found, a sentence each naming what is missing; empty when ok. */
  problems: string[];
}

/** The machine and software that ran the generator. */
export interface Environment {
  launchdayVersion: string;
  node: string;
  platform: string;
  arch: string;
  cpuModel: string;
  cpus: number;
  totalMemoryBytes: number;
  hostname: string;
}

/** One instance of a merged run: its segment, its own run and how its generator did. */
export interface MergedSegment {
  /** The execution segment it drove (`--segment I/N`). */
  segment: { index: number; count: number };
  runId: string;
  /** The machine it ran on (`environment.hostname`). */
  hostname: string;
  status: RunStatus;
  stopReason?: string;
  /** When its load started (ISO time). */
  loadStartedAt: string;
  generator: GeneratorHealth;
}

/** What result.json holds. */
export interface RunResult {
  schemaVersion: typeof RESULT_SCHEMA_VERSION;
  runId: string;
  scenario: { name: string; description?: string; file: string };
  status: RunStatus;
  /** Why the run stopped early, when it did. */
  stopReason?: string;
  startedAt: string;
  /**
   * When the load started (ISO time), after setup: interval and slice 0 begin here. Absent in
   * results written before `launchday merge`, which then aligns on `config.startAtMs` or
   * `startedAt`.
   */
  loadStartedAt?: string;
  endedAt: string;
  durationMs: number;
  /**
   * The instances whose segments `launchday merge` merged into this result, in segment order;
   * absent in the result of one instance.
   */
  mergedFrom?: MergedSegment[];
  /** The resolved configuration: options, params, tags and every workload's plan. */
  config: unknown;
  environment: Environment;
  generator: GeneratorHealth;
  summary: {
    metrics: Record<string, MetricSummary>;
    requests: RequestSummary[];
  };
  thresholds: ThresholdOutcome[];
  checks: CheckOutcome[];
  /** The first journey errors, for the log. */
  journeyErrors: string[];
  intervals: IntervalPoint[];
  series: SeriesResult[];
  /**
   * Per-second deltas of the run's series: what `compare` resamples (block bootstrap over
   * seconds); null in results upgraded from version 2.
   */
  slices: RunSlices | null;
  /** Acknowledged writes by kind (`ctx.recordWrite`); empty when the journeys recorded none. */
  writes: Record<string, WriteLogEntry>;
  /** The consistency check after the run, or null when none ran (`launchday run`). */
  consistency: ConsistencyOutcome | null;
  /**
   * What the target's /metrics said while the load ran (`--target-metrics`, or found beside
   * the base URL); null when none was read: turned off, no base URL, or a merged result.
   */
  service: ServiceSide | null;
}
