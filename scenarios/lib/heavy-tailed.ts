/**
 * A heavy-tailed count from `u` in [0, 1): a Lomax (Pareto type II) draw with tail exponent 2
 * and scale `mean`, floored and capped at `max`. Most draws are small (the median is about
 * 0.4 × `mean`), a few are huge (P(count > x) falls as 1/x²), and with a cap well above it the
 * mean is about `mean` − 0.5. Used for how many accounts a new user imports as follows.
 */
export function heavyTailedCount(u: number, mean: number, max: number): number {
  return Math.min(max, Math.floor(mean * (1 / Math.sqrt(1 - u) - 1)));
}
