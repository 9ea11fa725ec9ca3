import { z } from 'zod';
import { parseDuration } from '../core/duration.js';

/**
 * A k6 duration string ('500ms', '30s', '1m30s') parsed to milliseconds; `positive` rejects
 * '0s'. Schemas of every executor use it so durations read the same everywhere.
 */
export function duration(bound: 'positive' | 'nonnegative') {
  return z.string().transform((text, ctx) => {
    let ms: number;
    try {
      ms = parseDuration(text);
    } catch {
      ctx.addIssue({
        code: 'custom',
        input: text,
        message: `'${text}' is not a duration: write a number and a unit, e.g. '500ms', '30s', '1m30s'`,
      });
      return z.NEVER;
    }
    if (bound === 'positive' && ms === 0) {
      ctx.addIssue({ code: 'custom', input: text, message: 'must be longer than 0' });
      return z.NEVER;
    }
    return ms;
  });
}

/** The options every executor takes: `startTime` (default '0s'), `gracefulStop` (default '30s'). */
export const baseShape = {
  startTime: duration('nonnegative').prefault('0s'),
  gracefulStop: duration('nonnegative').prefault('30s'),
};

/** An arrival-rate executor's `timeUnit`: the period rates count iterations in, default '1s'. */
export const timeUnitField = duration('positive').prefault('1s');

/** The open-model options of every arrival-rate executor, with their defaults. */
export const openModelShape = {
  arrivals: z.enum(['uniform', 'poisson']).default('uniform'),
  maxInFlight: z.int().min(1).default(1000),
};

/** A stage of a ramping arrival rate: `target` iterations per timeUnit, reached over `duration`. */
export const rateStageSchema = z.strictObject({
  target: z.number().min(0),
  duration: duration('nonnegative'),
});

/** A stage of a ramping VU count: `target` VUs, reached over `duration`. */
export const vuStageSchema = z.strictObject({
  target: z.int().min(0),
  duration: duration('nonnegative'),
});

/**
 * The checks k6 makes across stages: they last more than 0 in total, and the start value
 * (`startKey`) or some target is above 0. Issues go to `stages`.
 */
export function checkStages(
  start: number,
  stages: readonly { target: number; duration: number }[],
  startKey: string,
  ctx: z.RefinementCtx,
): void {
  // An empty list is already reported by its own minimum.
  if (stages.length === 0) return;
  if (stages.reduce((sum, stage) => sum + stage.duration, 0) <= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['stages'],
      message: 'the durations must add up to more than 0',
    });
  }
  if (Math.max(start, ...stages.map((stage) => stage.target)) <= 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['stages'],
      message: `either ${startKey} or a stage target must be greater than 0`,
    });
  }
}
