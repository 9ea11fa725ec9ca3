import { z } from 'zod';
import { defineExecutor } from './define-executor.js';
import { vusPlan } from './plan-parts.js';
import { baseShape, duration } from './schema-parts.js';
import type { BaseExecutorConfig } from './types.js';

/**
 * k6's `constant-vus`: `vus` VUs each run iterations back to back for `duration` (a closed
 * model: a slow service slows the iterations down).
 */
export interface ConstantVusConfig extends BaseExecutorConfig {
  type: 'constant-vus';
  /** How many VUs run at once. */
  vus: number;
  /** How long the VUs keep starting iterations, e.g. '5m'. */
  duration: string;
}

/** The schema of {@link ConstantVusConfig}: strict, durations parsed to ms. */
export const constantVusSchema = z.strictObject({
  type: z.literal('constant-vus'),
  vus: z.int().min(1),
  duration: duration('positive'),
  ...baseShape,
}) satisfies z.ZodType<unknown, ConstantVusConfig>;

/** The load model `constant-vus`: one flat VU segment. */
export const constantVus = defineExecutor('constant-vus', constantVusSchema, (config) =>
  vusPlan(config.type, config, [
    { startMs: 0, durationMs: config.duration, from: config.vus, to: config.vus },
  ]),
);
