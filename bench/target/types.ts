import type { Machine } from '../common/types.js';

/**
 * The contracts of the target benchmark and the JSON it writes (a {@link TargetBenchReport}).
 * Latencies are milliseconds, times seconds, CPU per request microseconds.
 */

/** The feed service's stores the benchmark drives. */
export type StoreKind = 'sqlite' | 'postgres';

/** What a run of the benchmark does, from its flags. */
export interface TargetBenchOptions {
  /** Seeded users of the throughput phases' databases. */
  users: number;
  /** Users of the seeding-time measurement; 0 skips it. */
  seedTimeUsers: number;
  /** Length of each throughput phase (s). */
  seconds: number;
  /** The stores measured: SQLite always, PostgreSQL with `--store postgres`. */
  stores: StoreKind[];
  /** The feed service's process counts each store is measured at, ascending. */
  processes: number[];
  outFile: string;
}

/** How long seeding took. */
export interface SeedTiming {
  store: StoreKind;
  users: number;
  seconds: number;
  /** The database's size (bytes): SQLite's file and WAL, PostgreSQL's pg_database_size. */
  bytes: number;
  /** What the seed command printed. */
  summary: string;
}

/** The feed service's request phases; `constant` is the ceiling's. */
export type FeedPhase = 'feed' | 'signup';

/** One closed-loop phase against one server. */
export interface PhaseResult {
  phase: FeedPhase | 'constant';
  /** The feed service's store; null for the constant route. */
  store: StoreKind | null;
  /** The server's processes (the feed service's cluster workers). */
  processes: number;
  requests: number;
  failed: number;
  /** The failed requests by error class (`http_503`, `timeout`, ...). */
  errors: Record<string, number>;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  /** The server's CPU (user + sys, all its processes and threads) per request (µs). */
  serverCpuUsPerRequest: number;
  /** The database server's CPU per request (µs); 0 for SQLite, which runs in the service. */
  databaseCpuUsPerRequest: number;
  /** The database's share of the server side's CPU (server + database), 0 to 1. */
  databaseCpuShare: number;
  /** Cores' worth of CPU the server side (server + database) used while the load ran. */
  serverSideCores: number;
}

/** The Universal Scalability Law fitted to one store's phase over its process counts. */
export interface ScalingFit {
  store: StoreKind;
  phase: FeedPhase;
  /** Requests/s of one process, as the fit has it. */
  lambda: number;
  /** Contention: the serial share. */
  sigma: number;
  /** Coherency: the crosstalk cost per pair of processes. */
  kappa: number;
  rSquared: number;
  /** Why the fit is not to be trusted, when it is not. */
  warnings: string[];
  /** What limited the scaling, in plain words, read off the measured CPU. */
  contention: string;
}

/** The JSON report of one benchmark run. */
export interface TargetBenchReport {
  startedAt: string;
  machine: Machine;
  options: TargetBenchOptions;
  /** Per store: seeding a phases' database (one per process count, alike) and the timed one. */
  seeding: { bench: SeedTiming[]; timed: SeedTiming[]; targetSeconds: number };
  phases: PhaseResult[];
  /** One per store and feed-service phase, when the stores ran at two process counts or more. */
  scaling: ScalingFit[];
  /** Each SQLite phase at the fewest processes: its throughput over the constant route's. */
  ratios: { feedToCeiling: number; signupToCeiling: number };
}
