/**
 * The fixed figures of the target benchmark, in one place: the benchmark and its scenarios
 * (bundled by launchday, which follows this relative import) read them.
 */

/** Seeded users of the database the throughput phases run against (the 100,000). */
export const BENCH_USERS = 100_000;

/** Users of the seeding-time measurement, and the time it must stay under (s). */
export const SEED_TIME_USERS = 1_000_000;
export const SEED_TIME_TARGET_S = 120;

/** Closed-loop VUs (= connections) of every phase: enough to keep one core busy. */
export const BENCH_VUS = 32;

/** Follows each benchmark sign-up imports, drawn Zipf-like from the seeded accounts. */
export const FOLLOWS_PER_SIGNUP = 50;

/** Seeded accounts whose tokens the feed phase reads with, spread over the popularity ranks. */
export const FEED_READERS = 50;

/** Target processes (`target start --workers N`) of the scaling phases with `--store postgres`. */
export const SCALING_PROCESSES = [1, 2, 4];

/** Default length of each phase (s); `--seconds` changes it. */
export const DEFAULT_PHASE_SECONDS = 15;

/** The password of every seeded account (the target's SEED_PASSWORD; the two never import each other). */
export const SEED_PASSWORD = 'launchday-seed';
