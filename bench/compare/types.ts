import type { Machine } from '../common/types.js';
import type { Tally } from './comparisons.js';

/** The options of `npm run bench:compare`. */
export interface CompareBenchOptions {
  readonly outFile: string;
  /** Comparisons behind each rate. */
  readonly comparisons: number;
  /** Seconds of each run of the pools. */
  readonly runSeconds: number;
}

/** The power at one slowdown of feed. */
export interface PowerAtLevel {
  /** The slowdown aimed at (the fixed ms injected over feed's median) and those ms. */
  readonly level: number;
  readonly extraMs: number;
  /** The slowdown measured: median of B's feed p(50) over A's, minus 1. */
  readonly measured: number;
  readonly tally: Tally;
}

/** What `npm run bench:compare` reports. */
export interface CompareBenchReport {
  readonly machine: Machine;
  readonly settings: {
    readonly comparisons: number;
    readonly repeats: number;
    readonly runSeconds: number;
    readonly rate: number;
    readonly feedBaseLatencyMs: number;
  };
  /** The median of feed's p(50) on A in the calibration runs, in ms. */
  readonly feedMedianMs: number;
  /** A/A comparisons of every session's A runs together. */
  readonly falseAlarms: Tally;
  /** The power at 15% (within a whole millisecond) first, then at every other slowdown tried. */
  readonly power: readonly PowerAtLevel[];
  /** The smallest slowdown tried that was caught at least 19 times in 20; null when none. */
  readonly smallestCaught: number | null;
  /** Runs whose generator did not keep its schedule (compared anyway), of all runs. */
  readonly lateGenerator: { readonly runs: number; readonly of: number };
  /** One `ab` exactly as .github/workflows/perf.yml runs it: wall time and exit code. */
  readonly ab: { readonly wallMs: number; readonly exitCode: number };
  readonly totalWallMs: number;
}
