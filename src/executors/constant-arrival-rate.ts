import { z } from 'zod';
import { defineExecutor } from './define-executor.js';
import { arrivalRatePlan } from './plan-parts.js';
import { baseShape, duration, openModelShape, timeUnitField } from './schema-parts.js';
import type { ArrivalRateExecutorConfig } from './types.js';

/**
 * k6's `constant-arrival-rate`: starts `rate` iterations per `timeUnit` for `duration`,
 * whatever the responses do (an open model: a slow service does not slow the arrivals).
 */
export interface ConstantArrivalRateConfig extends ArrivalRateExecutorConfig {
  type: 'constant-arrival-rate';
  /** Iterations to start per `timeUnit`, e.g. 200 with timeUnit '1s' is 200 iterations/s. */
  rate: number;
  /** How long to keep starting iterations, e.g. '5m'. */
  duration: string;
}

/** The schema of {@link ConstantArrivalRateConfig}: strict, durations parsed to ms. */
export const constantArrivalRateSchema = z.strictObject({
  type: z.literal('constant-arrival-rate'),
  rate: z.number().positive(),
  timeUnit: timeUnitField,
  duration: duration('positive'),
  ...openModelShape,
  ...baseShape,
}) satisfies z.ZodType<unknown, ConstantArrivalRateConfig>;

/** The load model `constant-arrival-rate`: one flat rate segment. */
export const constantArrivalRate = defineExecutor(
  'constant-arrival-rate',
  constantArrivalRateSchema,
  (config) =>
    arrivalRatePlan(config.type, config, [
      { startMs: 0, durationMs: config.duration, from: config.rate, to: config.rate },
    ]),
);
