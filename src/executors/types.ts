/**
 * The contracts of the executors: the author-facing config shapes shared by several load
 * models, the pure plans (plain data: they go into result.json and across worker threads), and
 * the runtimes the engine drives.
 */
import type { z } from 'zod';
import type { Issue } from '../core/errors.js';

/** The name of a load model, as a scenario writes it in `executor.type`. */
export type ExecutorType =
  | 'constant-arrival-rate'
  | 'ramping-arrival-rate'
  | 'step-arrival-rate'
  | 'curve-replay'
  | 'constant-vus'
  | 'ramping-vus';

/**
 * How arrival-rate iterations are spread in time: `uniform` starts them at exactly even
 * intervals (as k6 does); `poisson` draws exponential gaps at the same mean rate, like
 * independent users arriving.
 */
export type ArrivalDistribution = 'uniform' | 'poisson';

/** Options every executor takes (k6's common scenario options). */
export interface BaseExecutorConfig {
  /** When the workload begins, counted from the start of the run (k6 `startTime`). Default '0s'. */
  startTime?: string;
  /**
   * How long iterations still running at the end (or at a stop) may take to finish before
   * they are interrupted (k6 `gracefulStop`). Default '30s'.
   */
  gracefulStop?: string;
}

/** Options every arrival-rate (open-model) executor takes. */
export interface ArrivalRateExecutorConfig extends BaseExecutorConfig {
  /** The period `rate` (or a stage target) counts iterations in (k6 `timeUnit`). Default '1s'. */
  timeUnit?: string;
  /** How iterations are spread in time. Default 'uniform'. */
  arrivals?: ArrivalDistribution;
  /**
   * The most iterations running at once (replaces k6's `maxVUs`). When it is reached a new
   * iteration is dropped and counted in `dropped_iterations`, never delayed. Default 1000.
   */
  maxInFlight?: number;
}

/** One stage of a ramping executor: move linearly to `target` over `duration`. */
export interface Stage {
  /** The rate (per `timeUnit`) or VU count reached at the end of the stage. */
  target: number;
  /** How long the linear ramp to `target` takes, e.g. '30s'; '0s' jumps at once. */
  duration: string;
}

/** One linear piece of a rate profile, in iterations per second. */
export interface RateSegment {
  /** Offset from the workload's start, in ms. */
  readonly startMs: number;
  /** Length of the piece in ms (may be 0). */
  readonly durationMs: number;
  /** Rate at `startMs`, iterations/s. */
  readonly fromRate: number;
  /** Rate at `startMs + durationMs`, iterations/s. */
  readonly toRate: number;
}

/** A piecewise-linear rate: contiguous segments starting at 0, any number of them. */
export interface RateProfile {
  readonly segments: readonly RateSegment[];
}

/** One linear piece of a VU-count profile. */
export interface VuSegment {
  /** Offset from the workload's start, in ms. */
  readonly startMs: number;
  /** Length of the piece in ms; 0 means the count jumps to `to` at `startMs`. */
  readonly durationMs: number;
  /** VUs at `startMs`. */
  readonly from: number;
  /** VUs at `startMs + durationMs`. */
  readonly to: number;
}

/** One stage of a plan, for humans: what `launchday validate` prints. */
export interface PlanStage {
  readonly startMs: number;
  readonly durationMs: number;
  readonly from: number;
  readonly to: number;
  readonly unit: 'iterations/s' | 'VUs';
}

/** What every plan says. All times are ms. */
export interface PlanBase {
  readonly type: ExecutorType;
  /** When the workload begins, from the start of the run. */
  readonly startTimeMs: number;
  /** Scheduling time, without gracefulStop. */
  readonly durationMs: number;
  /** How long in-flight iterations may run on after scheduling ends. */
  readonly gracefulStopMs: number;
  readonly stages: readonly PlanStage[];
}

/** The plan of an open-model executor: iterations start at a planned rate. */
export interface ArrivalRatePlan extends PlanBase {
  readonly model: 'arrival-rate';
  /** The planned rate, iterations/s, over `[0, durationMs)`. */
  readonly rate: RateProfile;
  readonly arrivals: ArrivalDistribution;
  /** The most iterations running at once, over all worker threads. */
  readonly maxInFlight: number;
  /** The integral of the rate, rounded down (as k6 counts); the uniform schedule starts exactly these. */
  readonly plannedIterations: number;
}

/** The plan of a closed-model executor: VUs run iterations back to back. */
export interface VusPlan extends PlanBase {
  readonly model: 'vus';
  /** The planned VU count, contiguous segments from 0 to `durationMs`. */
  readonly vus: readonly VuSegment[];
  /** The most VUs active at once, over all worker threads. */
  readonly maxVUs: number;
  /** How long a ramped-down VU may finish its iteration (ramping-vus only). */
  readonly gracefulRampDownMs?: number;
}

/** A validated, planned executor: pure, serializable data. */
export type ExecutorPlan = ArrivalRatePlan | VusPlan;

/** Which part of a workload one worker thread runs. */
export interface WorkerShare {
  /** This worker's index, 0-based, below `workerCount`. */
  readonly workerIndex: number;
  /** How many worker threads share the workload (at least 1). */
  readonly workerCount: number;
  /** The run's seed; poisson arrivals derive their stream from it and `workerIndex`. */
  readonly seed: number;
}

/** Supplied by the engine: runs one iteration of the workload's journey. Never rejects. */
export interface IterationStarter {
  /**
   * Runs iteration `iteration` on VU `vu` (1-based), planned at `plannedAt` (epoch ms); without
   * `plannedAt` (closed-loop models) the iteration is planned for the moment it starts.
   */
  run(vu: number, iteration: number, plannedAt?: number): Promise<void>;
  /** An arrival-rate iteration planned at `plannedAt` was dropped: maxInFlight was reached. */
  dropped(plannedAt: number): void;
}

/** What `done` resolves with. */
export interface RuntimeOutcome {
  /** Iterations still running when gracefulStop ran out (the engine interrupts them). */
  readonly interrupted: number;
}

/**
 * Schedules one worker's share of one workload: the "when" of iterations; the engine's
 * {@link IterationStarter} is the "what". Figures are this worker's: summed over all workers
 * they give the plan's.
 */
export interface ExecutorRuntime {
  /**
   * Begins scheduling. `runStartAt` is the epoch ms of the run's time zero, the same for every
   * workload and worker: the runtime adds the plan's `startTimeMs` itself, so iteration `k`
   * planned at offset `t` is planned at `runStartAt + startTimeMs + t`. Called once.
   */
  start(runStartAt: number): void;
  /** Stops starting new iterations (SIGINT, abortOnFail, or the end of the plan). Idempotent. */
  stop(): void;
  /**
   * Stops at once, without gracefulStop: `done` resolves now, counting every iteration still
   * running as interrupted (the memory watchdog). Idempotent; also after {@link stop}.
   */
  abort(): void;
  /**
   * Resolves when scheduling has ended and in-flight iterations have finished, or when
   * gracefulStop has passed after the end (then `interrupted` counts the unfinished ones).
   */
  readonly done: Promise<RuntimeOutcome>;
  /** Iterations running now. */
  readonly inFlight: number;
  /**
   * VU models: VUs active now (a ramped-down VU finishing its iteration counts until
   * gracefulRampDown runs out). Arrival-rate models: VU ids in use, one per running iteration.
   */
  readonly activeVUs: number;
}

/** What validating and planning an executor config gives: a plan, or every problem found. */
export type PlanOutcome =
  | { readonly ok: true; readonly plan: ExecutorPlan }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** One load model, as the registry knows it. */
export interface ExecutorDefinition {
  readonly type: ExecutorType;
  /** The config schema (zod 4, strict), e.g. for JSON-schema export. */
  readonly schema: z.ZodObject;
  /** The keys the config takes, for hints: `type, rate, stages: [{ target, duration }], …`. */
  readonly keys: string;
  /** Validates an author's `config` and plans it; issue paths are under `path`. Pure. */
  plan(config: unknown, path: string): PlanOutcome;
}
