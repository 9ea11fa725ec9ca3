import { z } from 'zod';
import { defineExecutor } from './define-executor.js';
import { arrivalRatePlan, stagePieces } from './plan-parts.js';
import {
  baseShape,
  checkStages,
  openModelShape,
  rateStageSchema,
  timeUnitField,
} from './schema-parts.js';
import type { ArrivalRateExecutorConfig, Stage } from './types.js';

/**
 * k6's `ramping-arrival-rate`: the rate of iterations per `timeUnit` starts at `startRate` and
 * moves linearly to each stage's target over the stage's duration (open model).
 */
export interface RampingArrivalRateConfig extends ArrivalRateExecutorConfig {
  type: 'ramping-arrival-rate';
  /** Iterations per `timeUnit` at the start. Default 0. */
  startRate?: number;
  /** The ramps, in order; `target` is iterations per `timeUnit`. At least one. */
  stages: readonly Stage[];
}

/** The schema of {@link RampingArrivalRateConfig}: strict, durations parsed to ms. */
export const rampingArrivalRateSchema = z
  .strictObject({
    type: z.literal('ramping-arrival-rate'),
    startRate: z.number().min(0).default(0),
    timeUnit: timeUnitField,
    stages: z.array(rateStageSchema).min(1).readonly(),
    ...openModelShape,
    ...baseShape,
  })
  .superRefine((config, ctx) =>
    checkStages(config.startRate, config.stages, 'startRate', ctx),
  ) satisfies z.ZodType<unknown, RampingArrivalRateConfig>;

/** The load model `ramping-arrival-rate`: one linear rate segment per stage. */
export const rampingArrivalRate = defineExecutor(
  'ramping-arrival-rate',
  rampingArrivalRateSchema,
  (config) => arrivalRatePlan(config.type, config, stagePieces(config.startRate, config.stages)),
);
