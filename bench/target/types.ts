import type { Machine } from '../common/types.js';

/**
 * The contracts of the target benchmark and the JSON it writes (a {@link TargetBenchReport}).
 * Latencies are milliseconds, times seconds, CPU per request microseconds.
 */

/** What a run of the benchmark does, from its flags. */
export interface TargetBenchOptions {
  /** Seeded users of the throughput phases' database. */
  users: number;
  /** Users of the seeding-time measurement; 0 skips it. */
  seedTimeUsers: number;
  /** Length of each throughput phase (s). */
  seconds: number;
  outFile: string;
}

/** How long seeding took. */
export interface SeedTiming {
  users: number;
  seconds: number;
  /** The database file's size (bytes), WAL included. */
  bytes: number;
  /** What the seed command printed. */
  summary: string;
}

/** One closed-loop phase against one server. */
export interface PhaseResult {
  phase: 'feed' | 'signup' | 'constant';
  requests: number;
  failed: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** The server's CPU (user + sys, all threads) per request (µs). */
  serverCpuUsPerRequest: number;
}

/** The JSON report of one benchmark run. */
export interface TargetBenchReport {
  startedAt: string;
  machine: Machine;
  options: TargetBenchOptions;
  seeding: { bench: SeedTiming; timed: SeedTiming | null; targetSeconds: number };
  phases: PhaseResult[];
  /** Each feed-service phase's throughput over the constant route's. */
  ratios: { feedToCeiling: number; signupToCeiling: number };
}
