import { z } from 'zod';
import { defineExecutor } from './define-executor.js';
import { stagePieces, vusPlan } from './plan-parts.js';
import { baseShape, checkStages, duration, vuStageSchema } from './schema-parts.js';
import type { BaseExecutorConfig, Stage } from './types.js';

/**
 * k6's `ramping-vus`: the number of VUs starts at `startVUs` and moves linearly to each stage's
 * target over the stage's duration; each VU runs iterations back to back (closed model).
 */
export interface RampingVusConfig extends BaseExecutorConfig {
  type: 'ramping-vus';
  /** VUs at the start. Default 1. */
  startVUs?: number;
  /** The ramps, in order; `target` is a VU count. At least one. */
  stages: readonly Stage[];
  /**
   * How long a VU removed by a ramp-down may take to finish its iteration before it stops
   * counting as active. Default '30s'.
   */
  gracefulRampDown?: string;
}

/** The schema of {@link RampingVusConfig}: strict, durations parsed to ms. */
export const rampingVusSchema = z
  .strictObject({
    type: z.literal('ramping-vus'),
    startVUs: z.int().min(0).default(1),
    stages: z.array(vuStageSchema).min(1).readonly(),
    gracefulRampDown: duration('nonnegative').prefault('30s'),
    ...baseShape,
  })
  .superRefine((config, ctx) =>
    checkStages(config.startVUs, config.stages, 'startVUs', ctx),
  ) satisfies z.ZodType<unknown, RampingVusConfig>;

/** The load model `ramping-vus`: one linear VU segment per stage. */
export const rampingVus = defineExecutor('ramping-vus', rampingVusSchema, (config) =>
  vusPlan(
    config.type,
    config,
    stagePieces(config.startVUs, config.stages),
    config.gracefulRampDown,
  ),
);
