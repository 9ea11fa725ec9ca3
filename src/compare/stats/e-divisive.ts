/**
 * E-divisive means change-point detection (Matteson & James, "A nonparametric approach for
 * multiple change point analysis of multivariate data", JASA 2014), as MongoDB's
 * signal-processing-algorithms and Apache Otava (Hunter) use it on performance histories: the
 * energy statistic with α = 1, recursive bisection, and a permutation test of each candidate.
 * Pure and deterministic: the permutations draw from an injected seeded random source.
 */
import { LaunchdayError } from '../../core/errors.js';
import { createPrng, type Prng } from '../../executors/prng.js';

/** Where a series of values is split and the figures of the segments on either side. */
export interface SegmentFigures {
  readonly mean: number;
  readonly median: number;
  /** How many values the segment holds. */
  readonly length: number;
}

/** A change point: the series' values from `index` on differ in distribution from those before. */
export interface ChangePoint {
  /** The index of the first value after the change (0-based, into the series given). */
  readonly index: number;
  /** The permutation test's p-value when the change was accepted: (k + 1) / (permutations + 1). */
  readonly pValue: number;
  /** The energy statistic Q̂ of the split (α = 1), in the series' unit. */
  readonly statistic: number;
  /** The segment before the change: from the previous change point (or the start) to `index`. */
  readonly before: SegmentFigures;
  /** The segment after it: from `index` to the next change point (or the end). */
  readonly after: SegmentFigures;
}

/** How {@link eDivisive} searches and tests. */
export interface EDivisiveOptions {
  /** A candidate is accepted when its p-value is at most this; default 0.05. */
  readonly significance?: number;
  /** Permutations per test; default 199 (so p-values are multiples of 1/200). */
  readonly permutations?: number;
  /** The fewest values a segment may hold; default 3, at least 2. */
  readonly minSegment?: number;
  /** The random source of the permutations; default a mulberry32 stream of {@link DEFAULT_SEED}. */
  readonly random?: Prng;
}

/** The seed of the default random source: the same series always gives the same answer. */
export const DEFAULT_SEED = 0x5eed;

/** The defaults of {@link EDivisiveOptions}. */
export const E_DIVISIVE_DEFAULTS = Object.freeze({
  significance: 0.05,
  permutations: 199,
  // Three runs a side is the fewest in which a segment has more than one pair of values to
  // measure its spread by: with two, one outlying run would make a "segment" of its own.
  minSegment: 3,
});

/** A best split of one segment [start, end): `at` is the first index of its right part. */
interface Split {
  readonly start: number;
  readonly end: number;
  readonly at: number;
  readonly statistic: number;
}

/**
 * The change points of `series` (values in order, e.g. one per run), sorted by index. Each
 * round finds, in every segment between the change points so far, the split with the largest
 * energy statistic Q̂ (α = 1) whose parts both hold at least `minSegment` values, takes the
 * largest of them, and tests it: the values of every segment are shuffled `permutations`
 * times and the largest Q̂ recomputed; p = (k + 1) / (permutations + 1), k the shuffles at
 * least as large. A candidate with p ≤ `significance` becomes a change point and the search
 * goes on; the first that is not ends it. A series shorter than 2 × `minSegment`, or constant,
 * has none. O(n²) per segment scan; for n up to a few hundred values. Throws a
 * `LAUNCHDAY_ERR_USAGE` on a value that is not finite or an option out of range.
 */
export function eDivisive(
  series: readonly number[],
  options: EDivisiveOptions = {},
): ChangePoint[] {
  const settings = settingsOf(options);
  if (series.some((value) => !Number.isFinite(value)))
    throw new LaunchdayError('LAUNCHDAY_ERR_USAGE', 'e-divisive needs finite values', {
      hint: 'leave out the runs that have no value for the metric',
    });
  const random = options.random ?? createPrng(DEFAULT_SEED);
  const values = [...series];
  const found: { index: number; pValue: number; statistic: number }[] = [];
  for (;;) {
    const bounds = boundsOf(
      found.map((f) => f.index).sort((a, b) => a - b),
      values.length,
    );
    const candidate = bestSplit(values, bounds, settings.minSegment);
    if (candidate === null || candidate.statistic <= 0) break;
    const pValue = permutationPValue(values, bounds, candidate.statistic, settings, random);
    if (pValue > settings.significance) break;
    found.push({ index: candidate.at, pValue, statistic: candidate.statistic });
  }
  return withSegments(values, found);
}

/** Options with defaults filled in, checked. */
function settingsOf(options: EDivisiveOptions) {
  const settings = { ...E_DIVISIVE_DEFAULTS, ...definedOf(options) };
  const { significance, permutations, minSegment } = settings;
  if (
    !(significance > 0 && significance < 1) ||
    !Number.isInteger(permutations) ||
    permutations < 1
  )
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `e-divisive: significance must be in (0, 1) and permutations a whole number ≥ 1 (got ${significance}, ${permutations})`,
      { hint: 'use the defaults: significance 0.05, 199 permutations' },
    );
  if (!Number.isInteger(minSegment) || minSegment < 2)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `e-divisive: minSegment must be a whole number ≥ 2 (got ${minSegment})`,
      { hint: 'a segment needs two values to have a spread; the default is 3' },
    );
  return settings;
}

/** The numeric options that are set (undefined ones keep their defaults). */
function definedOf(options: EDivisiveOptions) {
  const { significance, permutations, minSegment } = options;
  return Object.fromEntries(
    Object.entries({ significance, permutations, minSegment }).filter(([, v]) => v !== undefined),
  ) as Partial<typeof E_DIVISIVE_DEFAULTS>;
}

/** The segments [start, end) that the sorted change points `cuts` divide [0, n) into. */
function boundsOf(cuts: readonly number[], n: number): [number, number][] {
  const edges = [0, ...cuts, n];
  return edges.slice(1).map((end, i) => [edges[i]!, end]);
}

/** The split with the largest statistic over every segment; null when no segment can split. */
function bestSplit(
  values: readonly number[],
  bounds: readonly [number, number][],
  minSegment: number,
): Split | null {
  let best: Split | null = null;
  for (const [start, end] of bounds) {
    const split = bestSplitOf(values, start, end, minSegment);
    if (split !== null && (best === null || split.statistic > best.statistic)) best = split;
  }
  return best;
}

/**
 * The split of [start, end) with the largest Q̂(X, Y) = mn/(m+n) · Ê(X, Y), where Ê = 2/(mn)
 * Σ|xᵢ−yⱼ| − Σ_{i<k}|xᵢ−xₖ| / C(m,2) − Σ_{j<k}|yⱼ−yₖ| / C(n,2); the sums are carried from one
 * split to the next (moving one value from the right part to the left), so a scan is O(L²).
 */
function bestSplitOf(
  values: readonly number[],
  start: number,
  end: number,
  minSegment: number,
): Split | null {
  const length = end - start;
  if (length < 2 * minSegment) return null;
  const distance = (i: number, j: number) => Math.abs(values[i]! - values[j]!);
  let left = 0;
  let right = 0;
  let cross = 0;
  for (let j = start + 1; j < end; j++) for (let k = start; k < j; k++) right += distance(j, k);
  let best: Split | null = null;
  for (let at = start + 1; at <= end - minSegment; at++) {
    // Move value at-1 from the right part to the left one.
    const moved = at - 1;
    let toLeft = 0;
    let toRight = 0;
    for (let i = start; i < moved; i++) toLeft += distance(i, moved);
    for (let j = at; j < end; j++) toRight += distance(moved, j);
    left += toLeft;
    right -= toRight;
    cross += toRight - toLeft;
    const m = at - start;
    if (m < minSegment) continue;
    const statistic = energy(m, end - at, cross, left, right);
    if (best === null || statistic > best.statistic) best = { start, end, at, statistic };
  }
  return best;
}

/** Q̂ of parts of sizes m and n (both ≥ 2) from their distance sums. */
function energy(m: number, n: number, cross: number, left: number, right: number): number {
  const e = (2 * cross) / (m * n) - left / ((m * (m - 1)) / 2) - right / ((n * (n - 1)) / 2);
  return ((m * n) / (m + n)) * e;
}

/**
 * The permutation test of a candidate with statistic `observed`: how often the largest Q̂ over
 * the segments, each segment's values shuffled in place of its own, is at least as large.
 */
function permutationPValue(
  values: readonly number[],
  bounds: readonly [number, number][],
  observed: number,
  settings: { permutations: number; minSegment: number },
  random: Prng,
): number {
  // A relative tolerance keeps a permutation that only reorders equal sums from counting less.
  const threshold = observed * (1 - 1e-9);
  const shuffled = [...values];
  let atLeast = 0;
  for (let p = 0; p < settings.permutations; p++) {
    for (const [start, end] of bounds) shuffleRange(shuffled, start, end, random);
    const best = bestSplit(shuffled, bounds, settings.minSegment);
    if (best !== null && best.statistic >= threshold) atLeast++;
  }
  return (atLeast + 1) / (settings.permutations + 1);
}

/** Fisher-Yates shuffle of `values[start..end)` in place. */
function shuffleRange(values: number[], start: number, end: number, random: Prng): void {
  for (let i = end - 1; i > start; i--) {
    const j = start + Math.floor(random() * (i - start + 1));
    [values[i], values[j]] = [values[j]!, values[i]!];
  }
}

/** The found change points sorted, each with the figures of its neighbouring segments. */
function withSegments(
  values: readonly number[],
  found: readonly { index: number; pValue: number; statistic: number }[],
): ChangePoint[] {
  const sorted = [...found].sort((a, b) => a.index - b.index);
  const edges = [0, ...sorted.map((f) => f.index), values.length];
  return sorted.map((f, i) => ({
    ...f,
    before: figuresOf(values.slice(edges[i], edges[i + 1])),
    after: figuresOf(values.slice(edges[i + 1], edges[i + 2])),
  }));
}

/** The mean, median and length of `segment` (not empty). */
export function figuresOf(segment: readonly number[]): SegmentFigures {
  const sorted = [...segment].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  const mean = segment.reduce((sum, value) => sum + value, 0) / segment.length;
  return { mean, median, length: segment.length };
}
