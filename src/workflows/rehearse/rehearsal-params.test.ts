import { describe, expect, it } from 'vitest';
import { param } from '../../scenario/index.js';
import { withShorthands } from './rehearsal-params.js';

const specs = {
  duration: param.duration({ default: '2m' }),
  users: param.number({ default: 10_000 }),
};

describe('withShorthands', () => {
  it('sets --duration and --users as the scenario parameters of those names', () => {
    expect(withShorthands(specs, { rate: '5' }, { duration: '30s', users: 500 })).toEqual({
      rate: '5',
      duration: '30s',
      users: '500',
    });
    expect(withShorthands(specs, { users: '500' }, { users: 500 })).toEqual({ users: '500' });
  });

  it('refuses --duration for a scenario without a duration, naming its parameters', () => {
    expect(() => withShorthands({ users: specs.users }, {}, { duration: '1m' })).toThrow(
      expect.objectContaining({
        code: 'LAUNCHDAY_ERR_USAGE',
        message: '--duration: the scenario has no duration parameter',
        hint: expect.stringContaining('users'),
      }),
    );
  });

  it('lets --users seed the target of a scenario that takes no users parameter', () => {
    expect(withShorthands(undefined, {}, { users: 50 })).toEqual({});
  });

  it('refuses a shorthand that disagrees with --param', () => {
    expect(() => withShorthands(specs, { duration: '1m' }, { duration: '2m' })).toThrow(
      /--duration 2m and --param duration=1m disagree/,
    );
  });
});
