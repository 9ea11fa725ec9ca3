/**
 * The contracts of capacity planning (`launchday capacity`): the SLOs a load level must meet,
 * the measured steps of the staircase, the answers computed from them (maximum sustainable
 * rate, knee, Universal Scalability Law fit), the forecast and plan, and the report that
 * capacity.json holds. Rates are per second, latencies in milliseconds, shares in [0, 1].
 */

import type { HdrHistogram } from '../metrics/hdr-histogram.js';

/** One `--slo`: a latency percentile bound or an error-rate bound. */
export type Slo =
  | {
      readonly kind: 'latency';
      /** As the user wrote it, e.g. `p(99)<250ms`. */
      readonly text: string;
      /** 0–100, e.g. 99. */
      readonly percentile: number;
      readonly maxMs: number;
    }
  | {
      readonly kind: 'errors';
      readonly text: string;
      /** The largest share of failed requests allowed, e.g. 0.001 for `http_req_failed<0.1%`. */
      readonly maxRate: number;
    };

/** The target's own resource use during a step, read from its /metrics. */
export interface TargetUsage {
  /** CPU seconds used per second of the step (1 = one core busy). */
  readonly cpuCores: number;
  /** Event-loop utilisation (0–1) at the end of the step, when the target exports it. */
  readonly eventLoopUtilization: number | null;
}

/** One load level, measured over its steady part (its warm-up discarded). */
export interface CapacityStep {
  /** The arrival rate asked for (iterations/s). */
  readonly offered: number;
  /**
   * Iterations completed per second: the rate the service kept up with. Past its capacity the
   * generator still starts every planned iteration, but fewer finish than arrive.
   */
  readonly achieved: number;
  /** Requests completed per second, all names. */
  readonly throughput: number;
  /** Successful requests per second (not failed). */
  readonly goodput: number;
  readonly requests: number;
  readonly failed: number;
  /** failed / requests (0 without requests). */
  readonly errorRate: number;
  /** Iterations dropped (maxInFlight reached). */
  readonly dropped: number;
  /** Latency of all requests, ms, from the planned send time. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Value of each latency SLO's percentile, keyed by the SLO's text. */
  readonly percentilesMs: Readonly<Record<string, number>>;
  /** Requests in the system on average, by Little's law: throughput × mean latency. */
  readonly concurrency: number;
  /** Seconds measured (the step's length without its warm-up). */
  readonly measuredSeconds: number;
  /** Per request name: its rate (requests/s) and p99 (ms). */
  readonly byName: Readonly<Record<string, { readonly rate: number; readonly p99Ms: number }>>;
  /** The target's resource use, or null when it has no /metrics. */
  readonly target: TargetUsage | null;
  /** Whether every SLO held and achieved ≥ 98% of offered. */
  readonly sustainable: boolean;
  /** Why not, a phrase per broken condition; empty when sustainable. */
  readonly broken: readonly string[];
}

/** A Universal Scalability Law fit: X(N) = λN / (1 + σ(N − 1) + κN(N − 1)). */
export interface UslFit {
  readonly lambda: number;
  readonly sigma: number;
  readonly kappa: number;
  /** Standard errors of the three, from the fit's covariance; null when not estimable. */
  readonly stdErr: {
    readonly lambda: number;
    readonly sigma: number;
    readonly kappa: number;
  } | null;
  /** Coefficient of determination of the fit, 0–1. */
  readonly rSquared: number;
  /** The concurrency of peak throughput √((1 − σ)/κ) and X there; null when κ is 0. */
  readonly peak: { readonly concurrency: number; readonly throughput: number } | null;
  /** False when the points cannot support the fit (too few, too narrow, too noisy). */
  readonly supported: boolean;
  /** Why the fit is weak, a sentence each; empty when supported. */
  readonly warnings: readonly string[];
}

/** The knee of the throughput/latency curve: the load level past which latency climbs fast. */
export interface Knee {
  readonly offered: number;
  readonly throughput: number;
  readonly p99Ms: number;
}

/** One overload run: offered a multiple of the maximum sustainable rate. */
export interface OverloadResult {
  /** 2 or 10. */
  readonly multiple: number;
  readonly offered: number;
  readonly achieved: number;
  /** Successful requests per second. */
  readonly goodput: number;
  readonly errorRate: number;
  readonly p99Ms: number;
  /** goodput / the goodput at the maximum sustainable rate. */
  readonly goodputShare: number;
}

/** The demand a launch expects, and the intent for sizing it. */
export interface Forecast {
  readonly demand: SignupCurveDemand | DailyActiveDemand;
  readonly intent: {
    /** The utilisation to plan each instance at, 0–1 (e.g. 0.7). */
    readonly utilisation: number;
    /** Spare instances: N + k. */
    readonly redundancy: number;
    /** Peak multiplier over the modelled peak, ≥ 1. */
    readonly burst: number;
  };
}

/** Demand from a cumulative sign-up curve (the Threads curve by default) scaled to a total. */
export interface SignupCurveDemand {
  readonly kind: 'signup-curve';
  /** Points [hours since launch, cumulative sign-ups]; default the Threads launch. */
  readonly curve?: readonly (readonly [number, number])[];
  /** Sign-ups the curve reaches at its end, e.g. 100e6. */
  readonly total: number;
  /** Requests per sign-up by request name, e.g. { signup: 1, feed: 2 }. */
  readonly requestsPerSignup: Readonly<Record<string, number>>;
}

/** Demand from daily active users. */
export interface DailyActiveDemand {
  readonly kind: 'daily-active';
  readonly dailyActiveUsers: number;
  /** Minutes a user is active per day. */
  readonly sessionMinutes: number;
  /** Peak hour over the day's average, ≥ 1. */
  readonly peakFactor: number;
  /** Requests per active minute by request name, e.g. { feed: 3, like: 0.5 }. */
  readonly requestsPerMinute: Readonly<Record<string, number>>;
}

/** The plan for the launch: peak demand per request name against measured capacity. */
export interface CapacityPlan {
  /** Per request name: peak demand, capacity of one instance, instances it needs alone. */
  readonly endpoints: readonly {
    readonly name: string;
    readonly peakRps: number;
    readonly capacityRps: number;
    readonly instances: number;
  }[];
  /** Instances to run: the most any endpoint needs, plus the redundancy. */
  readonly instances: number;
  /** The request name that needs the most instances: what saturates first. */
  readonly saturatesFirst: string;
  /**
   * Spare capacity at peak with the spare instances down (instances − redundancy running), as a
   * share of their capacity, for `saturatesFirst`.
   */
  readonly headroom: number;
}

/** The search's answer with the reference target served by `workers` processes. */
export interface ScalingPoint {
  readonly workers: number;
  readonly maxSustainableRate: number;
  readonly maxSustainableThroughput: number;
}

/** A phase of the search, in order; `start-target` (`--target-workers`) is kept only failed. */
export type PhaseName = 'ramp' | 'staircase' | 'refine' | 'overload' | 'start-target';

/**
 * How a phase ended. Clean: `completed` (every planned level ran), `stopped-early` (stopped as
 * planned once a level was past the limit). Not clean: `cut-off` (its levels were measured, but
 * iterations still running when gracefulStop ended were cut off: the service kept a queue the
 * run could not wait out); `aborted` (the run stopped itself: the memory watchdog, an abortOnFail
 * threshold); `failed` (an error); `interrupted` (SIGINT or SIGTERM). The search goes on after a
 * clean or `cut-off` phase and stops after any other.
 */
export type PhaseEnd =
  | 'completed'
  | 'stopped-early'
  | 'cut-off'
  | 'aborted'
  | 'failed'
  | 'interrupted';

/** One phase of the search as it ran: what it planned, what it measured, how it ended. */
export interface CapacityPhase {
  readonly name: PhaseName;
  /** The reference target's worker count (`--target-workers`), or null. */
  readonly workers: number | null;
  /** The arrival rate of each level planned, in order (iterations/s). */
  readonly planned: readonly number[];
  /** The offered rates of the levels measured in full, in order. */
  readonly measured: readonly number[];
  /** Seconds each level lasted, its warm-up included (0 for `start-target`). */
  readonly levelS: number;
  readonly end: PhaseEnd;
  /** True for the clean ends, `completed` and `stopped-early`. */
  readonly clean: boolean;
  /** Iterations still running when the phase's gracefulStop ended, cut off. */
  readonly interruptedIterations: number;
  /** What happened, one or two sentences naming the phase; for an unclean end, what it means. */
  readonly note: string;
}

/**
 * How the search ended: `complete` (every phase finished cleanly), `incomplete` (a phase did
 * not; see `phases`), `interrupted` (SIGINT or SIGTERM stopped it; the report holds what was
 * measured before).
 */
export type CapacityStatus = 'complete' | 'incomplete' | 'interrupted';

/** What capacity.json holds. */
export interface CapacityReport {
  readonly schemaVersion: 1;
  readonly runId: string;
  readonly scenario: { readonly name: string; readonly file: string; readonly workload: string };
  readonly createdAt: string;
  readonly status: CapacityStatus;
  readonly slos: readonly Slo[];
  /** Sentences a launch review can act on; first, what did not finish cleanly, if anything. */
  readonly verdict: string;
  /**
   * The rate at which the quick ramp first broke an SLO; `maxRate` when no level up to it broke;
   * 0 when the ramp stopped (failed, aborted, interrupted) before finding either.
   */
  readonly breakpoint: number;
  /** The highest step that met every SLO with achieved ≥ 98% of offered (iterations/s), or 0. */
  readonly maxSustainableRate: number;
  /**
   * Whether that rate rests on a ramp, staircase and refinement that each measured every level
   * they meant to. False when the search stopped before: the rate is then only the highest level
   * measured that met the SLOs, `knee` is null, the USL fit unsupported, and there is no plan.
   */
  readonly maxSustainableEstablished: boolean;
  /** Requests per second at the maximum sustainable rate. */
  readonly maxSustainableThroughput: number;
  readonly knee: Knee | null;
  readonly usl: UslFit | null;
  readonly steps: readonly CapacityStep[];
  readonly overload: readonly OverloadResult[];
  readonly forecast: Forecast | null;
  readonly plan: CapacityPlan | null;
  /**
   * With `--target-workers`, the answer at each worker count (the rest of the report is that of
   * the last count); empty otherwise.
   */
  readonly scaling: readonly ScalingPoint[];
  /** The USL fit of maximum sustainable throughput against target workers, or null. */
  readonly scalingUsl: UslFit | null;
  /** What the answers assume, a sentence each. */
  readonly assumptions: readonly string[];
  /** Every phase the search ran, in order (with `--target-workers`, those of each count). */
  readonly phases: readonly CapacityPhase[];
}

/** One load level of a run, in whole seconds since the run's start. */
export interface StepWindow {
  /** The arrival rate asked for during the window (iterations/s). */
  readonly offered: number;
  /** The window's first second. */
  readonly startS: number;
  /** Seconds at its start that are not measured (the warm-up). */
  readonly warmupS: number;
  /** The second after its last. */
  readonly endS: number;
}

/** What one window measured over its seconds after the warm-up. */
export interface WindowMeasurement {
  readonly window: StepWindow;
  /** Seconds measured so far (less than planned when the run stopped early). */
  seconds: number;
  requests: number;
  failed: number;
  /** Iterations of the workload under test: completed, and dropped (maxInFlight reached). */
  completed: number;
  dropped: number;
  /** Latency of every request (µs, from the planned send time). */
  readonly latency: HdrHistogram;
  /** Per request name: requests and latency. */
  readonly byName: Map<string, { requests: number; latency: HdrHistogram }>;
}

/** What a search measured: the breakpoint, every staircase level, the overload runs. */
export interface SearchOutcome {
  /** The ramp's first broken rate; `maxRate` when none broke; 0 when it stopped before either. */
  readonly breakpoint: number;
  /** Staircase and refinement levels, by offered rate. */
  readonly steps: readonly CapacityStep[];
  /** The highest sustainable level at or below the first broken one, or null. */
  readonly sustainable: CapacityStep | null;
  readonly overload: readonly OverloadResult[];
  /** Every phase run, in order; a phase that stopped the search (see `stopsSearch`) is last. */
  readonly phases: readonly CapacityPhase[];
  /** The error of the phase that failed, and whether load had been sent in it; else null. */
  readonly failure: PhaseFailure | null;
}

/** Why a phase's run failed: the error, and whether load had been sent by then. */
export interface PhaseFailure {
  readonly error: unknown;
  readonly loadSent: boolean;
}
