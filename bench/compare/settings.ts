/**
 * The load and pools of `npm run bench:compare`: what every `ab` session runs, and how many
 * comparisons each figure stands on.
 */

/** Comparisons behind each rate (false alarms, power): the "at least 20". */
export const COMPARISONS = 20;

/** Runs a side of one comparison: `ab`'s default. */
export const REPEATS = 5;

/** Runs a side of the session that the A/A and the 15% comparisons are drawn from. */
export const POOL_REPEATS = 12;

/** Runs a side of the session of every other slowdown tried. */
export const LEVEL_REPEATS = 10;

/** The slowdown the power is measured at, and the others tried for the smallest caught. */
export const MAIN_LEVEL = 0.15;
export const SMALLER_LEVELS = [0.125, 0.11] as const;
export const LARGER_LEVELS = [0.2, 0.3] as const;

/** Caught this often out of {@link COMPARISONS}: the "19 times in 20". */
export const CAUGHT_NEEDED = 19;

/** The scenario's load: read-heavy-feed at this rate for this long, on this many users. */
export const RATE = 200;
export const RUN_SECONDS = 15;
export const USERS = 2000;

/**
 * A fixed latency every side adds to `feed` (`--faults latency=…,route=/v1/feed`), so its median
 * is about 32 ms: a 15% slowdown (about 5 ms) then clears the +1 ms floor of the default budget,
 * so the benchmark measures the statistics, not a budget that rules the change out by design;
 * and the fault's timer, which works in whole milliseconds, can add 15% within 2%.
 */
export const FEED_BASE_LATENCY_MS = 30;

/** The route and request name the slowdown is injected on. */
export const FEED_ROUTE = '/v1/feed';
export const FEED_NAME = 'feed';

/** The timing run: exactly what .github/workflows/perf.yml runs (5 repeats of 20 s runs). */
export const TIMING_RUN_SECONDS = 20;
