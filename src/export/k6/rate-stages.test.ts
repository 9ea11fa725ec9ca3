import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../core/duration.js';
import { type ArrivalRatePlan, parseCurveCsv, planExecutor } from '../../executors/index.js';
import { k6Iterations, rateStages } from './rate-stages.js';

const THREADS_CSV = new URL('../../../scenarios/data/threads-launch-signups.csv', import.meta.url);

function arrivalPlan(config: unknown): ArrivalRatePlan {
  const plan = planExecutor(config, 'executor');
  if (plan.model !== 'arrival-rate') throw new Error('not an arrival-rate plan');
  return plan;
}

/** The Threads launch curve as launch-day.ts reads it, with the launch itself at (0, 0). */
function threadsCurve(): [number, number][] {
  const text = readFileSync(THREADS_CSV, 'utf8');
  const points = parseCurveCsv(text, THREADS_CSV.pathname, {
    time: 'hours_since_launch',
    cumulative: 'cumulative_signups_millions',
    multiplier: 1e6,
  });
  return [[0, 0], ...points.map(([t, c]) => [t, c] as [number, number])];
}

describe('rateStages', () => {
  it('keeps a ramping-arrival-rate as it is written when its rates are whole per second', () => {
    const plan = arrivalPlan({
      type: 'ramping-arrival-rate',
      startRate: 0,
      stages: [
        { target: 40, duration: '20s' },
        { target: 40, duration: '60s' },
        { target: 8, duration: '40s' },
      ],
    });
    expect(rateStages(plan.rate.segments)).toEqual({
      startRate: 0,
      timeUnitSeconds: 1,
      stages: [
        { target: 40, duration: '20s' },
        { target: 40, duration: '60s' },
        { target: 8, duration: '40s' },
      ],
    });
  });

  it('turns the steps of step-arrival-rate into 0s jumps and holds', () => {
    const plan = arrivalPlan({
      type: 'step-arrival-rate',
      steps: [
        { rate: 10, duration: '30s' },
        { rate: 25, duration: '30s' },
        { rate: 5, duration: '15s' },
      ],
    });
    const stages = rateStages(plan.rate.segments);
    expect(stages).toEqual({
      startRate: 10,
      timeUnitSeconds: 1,
      stages: [
        { target: 10, duration: '30s' },
        { target: 25, duration: '0s' },
        { target: 25, duration: '30s' },
        { target: 5, duration: '0s' },
        { target: 5, duration: '15s' },
      ],
    });
    expect(k6Iterations(stages)).toBe(plan.plannedIterations);
  });

  it('scales fractional rates to whole targets with a longer time unit', () => {
    const plan = arrivalPlan({
      type: 'step-arrival-rate',
      timeUnit: '1m',
      steps: [
        { rate: 7, duration: '1m' },
        { rate: 13, duration: '2m' },
      ],
    });
    const stages = rateStages(plan.rate.segments);
    expect(stages.timeUnitSeconds).toBe(60);
    expect(stages.stages.map((s) => s.target)).toEqual([7, 13, 13]);
    expect(k6Iterations(stages)).toBeCloseTo(plan.plannedIterations, 6);
  });

  it.each([
    ['compressed to 2 minutes', 102 * 30],
    ['compressed to 20 seconds', 102 * 180],
    ['at 300x', 300],
  ])('follows the Threads curve-replay %s within 1%% of its planned iterations', (_, compress) => {
    for (const scale of [3e-5, 3e-6]) {
      const plan = arrivalPlan({
        type: 'curve-replay',
        points: threadsCurve(),
        timeUnit: '1h',
        compress,
        scale,
      });
      const stages = rateStages(plan.rate.segments);
      for (const stage of stages.stages) expect(Number.isInteger(stage.target)).toBe(true);
      const k6 = k6Iterations(stages);
      expect(Math.abs(k6 - plan.plannedIterations)).toBeLessThanOrEqual(
        0.01 * plan.plannedIterations,
      );
    }
  });

  it('keeps stage ends on whole milliseconds without drift over many short segments', () => {
    const plan = arrivalPlan({
      type: 'curve-replay',
      points: threadsCurve(),
      timeUnit: '1h',
      compress: 102 * 180,
      scale: 3e-6,
    });
    const stages = rateStages(plan.rate.segments);
    const totalMs = stages.stages.reduce((sum, s) => sum + parseDuration(s.duration), 0);
    expect(stages.stages.length).toBeGreaterThan(50);
    expect(totalMs).toBe(Math.round(plan.durationMs));
  });
});
