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

/**
 * The slowdown the power is measured at, and the others tried for the smallest caught: whole
 * milliseconds less (when 15% is caught) or more (when it is not) than 15% of feed's median,
 * as the fault's timer adds whole milliseconds.
 */
export const MAIN_LEVEL = 0.15;
export const SMALLER_STEPS_MS = [1, 2] as const;
export const LARGER_STEPS_MS = [2, 5] as const;

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
