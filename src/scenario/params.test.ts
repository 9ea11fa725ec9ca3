import { describe, expect, it } from 'vitest';
import { LaunchdayError } from '../core/errors.js';
import { describeParams, param, resolveParams } from './params.js';

const specs = {
  rate: param.number({ default: 100, min: 1, max: 5000, description: 'iterations/s' }),
  users: param.number({ default: 10, integer: true, min: 1 }),
  ratio: param.number({ default: 0.5 }),
  mix: param.enum(['read', 'write'], { default: 'read' }),
  warm: param.boolean({ default: false }),
  hold: param.duration({ default: '30s' }),
  region: param.string({ default: 'eu-1', pattern: '[a-z]+-\\d' }),
  note: param.string({ default: '' }),
};

function problems(overrides: Record<string, string>): LaunchdayError {
  try {
    resolveParams(specs, overrides);
  } catch (error) {
    if (error instanceof LaunchdayError) return error;
    throw error;
  }
  throw new Error('expected resolveParams to throw');
}

describe('resolveParams', () => {
  it('gives the defaults, frozen, without overrides', () => {
    const values = resolveParams(specs, {});
    expect(values).toEqual({
      rate: 100,
      users: 10,
      ratio: 0.5,
      mix: 'read',
      warm: false,
      hold: '30s',
      region: 'eu-1',
      note: '',
    });
    expect(Object.isFrozen(values)).toBe(true);
  });

  it('parses every kind of value from text', () => {
    const values = resolveParams(specs, {
      rate: '250.5',
      users: '1e2',
      ratio: '-.25',
      mix: 'write',
      warm: 'yes',
      hold: ' 1m30s ',
      region: 'us-2',
      note: 'any text = fine',
    });
    expect(values).toEqual({
      rate: 250.5,
      users: 100,
      ratio: -0.25,
      mix: 'write',
      warm: true,
      hold: '1m30s',
      region: 'us-2',
      note: 'any text = fine',
    });
  });

  it('accepts typed values from the programmatic API', () => {
    expect(resolveParams(specs, { rate: 42, warm: true })).toMatchObject({ rate: 42, warm: true });
  });

  it.each([
    ['true', true],
    ['FALSE', false],
    ['1', true],
    ['0', false],
    ['no', false],
  ])('reads boolean %s as %s', (text, expected) => {
    expect(resolveParams(specs, { warm: text }).warm).toBe(expected);
  });

  it('names the param, the value and the allowed range of a bad value', () => {
    const error = problems({ rate: '0' });
    expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_CONFIG');
    expect(error.issues).toEqual([
      { path: '--param rate', message: "got '0', expected a number from 1 to 5000" },
    ]);
    expect(error.hint).toMatch(/launchday validate/);
  });

  it('reports every problem at once, unknown keys naming the known ones', () => {
    const error = problems({
      rate: 'fast',
      users: '2.5',
      mix: 'delete',
      warm: 'maybe',
      hold: '30 seconds',
      region: 'EU',
      speed: '3',
    });
    expect(error.issues).toEqual([
      { path: '--param rate', message: "got 'fast', expected a number from 1 to 5000" },
      { path: '--param users', message: "got '2.5', expected an integer >= 1" },
      { path: '--param mix', message: "got 'delete', expected one of 'read', 'write'" },
      { path: '--param warm', message: "got 'maybe', expected true or false (or yes/no, 1/0)" },
      {
        path: '--param hold',
        message: "got '30 seconds', expected a duration such as '500ms', '30s', '2m', '1h30m'",
      },
      { path: '--param region', message: "got 'EU', expected text matching /^(?:[a-z]+-\\d)$/" },
      {
        path: '--param speed',
        message: 'unknown parameter; known: rate, users, ratio, mix, warm, hold, region, note',
      },
    ]);
    expect(error.message).toContain('--param speed');
  });

  it('rejects empty and non-finite numbers', () => {
    expect(problems({ ratio: '', rate: 'Infinity' }).issues.map((i) => i.path)).toEqual([
      '--param ratio',
      '--param rate',
    ]);
  });

  it('says when a scenario has no parameters, and joins a non-flag path with a dot', () => {
    expect(() => resolveParams(undefined, { x: '1' }, 'params')).toThrow(
      expect.objectContaining({
        issues: [
          { path: 'params.x', message: 'unknown parameter; this scenario has no parameters' },
        ],
      }),
    );
  });
});

describe('describeParams', () => {
  it('lists name, type, default, allowed values and description in order', () => {
    const rows = describeParams(specs);
    expect(rows.map((row) => row.name)).toEqual(Object.keys(specs));
    expect(rows[0]).toEqual({
      name: 'rate',
      type: 'number',
      default: 100,
      allowed: 'a number from 1 to 5000',
      description: 'iterations/s',
    });
    expect(rows[3]).toMatchObject({
      type: 'enum',
      default: 'read',
      allowed: "one of 'read', 'write'",
    });
    expect(describeParams(undefined)).toEqual([]);
  });
});
