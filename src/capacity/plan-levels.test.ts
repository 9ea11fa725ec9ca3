import { describe, expect, it } from 'vitest';
import { type ArrivalRatePlan, planExecutor } from '../executors/index.js';
import { planLevels } from './plan-levels.js';

const plan = (config: object) => planExecutor(config, 'executor') as ArrivalRatePlan;

describe('planLevels', () => {
  it('makes every step of a staircase a level of whole seconds, after its start time', () => {
    const stairs = plan({
      type: 'step-arrival-rate',
      startTime: '2s',
      steps: [
        { rate: 10, duration: '5s' },
        { rate: 0, duration: '3s' },
        { rate: 30, duration: '4500ms' },
      ],
    });
    expect(planLevels(stairs, 2, 'w')).toEqual([
      { offered: 10, startS: 2, warmupS: 2, endS: 7 },
      { offered: 30, startS: 10, warmupS: 2, endS: 14 },
    ]);
  });

  it('takes the holds of a ramping plan and leaves out its ramps and short holds', () => {
    const ramping = plan({
      type: 'ramping-arrival-rate',
      startRate: 0,
      stages: [
        { target: 50, duration: '10s' },
        { target: 50, duration: '20s' },
        { target: 80, duration: '5s' },
        { target: 80, duration: '2s' },
      ],
    });
    expect(planLevels(ramping, 3, 'w')).toEqual([
      { offered: 50, startS: 10, warmupS: 3, endS: 30 },
    ]);
  });

  it('refuses a plan with no level longer than the warm-up, naming the workload', () => {
    const short = plan({ type: 'constant-arrival-rate', rate: 5, duration: '3s' });
    expect(() => planLevels(short, 3, 'readers')).toThrow(
      /workload readers holds no constant rate for longer than the 3 s warm-up/,
    );
  });
});
