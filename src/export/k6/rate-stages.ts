import { parseDuration } from '../../core/duration.js';
import type { RateSegment } from '../../executors/index.js';
import { k6Duration } from './k6-duration.js';
import type { K6Stage } from './types.js';

/** A piecewise-linear rate as k6's `ramping-arrival-rate` takes it: integer targets per unit. */
export interface K6RateStages {
  readonly startRate: number;
  /** The unit of `startRate` and the targets, in seconds (written `${timeUnitSeconds}s`). */
  readonly timeUnitSeconds: number;
  readonly stages: readonly K6Stage[];
}

/** One stage before rounding: the rate (iterations/s) reached at `endMs` from the start. */
interface RawStage {
  readonly rate: number;
  readonly endMs: number;
}

// k6 wants whole numbers of iterations per time unit: rates are scaled by the first of these
// units (seconds) that keeps them exact, or else by the first that keeps the planned total.
const TIME_UNITS_S = [1, 10, 60, 100, 1000, 3600, 10_000, 100_000] as const;
const EXACT = 1e-9;

/**
 * k6 starts the i-th iteration where the rate's integral reaches i, so when the integral is a
 * whole number the last one is due at exactly the end, which k6 races against its stop and
 * sometimes loses: a 10 ms hold at rate 0 (no iterations) lets it start.
 */
const END_MARGIN: readonly K6Stage[] = [
  { target: 0, duration: '0s' },
  { target: 0, duration: '10ms' },
];
const TOTAL_TOLERANCE = 1e-3;

/**
 * The k6 stages of a launchday rate profile (contiguous `segments`, iterations/s): one stage
 * per segment, a `0s` stage where the rate jumps (as step-arrival-rate's steps do), stage ends
 * rounded to whole ms without drift, targets made integers by a time unit chosen so the
 * planned iterations (the rate's integral) are kept within 0.1%.
 */
export function rateStages(segments: readonly RateSegment[]): K6RateStages {
  const startRate = segments[0]?.fromRate ?? 0;
  const raw: RawStage[] = [];
  let rate = startRate;
  for (const segment of segments) {
    const endMs = segment.startMs + segment.durationMs;
    if (segment.fromRate !== rate) raw.push({ rate: segment.fromRate, endMs: segment.startMs });
    raw.push({ rate: segment.toRate, endMs });
    rate = segment.toRate;
  }
  const exactTotal = integral(startRate, raw);
  const candidates = TIME_UNITS_S.map((unit) => scaled(startRate, raw, unit));
  const exact = candidates.find((c) => c.exact);
  const close = candidates.find(
    (c) => Math.abs(k6Iterations(c) - exactTotal) <= TOTAL_TOLERANCE * Math.max(1, exactTotal),
  );
  const chosen = exact ?? close ?? candidates.at(-1)!;
  return {
    startRate: chosen.startRate,
    timeUnitSeconds: chosen.timeUnitSeconds,
    stages: chosen.stages,
  };
}

/**
 * `stages` for k6's ramping-arrival-rate, with {@link END_MARGIN} after them when their
 * integral is a whole number (the last iteration then falls on the end).
 */
export function withEndMargin(stages: K6RateStages): K6RateStages {
  if (!isWhole(k6Iterations(stages))) return stages;
  return { ...stages, stages: [...stages.stages, ...END_MARGIN] };
}

/**
 * The iterations k6 plans for `stages`: the integral of the piecewise-linear rate, which k6's
 * ramping-arrival-rate starts (rounded down, as launchday's `plannedIterations` is).
 */
export function k6Iterations(stages: K6RateStages): number {
  let total = 0;
  let from = stages.startRate;
  for (const stage of stages.stages) {
    total += ((from + stage.target) / 2) * (parseDuration(stage.duration, 'duration') / 1000);
    from = stage.target;
  }
  return total / stages.timeUnitSeconds;
}

function scaled(
  startRate: number,
  raw: readonly RawStage[],
  unit: number,
): K6RateStages & { exact: boolean } {
  let exact = isWhole(startRate * unit);
  const stages: K6Stage[] = [];
  let previousEnd = 0;
  for (const stage of raw) {
    exact &&= isWhole(stage.rate * unit);
    const end = Math.round(stage.endMs);
    stages.push({ target: Math.round(stage.rate * unit), duration: k6Duration(end - previousEnd) });
    previousEnd = end;
  }
  return { startRate: Math.round(startRate * unit), timeUnitSeconds: unit, stages, exact };
}

function integral(startRate: number, raw: readonly RawStage[]): number {
  let total = 0;
  let from = startRate;
  let fromMs = 0;
  for (const stage of raw) {
    total += ((from + stage.rate) / 2) * ((stage.endMs - fromMs) / 1000);
    from = stage.rate;
    fromMs = stage.endMs;
  }
  return total;
}

function isWhole(value: number): boolean {
  return Math.abs(value - Math.round(value)) <= EXACT * Math.max(1, Math.abs(value));
}
