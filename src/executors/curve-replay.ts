import { z } from 'zod';
import { curveRate } from './curve-rate.js';
import { defineExecutor } from './define-executor.js';
import { ratePlan } from './plan-parts.js';
import { baseShape, openModelShape, timeUnitField } from './schema-parts.js';
import type { ArrivalRateExecutorConfig } from './types.js';

/** One point of a cumulative curve: `[time, cumulative]`, time in the curve's `timeUnit`. */
export type CurvePoint = readonly [time: number, cumulative: number];

/**
 * launchday's `curve-replay` (not in k6): replays a curve of CUMULATIVE arrivals, e.g. the
 * sign-ups of a launch, as an open-model arrival rate. The points are joined by a monotone
 * cubic (Steffen) interpolation C, so the rate — its slope — is continuous and never negative;
 * iteration arrivals follow Λ(t) = scale · (C(x₀ + t · compress) − C(x₀)), where x₀ is the
 * FIRST point's time: the replay starts at the first point (add `[0, 0]` yourself when the
 * curve starts from nothing) and ends at the last.
 */
export interface CurveReplayConfig extends ArrivalRateExecutorConfig {
  type: 'curve-replay';
  /**
   * The curve, at least two points: times strictly increasing, cumulatives non-decreasing and
   * not negative, the last above the first. Real units (a million is 1e6, not 1).
   */
  points: readonly CurvePoint[];
  /** The unit of the points' time, e.g. '1h' when time counts hours. Default '1s'. */
  timeUnit?: string;
  /**
   * How much faster than real time the curve is replayed: 3600 with timeUnit '1h' plays one
   * hour of the curve per second of the run. Default 1.
   */
  compress?: number;
  /** The share of the curve's arrivals replayed: 1e-4 starts one iteration per 10,000. Default 1. */
  scale?: number;
}

const pointSchema = z
  .tuple([z.number(), z.number().min(0)], { error: 'must be a [time, cumulative] pair' })
  .readonly();

/** The schema of {@link CurveReplayConfig}: strict, durations parsed to ms. */
export const curveReplaySchema = z
  .strictObject({
    type: z.literal('curve-replay'),
    points: z.array(pointSchema).min(2).readonly(),
    timeUnit: timeUnitField,
    compress: z.number().positive().default(1),
    scale: z.number().positive().default(1),
    ...openModelShape,
    ...baseShape,
  })
  .superRefine((config, ctx) => checkCurve(config.points, ctx)) satisfies z.ZodType<
  unknown,
  CurveReplayConfig
>;

/** Every point out of order, then whether the curve rises at all. */
function checkCurve(points: readonly CurvePoint[], ctx: z.RefinementCtx): void {
  for (let i = 1; i < points.length; i++) {
    const [time, cumulative] = points[i]!;
    const [before, cumulativeBefore] = points[i - 1]!;
    if (!(time > before)) {
      const message = `must be greater than the time before it (${before}): times strictly increase`;
      ctx.addIssue({ code: 'custom', path: ['points', i, 0], message });
    }
    if (cumulative < cumulativeBefore) {
      const message = `must not be less than the cumulative before it (${cumulativeBefore}): a cumulative curve never falls`;
      ctx.addIssue({ code: 'custom', path: ['points', i, 1], message });
    }
  }
  const first = points[0]?.[1];
  const last = points.at(-1)?.[1];
  if (points.length >= 2 && first !== undefined && last !== undefined && !(last > first)) {
    const message = `the curve must rise: the last cumulative (${last}) must be greater than the first (${first})`;
    ctx.addIssue({ code: 'custom', path: ['points'], message });
  }
}

/** The load model `curve-replay`: the slope of a replayed cumulative curve, piece by piece. */
export const curveReplay = defineExecutor('curve-replay', curveReplaySchema, (config) => {
  const { segments, stages } = curveRate(config.points, {
    timeUnitMs: config.timeUnit,
    compress: config.compress,
    scale: config.scale,
  });
  return ratePlan(config.type, config, segments, stages);
});
