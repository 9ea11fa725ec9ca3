/**
 * Bootstrap intervals of a change between two sides: resample each side independently, compute
 * the change of the statistic, and read the percentile interval and a two-sided p-value off the
 * resampled changes. Two resampling schemes: of whole values (one per run, the repeats of
 * benchstat) and of blocks of consecutive seconds (one run a side: seconds are not independent).
 */
import type { Prng } from '../../executors/prng.js';
import { median, quantileOfSorted } from './quantiles.js';

/** How a change is measured: relative (b / a − 1) or absolute (b − a). */
export type Contrast = 'relative' | 'absolute';

/** The settings every bootstrap takes. */
export interface BootstrapOptions {
  /** Resamples (e.g. 2000). */
  readonly resamples: number;
  /** Confidence level of the interval (e.g. 0.95). */
  readonly confidence: number;
  readonly random: Prng;
}

/** A bootstrap outcome: the percentile interval of the change and its two-sided p-value. */
export interface BootstrapChange {
  readonly low: number;
  readonly high: number;
  /** Twice the share of resampled changes on the far side of no change, at least 1 / (B + 1). */
  readonly pValue: number;
}

/**
 * A statistic of one side over a resample: `picks` are indices into the side's items (with
 * repeats), and the statistic is what the side would show had it measured those items.
 */
export type ResampleStatistic = (picks: Int32Array) => number;

/** One side of a bootstrap: how many items it has and its statistic over picks of them. */
export interface BootstrapSide {
  readonly size: number;
  readonly statistic: ResampleStatistic;
}

/** The change of `b` against `a` by `contrast`; NaN when relative and `a` is 0. */
export function changeOf(a: number, b: number, contrast: Contrast): number {
  if (contrast === 'absolute') return b - a;
  return a === 0 ? Number.NaN : b / a - 1;
}

/**
 * The interval of the change of the median of `b` against that of `a` (both one value per
 * run), resampling each side's values with replacement: the benchstat interval of the ratio
 * of medians (`relative`), or of their difference (`absolute`).
 */
export function medianChange(
  a: readonly number[],
  b: readonly number[],
  contrast: Contrast,
  options: BootstrapOptions,
): BootstrapChange {
  const side = (values: readonly number[]): BootstrapSide => ({
    size: values.length,
    statistic: (picks) => median(Array.from(picks, (i) => values[i]!)),
  });
  return bootstrapChange(side(a), side(b), contrast, 1, options);
}

/**
 * The interval of the change between two sides whose items are seconds, resampling each side
 * in circular blocks of `blockLength` consecutive seconds (Politis and Romano's circular block
 * bootstrap), which keeps the dependence between neighbouring seconds that a bootstrap of
 * single requests would ignore.
 */
export function blockChange(
  a: BootstrapSide,
  b: BootstrapSide,
  contrast: Contrast,
  blockLength: number,
  options: BootstrapOptions,
): BootstrapChange {
  return bootstrapChange(a, b, contrast, blockLength, options);
}

function bootstrapChange(
  a: BootstrapSide,
  b: BootstrapSide,
  contrast: Contrast,
  blockLength: number,
  { resamples, confidence, random }: BootstrapOptions,
): BootstrapChange {
  const changes = new Float64Array(resamples);
  const picksA = new Int32Array(a.size);
  const picksB = new Int32Array(b.size);
  let kept = 0;
  for (let r = 0; r < resamples; r++) {
    drawBlocks(picksA, blockLength, random);
    drawBlocks(picksB, blockLength, random);
    const change = changeOf(a.statistic(picksA), b.statistic(picksB), contrast);
    if (Number.isFinite(change)) changes[kept++] = change;
  }
  const sorted = changes.subarray(0, kept).sort();
  const tail = (1 - confidence) / 2;
  return {
    low: quantileOfSorted(sorted, tail),
    high: quantileOfSorted(sorted, 1 - tail),
    pValue: twoSidedPValue(sorted),
  };
}

/** Fills `picks` with indices 0 … picks.length − 1 drawn in circular blocks of `length`. */
function drawBlocks(picks: Int32Array, length: number, random: Prng): void {
  const n = picks.length;
  for (let at = 0; at < n; ) {
    const start = Math.floor(random() * n);
    for (let k = 0; k < length && at < n; k++) picks[at++] = (start + k) % n;
  }
}

/** The p-value of "no change" from the resampled changes: 2 · min(share ≤ 0, share ≥ 0). */
function twoSidedPValue(sorted: Float64Array): number {
  const n = sorted.length;
  if (n === 0) return 1;
  let atMost = 0;
  let atLeast = 0;
  for (const change of sorted) {
    if (change <= 0) atMost++;
    if (change >= 0) atLeast++;
  }
  return Math.min(1, (2 * (Math.min(atMost, atLeast) + 1)) / (n + 1));
}
