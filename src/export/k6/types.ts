/**
 * The contracts of the k6 export: the k6 `options` it writes (the subset of k6's options
 * launchday maps to), the configuration the k6 adapter runs the scenario with, and what a
 * mapping step returns.
 */
import type { StatusRange } from '../../http/types.js';
import type { ThresholdSpec } from '../../metrics/threshold-types.js';

/** One stage of a k6 ramping executor: `target` (an integer) reached linearly over `duration`. */
export interface K6Stage {
  readonly target: number;
  readonly duration: string;
}

/** What every k6 scenario has; `exec` names the exported function running the journey. */
interface K6ScenarioBase {
  readonly exec: string;
  readonly startTime: string;
  readonly gracefulStop: string;
  readonly tags?: Readonly<Record<string, string>>;
}

/** k6's `constant-arrival-rate`: `rate` iterations per `timeUnit`. */
export interface K6ConstantArrivalRate extends K6ScenarioBase {
  readonly executor: 'constant-arrival-rate';
  readonly rate: number;
  readonly timeUnit: string;
  readonly duration: string;
  readonly preAllocatedVUs: number;
  readonly maxVUs: number;
}

/** k6's `ramping-arrival-rate`: from `startRate` through `stages`, per `timeUnit`. */
export interface K6RampingArrivalRate extends K6ScenarioBase {
  readonly executor: 'ramping-arrival-rate';
  readonly startRate: number;
  readonly timeUnit: string;
  readonly stages: readonly K6Stage[];
  readonly preAllocatedVUs: number;
  readonly maxVUs: number;
}

/** k6's `constant-vus`. */
export interface K6ConstantVus extends K6ScenarioBase {
  readonly executor: 'constant-vus';
  readonly vus: number;
  readonly duration: string;
}

/** k6's `ramping-vus`. */
export interface K6RampingVus extends K6ScenarioBase {
  readonly executor: 'ramping-vus';
  readonly startVUs: number;
  readonly stages: readonly K6Stage[];
  readonly gracefulRampDown: string;
}

/** One entry of k6's `options.scenarios`. */
export type K6Scenario =
  | K6ConstantArrivalRate
  | K6RampingArrivalRate
  | K6ConstantVus
  | K6RampingVus;

/** The k6 `options` an exported script declares. */
export interface K6Options {
  readonly scenarios: Readonly<Record<string, K6Scenario>>;
  /** Copied from the scenario: the syntax is k6's. */
  readonly thresholds: ThresholdSpec;
  /** Test-wide tags (the scenario's and `--tag`). */
  readonly tags: Readonly<Record<string, string>>;
  readonly userAgent: string;
  readonly discardResponseBodies: boolean;
  /** The summary's trend stats: k6's default plus p(99), which launchday reports. */
  readonly summaryTrendStats: readonly string[];
}

/** How the adapter numbers and seeds the iterations of one workload in k6. */
export interface K6WorkloadRuntime {
  /** The workload's name (the key in `options.scenarios` too). */
  readonly name: string;
  /** The exported function k6 calls for an iteration (`exec`). */
  readonly exec: string;
  /** True for VU models: iterations are numbered per VU, and the VU joins the seed. */
  readonly iterationsPerVu: boolean;
}

/**
 * What the k6 adapter runs the scenario with, embedded in the script as JSON: the values
 * resolved at export time, since k6 has no `--param` or `--seed`.
 */
export interface K6RuntimeConfig {
  readonly scenario: string;
  readonly baseUrl: string | undefined;
  readonly seed: number;
  readonly params: Readonly<Record<string, string | number | boolean>>;
  readonly workloads: readonly K6WorkloadRuntime[];
  /** The default request timeout, ms (launchday's `http.timeoutMs`). */
  readonly timeoutMs: number;
  /** The statuses counted as expected, as the scenario's `http.expectedStatuses`. */
  readonly expectedStatuses: ReadonlyArray<number | StatusRange>;
}
