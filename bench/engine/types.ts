/**
 * The contracts of the engine benchmark: its options, what each part measures, and the JSON it
 * writes (a {@link BenchReport}). Times are seconds unless a name says otherwise; latencies are
 * milliseconds; memory is bytes.
 */

import type { CpuTime, Machine, TailLatency } from '../common/types.js';

/** The four parts of the benchmark; `--only` picks one. */
export type BenchPart = 'cost' | 'accuracy' | 'memory' | 'hostile';

/** What a run of the benchmark does, from its flags. */
export interface BenchOptions {
  readonly parts: readonly BenchPart[];
  /** Length of the memory run (s). */
  readonly memorySeconds: number;
  /** Where the JSON report goes (absolute path). */
  readonly outFile: string;
}

/** A load generator the benchmark compares. */
export type Tool = 'launchday' | 'autocannon';

/** One timed run of a tool in the cost part. */
export interface CostRun {
  /** The round it belongs to, from 1. */
  round: number;
  /** The load's planned length (s). */
  seconds: number;
  requests: number;
  /** Requests that failed (errors, timeouts, unexpected statuses); a clean run has none. */
  failed: number;
  cpu: CpuTime;
  /** Wall-clock time of the whole process, start-up included (s). */
  wallS: number;
  /** Requests per second over the load, as the tool reports its own duration. */
  requestsPerSecond: number;
}

/** One tool's cost: its raw runs and the marginal CPU per request between them. */
export interface ToolCost {
  tool: Tool;
  runs: CostRun[];
  /** Per round: ΔCPU / Δrequests between its long and its short run (µs per request). */
  roundMarginalsUsPerRequest: number[];
  /** The median of the rounds' marginal figures (µs per request). */
  marginalUsPerRequest: number;
  /** The median throughput of the long runs (requests/s). */
  requestsPerSecond: number;
}

/** Part 1: CPU per request of launchday and autocannon in the same closed loop. */
export interface CostResult {
  connections: number;
  launchday: ToolCost;
  autocannon: ToolCost;
  /** Per round: launchday's marginal µs/request over autocannon's in the same round. */
  roundRatios: number[];
  /** The median of `roundRatios` (target ≤ 1.0). */
  ratio: number;
}

/** One freeze of the freezing server, as it announced it (epoch ms). */
export interface FreezeWindow {
  startMs: number;
  endMs: number;
}

/** One tool's run against the freezing server. */
export interface AccuracyRun {
  tool: Tool;
  /** Requests per second asked for, and achieved: requests completed / planned seconds. */
  targetRate: number;
  achievedRate: number;
  /** achievedRate vs targetRate (%), negative when short. */
  rateErrorPct: number;
  requests: number;
  /** Requests that failed (errors, timeouts, unexpected statuses). */
  failed: number;
  /** Iterations launchday dropped at its in-flight cap; null for autocannon. */
  dropped: number | null;
  /** What the tool reported. */
  reported: TailLatency;
  /** The truth for this run: planned arrivals over the server's real freezes in its window. */
  truth: TailLatency;
  /** reported vs truth (%). */
  errorPct: TailLatency;
  /** The freezes that fell in the run's window. */
  freezes: FreezeWindow[];
}

/** Part 2: reported tail latency vs the truth behind a freezing server. */
export interface AccuracyResult {
  connections: number;
  seconds: number;
  schedule: { periodMs: number; freezeMs: number; serviceMs: number };
  /** The steady-state truth derived from the schedule alone. */
  analytic: TailLatency;
  launchday: AccuracyRun;
  autocannon: AccuracyRun;
}

/** One reading of the generator's resident set size. */
export interface RssSample {
  /** Seconds since the generator started. */
  t: number;
  rssBytes: number;
}

/** Part 3: launchday's RSS over a long constant-rate run. */
export interface MemoryResult {
  rate: number;
  seconds: number;
  /**
   * The readings after warm-up (from the baseline time on) and as many last ones under load, a
   * minute of readings each at most: single readings swing with the GC's sawtooth, medians not.
   */
  baseline: RssWindow;
  end: RssWindow;
  /** end vs baseline medians (%); target < 10. */
  growthPct: number;
  /** The single readings at the baseline time and at the end of the load, and their growth (%). */
  atBaseline: RssSample;
  atEnd: RssSample;
  pointGrowthPct: number;
  achievedRate: number;
  requests: number;
  failed: number;
  /** Iterations dropped at the in-flight cap, and the seconds of the run they were dropped in. */
  dropped: number;
  droppedInSeconds: number[];
  /** launchday's own verdict on whether it kept its schedule. */
  generator: { valid: boolean; reasons: string[]; schedulerLagP99Ms: number };
  samples: RssSample[];
}

/** RSS readings over a span of the run. */
export interface RssWindow {
  /** The first and last reading's time, in seconds since the generator started. */
  fromS: number;
  toS: number;
  readings: number;
  medianRssBytes: number;
}

/** The hostile servers of part 4. */
export type HostileBody = 'endless chunked body' | '1 GB Content-Length';

/** One tool's closed loop against a hostile server. */
export interface HostileRun {
  tool: Tool;
  /** The generator's peak resident set size over its whole run (VmHWM), bytes. */
  peakRssBytes: number;
  /** Requests completed, failures included; autocannon counts only completed responses. */
  requests: number;
  failed: number;
  /** launchday's failures by error class; null for autocannon. */
  errorClasses: Record<string, number> | null;
  /** launchday's `data_received` (bytes read, dropped bodies included); null for autocannon. */
  bytesRead: number | null;
  /** How the tool died, when it did (its peak RSS is then the one it reached); else null. */
  crashed: string | null;
}

/**
 * Part 4, per hostile server: both tools' runs and launchday's peak RSS over autocannon's (over
 * the peak it reached before dying, when it crashed).
 */
export interface HostileBodyResult {
  body: HostileBody;
  launchday: HostileRun;
  autocannon: HostileRun;
  ratio: number;
}

/** Part 4: the generators' peak memory against servers whose bodies are too large. */
export interface HostileResult {
  connections: number;
  seconds: number;
  bodies: HostileBodyResult[];
}

/** The JSON the benchmark writes: the machine and every part it ran. */
export interface BenchReport {
  benchmark: 'engine';
  startedAt: string;
  machine: Machine;
  options: { parts: readonly BenchPart[]; memorySeconds: number };
  cost?: CostResult;
  accuracy?: AccuracyResult;
  memory?: MemoryResult;
  hostile?: HostileResult;
}

/** A JSON line a benchmark server writes on stdout: its port once, then each freeze. */
export type ServerMessage = { port: number } | { freeze: FreezeWindow };
