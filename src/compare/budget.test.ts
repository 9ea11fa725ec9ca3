import { describe, expect, it } from 'vitest';
import { isLaunchdayError } from '../core/errors.js';
import {
  budgetFor,
  budgetSettings,
  DEFAULT_BUDGETS,
  parseBudget,
  parseBudgetFlag,
  unusedBudgetKeys,
} from './budget.js';
import { DEFAULT_SELECTORS, parseMetricSelector } from './metric-selector.js';

function refusal(parse: () => unknown): string {
  try {
    parse();
  } catch (error) {
    if (!isLaunchdayError(error)) throw error;
    expect(error.code).toBe('LAUNCHDAY_ERR_USAGE');
    expect(error.hint).toContain("'+10%,+1ms'");
    return error.message;
  }
  throw new Error('expected the budget to be refused');
}

const p99 = parseMetricSelector('http_req_duration:p(99)');
const signupP99 = parseMetricSelector('http_req_duration{name:signup}:p(99)');
const errors = parseMetricSelector('http_req_failed:rate');
const throughput = parseMetricSelector('http_reqs:rate');
const dropped = parseMetricSelector('dropped_iterations:count');

describe('parseBudget', () => {
  it('reads relative, time, point and plain bounds, the sign optional', () => {
    expect(parseBudget('+10%')).toEqual({ relative: 0.1 });
    expect(parseBudget('+1ms')).toEqual({ ms: 1 });
    expect(parseBudget('+10%, +1ms')).toEqual({ relative: 0.1, ms: 1 });
    expect(parseBudget('+0.5pt')).toEqual({ points: 0.005 });
    expect(parseBudget('-10%')).toEqual({ relative: 0.1 });
    expect(parseBudget('250us,+2s')).toEqual({ ms: 2000 });
    expect(parseBudget('+5/s')).toEqual({ plain: 5 });
    expect(parseBudget('12')).toEqual({ plain: 12 });
  });

  it('refuses what is not a bound, naming it', () => {
    expect(refusal(() => parseBudget('+10 percent'))).toBe(
      "invalid budget: --budget +10 percent: '+10 percent' is not a bound",
    );
    expect(refusal(() => parseBudget(''))).toContain("'' is not a bound");
    expect(refusal(() => parseBudget('+10%,'))).toContain("'' is not a bound");
  });
});

describe('parseBudgetFlag', () => {
  it('reads a budget for one metric, keyed canonically', () => {
    const flag = parseBudgetFlag('http_req_duration{ name : signup }:p(99)=+5%');
    expect(flag.selector?.key).toBe(signupP99.key);
    expect(flag.bounds).toEqual({ relative: 0.05 });
  });

  it('refuses a bound whose unit does not fit the metric', () => {
    expect(refusal(() => parseBudgetFlag('http_req_failed:rate=+1ms'))).toContain(
      'times (us, ms, s) do not fit http_req_failed:rate (points (pt) or % do)',
    );
    expect(refusal(() => parseBudgetFlag('http_req_duration:p(99)=+0.5pt'))).toContain(
      'points (pt) do not fit',
    );
    expect(refusal(() => parseBudgetFlag('http_reqs:rate=+2ms'))).toContain(
      '(plain numbers or % do)',
    );
  });

  it('refuses a plain number as a budget for every metric', () => {
    expect(refusal(() => parseBudgetFlag('+5'))).toContain('gives each bound a unit');
  });
});

describe('budgetFor', () => {
  it('has the documented defaults per unit', () => {
    const none = budgetSettings([]);
    expect(budgetFor(p99, none)).toEqual({ relative: 0.1, absolute: 1 });
    expect(budgetFor(errors, none)).toEqual({ relative: null, absolute: 0.005 });
    expect(budgetFor(parseMetricSelector('checks:rate'), none)).toEqual({
      relative: null,
      absolute: 0.005,
    });
    expect(budgetFor(throughput, none)).toEqual({ relative: 0.1, absolute: null });
    expect(budgetFor(dropped, none)).toEqual({ relative: 0.1, absolute: 10 });
    expect(DEFAULT_BUDGETS.ms).toEqual({ relative: 0.1, ms: 1 });
  });

  it('takes each bound from the flag, then the scenario, then the global flag, then the default', () => {
    const settings = budgetSettings(
      ['+20%', 'http_req_duration{name:signup}:p(99)=+5%', '+2ms', '+1pt'],
      { 'http_req_duration{name:signup}:p(99)': '+7%,+3ms', 'http_req_duration:p(99)': '+4ms' },
    );
    expect(budgetFor(signupP99, settings)).toEqual({ relative: 0.05, absolute: 3 });
    expect(budgetFor(p99, settings)).toEqual({ relative: 0.2, absolute: 4 });
    expect(budgetFor(parseMetricSelector('http_req_duration:p(50)'), settings)).toEqual({
      relative: 0.2,
      absolute: 2,
    });
    expect(budgetFor(errors, settings)).toEqual({ relative: 0.2, absolute: 0.01 });
    expect(budgetFor(dropped, settings)).toEqual({ relative: 0.2, absolute: 10 });
  });

  it('lets a later flag of the same place win, bound by bound', () => {
    const settings = budgetSettings([
      '+20%,+2ms',
      '+30%',
      'http_reqs:rate=+5%',
      'http_reqs:rate=+3/s',
    ]);
    expect(budgetFor(p99, settings)).toEqual({ relative: 0.3, absolute: 2 });
    expect(budgetFor(throughput, settings)).toEqual({ relative: 0.05, absolute: 3 });
  });

  it('refuses a scenario budget that does not parse, naming where it is', () => {
    expect(refusal(() => budgetSettings([], { 'http_req_failed:rate': '+1ms' }))).toContain(
      'compare.budgets http_req_failed:rate=+1ms',
    );
  });

  it('names the per-metric budgets that match no compared metric', () => {
    const settings = budgetSettings(['http_req_duration{name:sigup}:p(99)=+5%', '+5%'], {
      'checks:rate': '+1pt',
    });
    expect(unusedBudgetKeys(settings, DEFAULT_SELECTORS)).toEqual([
      'http_req_duration{name:sigup}:p(99)',
    ]);
  });
});
