import { createMonotoneSpline, type MonotoneSpline } from './monotone-spline.js';
import { planStage } from './plan-parts.js';
import type { PlanStage, RateSegment } from './types.js';

/** How a cumulative curve maps onto a run. */
export interface CurveReplayTiming {
  /** The length of one unit of the points' time, ms. */
  readonly timeUnitMs: number;
  /** How much faster than real time the curve is replayed (2 = twice as fast). */
  readonly compress: number;
  /** The share of the curve's arrivals replayed (0.001 = one in a thousand). */
  readonly scale: number;
}

/** The rate of a replayed curve: what a curve-replay plan holds. */
export interface CurveRate {
  /** The rate, iterations/s, piecewise linear from 0 (a few pieces per curve interval). */
  readonly segments: readonly RateSegment[];
  /** One row per curve interval, split where the rate peaks or dips inside it. */
  readonly stages: readonly PlanStage[];
}

// The share of an interval's arrivals the piecewise-linear rate may miss or add: the
// trapezoid rule's error over a quadratic rate bounds the pieces an interval needs.
const AREA_TOLERANCE = 1e-3;
const STAGE_DIGITS = 4;

/**
 * The rate profile of replaying the cumulative curve through `points` ([time, cumulative],
 * validated: times strictly increasing, cumulatives non-decreasing) with `timing`:
 * Λ(t) = scale · (C(x₀ + t · compress) − C(x₀)), C the monotone (Steffen) interpolant of the
 * points, t from 0 at the first point. The exact rate is a quadratic over each interval; it is
 * followed by linear pieces whose total misses C's by at most 0.1% of the interval's arrivals.
 */
export function curveRate(
  points: readonly (readonly [number, number])[],
  timing: CurveReplayTiming,
): CurveRate {
  const spline = createMonotoneSpline(
    points.map((point) => point[0]),
    points.map((point) => point[1]),
  );
  const x0 = spline.xs[0]!;
  const msPerUnit = timing.timeUnitMs / timing.compress;
  const toMs = (x: number): number => (x - x0) * msPerUnit;
  const rateAt = (x: number): number => (timing.scale * spline.slopeAt(x) * 1000) / msPerUnit;

  const segments: RateSegment[] = [];
  const stages: PlanStage[] = [];
  for (let i = 0; i < spline.xs.length - 1; i++) {
    const pieces = piecesIn(spline, i);
    const from = spline.xs[i]!;
    const width = spline.xs[i + 1]! - from;
    for (let k = 0; k < pieces; k++) {
      const a = from + (width * k) / pieces;
      const b = k === pieces - 1 ? spline.xs[i + 1]! : from + (width * (k + 1)) / pieces;
      segments.push(segment(toMs(a), toMs(b), rateAt(a), rateAt(b)));
    }
    const turn = spline.slopeTurnIn(i);
    const breaks = turn === undefined ? [from, from + width] : [from, turn, from + width];
    for (let k = 0; k < breaks.length - 1; k++) {
      const [a, b] = [breaks[k]!, breaks[k + 1]!];
      stages.push(
        planStage(
          toMs(a),
          toMs(b) - toMs(a),
          rounded(rateAt(a)),
          rounded(rateAt(b)),
          'iterations/s',
        ),
      );
    }
  }
  return { segments, stages };
}

/**
 * How many linear pieces interval `i` needs. With α, β the knot slopes over the secant, the
 * trapezoid rule over n pieces misses |α + β − 2| / (2n²) of the interval's arrivals; Steffen's
 * slopes keep α, β within [0, 2], so an interval needs at most 32 pieces.
 */
function piecesIn(spline: MonotoneSpline, i: number): number {
  const width = spline.xs[i + 1]! - spline.xs[i]!;
  const secant = (spline.ys[i + 1]! - spline.ys[i]!) / width;
  if (secant === 0) return 1;
  const bend = Math.abs((spline.slopes[i]! + spline.slopes[i + 1]!) / secant - 2);
  return Math.max(1, Math.ceil(Math.sqrt(bend / (2 * AREA_TOLERANCE))));
}

function segment(startMs: number, endMs: number, fromRate: number, toRate: number): RateSegment {
  return { startMs, durationMs: endMs - startMs, fromRate, toRate };
}

/** A rate for people to read: four significant digits. */
function rounded(rate: number): number {
  return Number(rate.toPrecision(STAGE_DIGITS));
}
