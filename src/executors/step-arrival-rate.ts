import { z } from 'zod';
import { defineExecutor } from './define-executor.js';
import { arrivalRatePlan } from './plan-parts.js';
import { baseShape, duration, openModelShape, timeUnitField } from './schema-parts.js';
import type { ArrivalRateExecutorConfig } from './types.js';

/** One step of a staircase: hold `rate` iterations per `timeUnit` for `duration`. */
export interface RateStep {
  /** Iterations per `timeUnit` during the step; 0 is a pause. */
  rate: number;
  /** How long the step lasts, e.g. '1m'. */
  duration: string;
}

/**
 * launchday's `step-arrival-rate` (not in k6): a staircase of constant rates, each held for
 * its duration, with no ramp between them. Capacity search runs one step per load level.
 */
export interface StepArrivalRateConfig extends ArrivalRateExecutorConfig {
  type: 'step-arrival-rate';
  /** The levels, in order. At least one, and one with a rate above 0. */
  steps: readonly RateStep[];
}

const stepSchema = z.strictObject({
  rate: z.number().min(0),
  duration: duration('positive'),
});

/** The schema of {@link StepArrivalRateConfig}: strict, durations parsed to ms. */
export const stepArrivalRateSchema = z
  .strictObject({
    type: z.literal('step-arrival-rate'),
    timeUnit: timeUnitField,
    steps: z.array(stepSchema).min(1).readonly(),
    ...openModelShape,
    ...baseShape,
  })
  .superRefine((config, ctx) => {
    if (config.steps.some((step) => step.rate > 0)) return;
    ctx.addIssue({
      code: 'custom',
      path: ['steps'],
      message: 'at least one step needs a rate above 0',
    });
  }) satisfies z.ZodType<unknown, StepArrivalRateConfig>;

/** The load model `step-arrival-rate`: one flat rate segment per step. */
export const stepArrivalRate = defineExecutor(
  'step-arrival-rate',
  stepArrivalRateSchema,
  (config) => {
    let startMs = 0;
    const pieces = config.steps.map((step) => {
      const piece = { startMs, durationMs: step.duration, from: step.rate, to: step.rate };
      startMs += step.duration;
      return piece;
    });
    return arrivalRatePlan(config.type, config, pieces);
  },
);
