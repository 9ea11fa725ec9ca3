/**
 * A monotone cubic Hermite interpolant of points (x, y) with x strictly increasing and y
 * non-decreasing: Steffen's method (M. Steffen, "A simple method for monotonic interpolation in
 * one dimension", Astron. Astrophys. 239, 1990). It passes through every point, never
 * decreases, and has a continuous first derivative that is never negative — so when y is a
 * cumulative count, the derivative is a rate without jumps or negative stretches.
 */
export interface MonotoneSpline {
  /** The knots' x, strictly increasing. */
  readonly xs: readonly number[];
  /** The knots' y. */
  readonly ys: readonly number[];
  /** The derivative at each knot (≥ 0; at most twice the smaller neighbouring secant slope). */
  readonly slopes: readonly number[];
  /** y at `x`, clamped to the first and last knot outside [xs[0], xs.at(-1)]. */
  valueAt(x: number): number;
  /** dy/dx at `x`; 0 outside [xs[0], xs.at(-1)]. */
  slopeAt(x: number): number;
  /**
   * The x strictly inside interval `i` (between xs[i] and xs[i+1]) where dy/dx, a quadratic
   * there, has its maximum or minimum; undefined when it is monotone over the interval.
   */
  slopeTurnIn(i: number): number | undefined;
}

/**
 * Builds the {@link MonotoneSpline} through `xs`/`ys` (same length, at least 2, xs strictly
 * increasing, ys non-decreasing: the caller validates). Steffen's slopes are local (a knot's
 * slope depends on its two neighbours only) and in closed form, with no second pass.
 */
export function createMonotoneSpline(xs: readonly number[], ys: readonly number[]): MonotoneSpline {
  const slopes = steffenSlopes(xs, ys);
  const last = xs.length - 1;
  const locate = (x: number): { i: number; h: number; s: number } => {
    const i = intervalAt(xs, x);
    const h = xs[i + 1]! - xs[i]!;
    return { i, h, s: (x - xs[i]!) / h };
  };
  return {
    xs,
    ys,
    slopes,
    valueAt(x) {
      if (!(x > xs[0]!)) return ys[0]!;
      if (x >= xs[last]!) return ys[last]!;
      const { i, h, s } = locate(x);
      const s2 = s * s;
      const s3 = s2 * s;
      return (
        (2 * s3 - 3 * s2 + 1) * ys[i]! +
        (s3 - 2 * s2 + s) * h * slopes[i]! +
        (-2 * s3 + 3 * s2) * ys[i + 1]! +
        (s3 - s2) * h * slopes[i + 1]!
      );
    },
    slopeAt(x) {
      if (!(x >= xs[0]! && x <= xs[last]!)) return 0;
      const { i, h, s } = locate(x);
      const s2 = s * s;
      const secant = (ys[i + 1]! - ys[i]!) / h;
      return (
        6 * (s - s2) * secant +
        (3 * s2 - 4 * s + 1) * slopes[i]! +
        (3 * s2 - 2 * s) * slopes[i + 1]!
      );
    },
    slopeTurnIn(i) {
      const secant = (ys[i + 1]! - ys[i]!) / (xs[i + 1]! - xs[i]!);
      // d²y/dx² ∝ (6·secant − 4·m0 − 2·m1) − s·(12·secant − 6·m0 − 6·m1): its root in s.
      const curvature = 12 * secant - 6 * slopes[i]! - 6 * slopes[i + 1]!;
      if (curvature === 0) return undefined;
      const s = (6 * secant - 4 * slopes[i]! - 2 * slopes[i + 1]!) / curvature;
      return s > 0 && s < 1 ? xs[i]! + s * (xs[i + 1]! - xs[i]!) : undefined;
    },
  };
}

/** Steffen's knot slopes: a parabola's slope, limited so that no interval can overshoot. */
function steffenSlopes(xs: readonly number[], ys: readonly number[]): number[] {
  const n = xs.length;
  const h = (i: number): number => xs[i + 1]! - xs[i]!;
  const d = (i: number): number => (ys[i + 1]! - ys[i]!) / h(i);
  if (n === 2) return [d(0), d(0)];
  const slopes: number[] = [endSlope(d(0), d(1), h(0), h(1))];
  for (let i = 1; i < n - 1; i++) {
    const parabola = (d(i - 1) * h(i) + d(i) * h(i - 1)) / (h(i - 1) + h(i));
    const limited = Math.min(Math.abs(d(i - 1)), Math.abs(d(i)), Math.abs(parabola) / 2);
    slopes.push((Math.sign(d(i - 1)) + Math.sign(d(i))) * limited);
  }
  slopes.push(endSlope(d(n - 2), d(n - 3), h(n - 2), h(n - 3)));
  return slopes;
}

/**
 * Steffen's slope at an end knot whose interval has secant `d0` and width `h0` (the next
 * interval inward: `d1`, `h1`): the parabola through the three knots, kept between 0 and 2·d0.
 */
function endSlope(d0: number, d1: number, h0: number, h1: number): number {
  const parabola = d0 * (1 + h0 / (h0 + h1)) - (d1 * h0) / (h0 + h1);
  if (parabola * d0 <= 0) return 0;
  return Math.abs(parabola) > 2 * Math.abs(d0) ? 2 * d0 : parabola;
}

/** The index i of the interval [xs[i], xs[i+1]] holding `x` (xs[0] ≤ x ≤ xs.at(-1)). */
function intervalAt(xs: readonly number[], x: number): number {
  let low = 0;
  let high = xs.length - 2;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (xs[mid]! <= x) low = mid;
    else high = mid - 1;
  }
  return low;
}
