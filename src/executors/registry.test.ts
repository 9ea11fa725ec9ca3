import { describe, expect, it } from 'vitest';
import { isLaunchdayError, type LaunchdayError } from '../core/errors.js';
import { executorDefinition, executorTypes, planExecutor } from './registry.js';

const PATH = 'workloads.readers.executor';

function failure(config: unknown): LaunchdayError {
  try {
    planExecutor(config, PATH);
  } catch (error) {
    if (isLaunchdayError(error)) return error;
    throw error;
  }
  throw new Error('the config was accepted');
}

describe('planExecutor on invalid configs', () => {
  it('names the known types when the type is unknown', () => {
    const error = failure({ type: 'constant-arrival', rate: 1 });
    expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_SCENARIO');
    expect(error.exitCode).toBe(2);
    expect(error.issues).toEqual([
      { path: `${PATH}.type`, message: "'constant-arrival' is not an executor type" },
    ]);
    for (const type of executorTypes) expect(error.hint).toContain(type);
  });

  it('asks for a type, and for an object', () => {
    expect(failure({ rate: 1 }).issues).toEqual([{ path: `${PATH}.type`, message: 'is required' }]);
    expect(failure('constant-vus').issues).toEqual([
      { path: PATH, message: 'must be an object with a type' },
    ]);
    expect(failure(null).issues).toHaveLength(1);
  });

  it('reports every problem at once, each at its path', () => {
    const error = failure({
      type: 'constant-arrival-rate',
      rate: -5,
      duration: 'soon',
      maxInFlight: 2.5,
      arrivals: 'bursty',
      preAllocatedVUs: 10,
    });
    expect(error.issues).toEqual([
      { path: `${PATH}.rate`, message: 'must be greater than 0' },
      {
        path: `${PATH}.duration`,
        message:
          "'soon' is not a duration: write a number and a unit, e.g. '500ms', '30s', '1m30s'",
      },
      { path: `${PATH}.arrivals`, message: "must be 'uniform' or 'poisson'" },
      { path: `${PATH}.maxInFlight`, message: 'must be an integer' },
      { path: `${PATH}.preAllocatedVUs`, message: 'is not a known key' },
    ]);
    expect(error.message).toContain(`${PATH}.rate must be greater than 0`);
    expect(error.hint).toBe(
      'constant-arrival-rate takes: type, rate, timeUnit, duration, arrivals, maxInFlight, startTime, gracefulStop; ' +
        "durations are strings such as '500ms', '30s', '1m30s'",
    );
  });

  it('says what is missing', () => {
    expect(failure({ type: 'constant-vus' }).issues).toEqual([
      { path: `${PATH}.vus`, message: 'is required' },
      { path: `${PATH}.duration`, message: 'is required' },
    ]);
  });

  it('points into stages, and lists the stage keys in the hint', () => {
    const error = failure({
      type: 'ramping-arrival-rate',
      stages: [
        { target: 10, duration: '10s' },
        { target: -1, duration: 5, ramp: 'linear' },
      ],
    });
    expect(error.issues).toEqual([
      { path: `${PATH}.stages[1].target`, message: 'must be at least 0' },
      { path: `${PATH}.stages[1].duration`, message: 'must be a string' },
      { path: `${PATH}.stages[1].ramp`, message: 'is not a known key' },
    ]);
    expect(error.hint).toContain('stages: [{ target, duration }]');
  });

  it('checks stages as k6 does: some duration, some load, at least one stage', () => {
    expect(failure({ type: 'ramping-vus', stages: [] }).issues).toEqual([
      { path: `${PATH}.stages`, message: 'needs at least 1 item' },
    ]);
    expect(
      failure({ type: 'ramping-vus', stages: [{ target: 5, duration: '0s' }] }).issues,
    ).toEqual([{ path: `${PATH}.stages`, message: 'the durations must add up to more than 0' }]);
    expect(
      failure({ type: 'ramping-vus', startVUs: 0, stages: [{ target: 0, duration: '5s' }] }).issues,
    ).toEqual([
      {
        path: `${PATH}.stages`,
        message: 'either startVUs or a stage target must be greater than 0',
      },
    ]);
    expect(
      failure({ type: 'ramping-arrival-rate', stages: [{ target: 0, duration: '5s' }] }).issues,
    ).toEqual([
      {
        path: `${PATH}.stages`,
        message: 'either startRate or a stage target must be greater than 0',
      },
    ]);
  });

  it('rejects zero durations where they make no sense, and fractional VUs', () => {
    expect(
      failure({ type: 'constant-vus', vus: 1.5, duration: '0s', timeUnit: '1s' }).issues,
    ).toEqual([
      { path: `${PATH}.vus`, message: 'must be an integer' },
      { path: `${PATH}.duration`, message: 'must be longer than 0' },
      { path: `${PATH}.timeUnit`, message: 'is not a known key' },
    ]);
    expect(
      failure({ type: 'step-arrival-rate', timeUnit: '0s', steps: [{ rate: 0, duration: '1s' }] })
        .issues,
    ).toEqual([{ path: `${PATH}.timeUnit`, message: 'must be longer than 0' }]);
    expect(
      failure({ type: 'step-arrival-rate', steps: [{ rate: 0, duration: '1s' }] }).issues,
    ).toEqual([{ path: `${PATH}.steps`, message: 'at least one step needs a rate above 0' }]);
  });
});

describe('the registry', () => {
  it('knows every load model by its k6 name', () => {
    expect(executorTypes).toEqual([
      'constant-arrival-rate',
      'ramping-arrival-rate',
      'step-arrival-rate',
      'curve-replay',
      'constant-vus',
      'ramping-vus',
    ]);
    expect(executorDefinition('ramping-vus')?.keys).toBe(
      'type, startVUs, stages: [{ target, duration }], gracefulRampDown, startTime, gracefulStop',
    );
    expect(executorDefinition('nope')).toBeUndefined();
  });
});
