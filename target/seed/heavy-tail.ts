import type { Random } from './random.js';

/**
 * A heavy-tailed count: a Lomax (Pareto type II) draw with tail exponent 2 and scale `scale`,
 * floored, at most `cap`. Most draws are small, a few are huge (P(count > x) falls as 1 / x²);
 * the mean is about `scale - 0.5` for a scale of a few units and a cap far above it. The tail
 * exponent 2 makes the inversion a square root, exact in IEEE arithmetic on every platform.
 */
export function heavyTailedCount(random: Random, scale: number, cap: number): number {
  const uniform = 1 - random.float();
  return Math.min(cap, Math.floor(scale * (1 / Math.sqrt(uniform) - 1)));
}
