import type { ExecutionSegment, ExecutorConfig, ExecutorPlan } from '../executors/index.js';
import type { HttpOptions } from '../http/index.js';
import type { ThresholdDefinition, ThresholdSpec } from '../metrics/threshold-types.js';
import type { Tags } from '../metrics/types.js';
import type { ParamSpecs, ParamValues, ScenarioCompare } from '../scenario/index.js';

/**
 * What a user asks of a run, from CLI flags or the programmatic API, before it is merged with the
 * scenario and the environment. Every field is optional: unset ones fall back to
 * `LAUNCHDAY_*` environment variables, then to the scenario, then to the defaults.
 */
export interface RunOptions {
  /** Where relative URLs go; overrides the scenario's `baseUrl`. */
  baseUrl?: string;
  /** `--param key=value` pairs, as strings; parsed against the scenario's param specs. */
  params?: Readonly<Record<string, string>>;
  /** Test-wide tags added to every metric, e.g. `{ testid: 'pr-123' }`. */
  tags?: Readonly<Record<string, string>>;
  /** The seed of every random choice (faker data, Poisson arrivals). */
  seed?: number;
  /** Worker threads generating load; default one per core. */
  workers?: number;
  /** Where run folders are written; default `reports`. */
  outDir?: string;
  /** Also write the summary in k6's `--summary-export` layout to this file. */
  summaryExport?: string;
  /** Hosts other than loopback that the run may send requests to. */
  allowHosts?: readonly string[];
  /**
   * The generator's memory limit (resident memory of the process), bytes or a size such as
   * '2GB'; near it the memory watchdog stops the run with status `aborted`. Default 90% of the
   * memory available to the process.
   */
  maxMemory?: string | number;
  /**
   * This instance's execution segment, `I/N` (or k6's `FROM:TO` fractions of one N-th): N
   * instances with segments 1/N … N/N together drive exactly the planned load. Default 1/1.
   */
  segment?: string;
  /**
   * When the load starts, an ISO time (e.g. `2026-12-04T20:00:00Z`): the instances of a
   * segmented run start together. Default: as soon as setup is done.
   */
  startAt?: string;
  /**
   * The target's Prometheus page, read once a second while the load runs (the service's side
   * in result.json): a URL, or false to read none. Default: `<baseUrl>/metrics` when it
   * answers in Prometheus' text format.
   */
  targetMetrics?: string | false;
  /** Series of the target's page to keep besides the standard ones (`--target-metric`). */
  targetMetricNames?: readonly string[];
  /**
   * Per workload name: an executor config that replaces the scenario's, or null to leave the
   * workload out (capacity search drives one workload with its own load levels this way).
   */
  workloads?: Readonly<Record<string, ExecutorConfig | null>>;
}

/** A workload ready to run: its name, validated plan and tags. */
export interface ResolvedWorkload {
  readonly name: string;
  readonly plan: ExecutorPlan;
  readonly tags: Tags;
}

/** A run's whole configuration, merged and validated, frozen; plain data. */
export interface ResolvedRun {
  readonly scenario: {
    readonly name: string;
    readonly description?: string;
    readonly file: string;
    readonly bundleFile: string;
  };
  readonly baseUrl: string | undefined;
  readonly params: ParamValues<ParamSpecs>;
  readonly tags: Tags;
  readonly seed: number;
  readonly workers: number;
  readonly outDir: string;
  readonly summaryExport: string | undefined;
  readonly allowedHosts: readonly string[];
  /** The generator's memory limit in bytes (see {@link RunOptions.maxMemory}). */
  readonly maxMemoryBytes: number;
  readonly http: HttpOptions;
  readonly workloads: readonly ResolvedWorkload[];
  /** The part of the run this instance drives (1/1: all of it). */
  readonly segment: ExecutionSegment;
  /** When the load starts (epoch ms), or undefined for as soon as setup is done. */
  readonly startAtMs: number | undefined;
  /**
   * The target's page to read while the load runs, and the extra series to keep; `optional`
   * when it was not asked for but guessed beside the base URL (then a first reading that fails
   * stops the reading, with a note). Null: read none.
   */
  readonly serviceMetrics: {
    readonly url: string;
    readonly extra: readonly string[];
    readonly optional: boolean;
  } | null;
  readonly thresholdSpec: ThresholdSpec;
  readonly thresholds: readonly ThresholdDefinition[];
  /**
   * The scenario's `compare` block as written (`{}` without one): what `launchday compare`
   * reads back from result.json `config.compare`, and validates there.
   */
  readonly compare: ScenarioCompare;
  /** When the last workload stops scheduling, in ms after the start (without gracefulStop). */
  readonly durationMs: number;
  /** The longest the run can take: the latest workload end plus its gracefulStop. */
  readonly maxDurationMs: number;
}
