/**
 * The comparisons of the benchmark, formed from pools of interleaved runs: each takes a random
 * group of runs per side (seeded, disjoint within the comparison) and is decided by
 * `compareSides` with `ab`'s defaults, exactly as `launchday ab` decides.
 */
import {
  type CompareReport,
  compareSides,
  createPrng,
  DEFAULT_COMPARE_OPTIONS,
  type Prng,
  type RunResult,
} from 'launchday';
import { FEED_NAME } from './settings.js';

/** How many of a set of comparisons said what. */
export interface Tally {
  readonly comparisons: number;
  /** Reports whose overall verdict is `regressed`. */
  readonly regressed: number;
  /** Reports where a metric of the slowed request (`feed`) regressed. */
  readonly caught: number;
  /** Every metric that regressed in any comparison, and how often. */
  readonly regressedMetrics: Readonly<Record<string, number>>;
}

/** A/A: `count` comparisons of `repeats` runs of `pool` against `repeats` others of it. */
export function compareWithin(
  pool: readonly RunResult[],
  count: number,
  repeats: number,
  seed: number,
): Tally {
  const random = createPrng(seed);
  const reports = Array.from({ length: count }, () => {
    const picked = shuffled(pool, random).slice(0, 2 * repeats);
    return decide(picked.slice(0, repeats), picked.slice(repeats));
  });
  return tally(reports);
}

/** A/B: `count` comparisons of `repeats` runs of `a` against `repeats` runs of `b`. */
export function compareAcross(
  a: readonly RunResult[],
  b: readonly RunResult[],
  count: number,
  repeats: number,
  seed: number,
): Tally {
  const random = createPrng(seed);
  const reports = Array.from({ length: count }, () =>
    decide(shuffled(a, random).slice(0, repeats), shuffled(b, random).slice(0, repeats)),
  );
  return tally(reports);
}

function decide(baseline: readonly RunResult[], candidate: readonly RunResult[]): CompareReport {
  const byTime = (runs: readonly RunResult[]) =>
    [...runs].sort((x, y) => x.startedAt.localeCompare(y.startedAt));
  return compareSides(
    { source: 'baseline', runs: byTime(baseline) },
    { source: 'candidate', runs: byTime(candidate) },
    { ...DEFAULT_COMPARE_OPTIONS, allow: ['generator'], now: new Date(0) },
  );
}

function tally(reports: readonly CompareReport[]): Tally {
  const regressedMetrics: Record<string, number> = {};
  for (const report of reports)
    for (const c of report.comparisons)
      if (c.verdict === 'regressed') regressedMetrics[c.key] = (regressedMetrics[c.key] ?? 0) + 1;
  return {
    comparisons: reports.length,
    regressed: reports.filter((r) => r.verdict === 'regressed').length,
    caught: reports.filter((r) =>
      r.comparisons.some((c) => c.verdict === 'regressed' && c.requestName === FEED_NAME),
    ).length,
    regressedMetrics,
  };
}

/** A copy of `items` in random order (Fisher-Yates). */
function shuffled<T>(items: readonly T[], random: Prng): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
