/** Quantiles of plain samples, as the bootstrap intervals and the run medians of `compare` use. */

/**
 * The `q` quantile (0–1) of ascending `sorted`, interpolating linearly between order statistics
 * (Hyndman and Fan's type 7, R's and NumPy's default). NaN when empty.
 */
export function quantileOfSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const position = (n - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const above = Math.min(n - 1, below + 1);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** The median of `values` (any order). NaN when empty. */
export function median(values: readonly number[]): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}
