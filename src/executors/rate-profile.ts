import type { RateProfile, RateSegment } from './types.js';

/**
 * The math of a piecewise-linear rate profile: the rate r(t) in iterations/s, the cumulative
 * arrivals Λ(t) = ∫₀ᵗ r, and its inverse. Times are ms from the workload's start. Works for
 * any number of segments (curve replays have thousands): O(log n) per query, O(n) memory.
 */
export interface RateCurve {
  /** The end of the profile, ms. */
  readonly durationMs: number;
  /** Λ(durationMs): the expected number of arrivals over the whole profile. */
  readonly total: number;
  /** r(t) in iterations/s; 0 outside [0, durationMs). */
  rateAt(ms: number): number;
  /** Λ(t): arrivals expected in [0, t], t clamped to [0, durationMs]. */
  cumulative(ms: number): number;
  /**
   * Λ⁻¹(x): the earliest time at which Λ exceeds `x`, in ms (so spans of rate 0 are skipped:
   * arrivals resume where the rate does). `durationMs` when x ≥ total; 0 when x < 0.
   */
  inverse(x: number): number;
}

/** Builds the {@link RateCurve} of `profile`, whose segments are contiguous from 0. */
export function createRateCurve(profile: RateProfile): RateCurve {
  const segments = profile.segments;
  // ends[i] = Λ at the end of segment i: the only per-segment state kept.
  const ends: number[] = [];
  let sum = 0;
  for (const segment of segments) {
    sum += (segment.durationMs / 1000) * ((segment.fromRate + segment.toRate) / 2);
    ends.push(sum);
  }
  const last = segments.at(-1);
  const durationMs = last ? last.startMs + last.durationMs : 0;
  const startOf = (i: number): number => (i === 0 ? 0 : ends[i - 1]!);

  return {
    durationMs,
    total: sum,
    rateAt(ms) {
      if (!(ms >= 0 && ms < durationMs)) return 0;
      const segment = segments[segmentAt(segments, ms)]!;
      return rateInSegment(segment, ms - segment.startMs);
    },
    cumulative(ms) {
      if (!(ms > 0)) return 0;
      if (ms >= durationMs) return sum;
      const i = segmentAt(segments, ms);
      return startOf(i) + areaInSegment(segments[i]!, ms - segments[i]!.startMs);
    },
    inverse(x) {
      if (x >= sum) return durationMs;
      return x < 0 ? 0 : inverse(x);
    },
  };

  function inverse(x: number): number {
    const i = firstEndAbove(ends, x);
    const segment = segments[i]!;
    return segment.startMs + timeForArea(segment, x - startOf(i));
  }
}

/** r at `intoMs` ms into `segment`, iterations/s. */
function rateInSegment(segment: RateSegment, intoMs: number): number {
  if (segment.durationMs === 0) return segment.toRate;
  return segment.fromRate + ((segment.toRate - segment.fromRate) * intoMs) / segment.durationMs;
}

/** Arrivals in the first `intoMs` ms of `segment`: r₀τ + aτ²/2, τ in seconds. */
function areaInSegment(segment: RateSegment, intoMs: number): number {
  const tau = intoMs / 1000;
  return tau * ((segment.fromRate + rateInSegment(segment, intoMs)) / 2);
}

/**
 * The τ (ms into `segment`) at which the segment's area reaches `area`: the root of
 * aτ²/2 + r₀τ = area, written as 2·area / (r₀ + √(r₀² + 2a·area)) so it stays exact when
 * a → 0 and never cancels catastrophically.
 */
function timeForArea(segment: RateSegment, area: number): number {
  if (area <= 0) return 0;
  const seconds = segment.durationMs / 1000;
  const slope = (segment.toRate - segment.fromRate) / seconds;
  const root = Math.sqrt(Math.max(0, segment.fromRate ** 2 + 2 * slope * area));
  const tau = (2 * area) / (segment.fromRate + root);
  return Math.min(segment.durationMs, tau * 1000);
}

/** The index of the segment holding `ms` (the last one starting at or before it). */
function segmentAt(segments: readonly RateSegment[], ms: number): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    if (segments[mid]!.startMs <= ms) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The smallest i with ends[i] > x; callers ensure x < ends.at(-1). */
function firstEndAbove(ends: readonly number[], x: number): number {
  let low = 0;
  let high = ends.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (ends[mid]! > x) high = mid;
    else low = mid + 1;
  }
  return low;
}
