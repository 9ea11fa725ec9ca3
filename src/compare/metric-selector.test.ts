import { describe, expect, it } from 'vitest';
import { isLaunchdayError, type LaunchdayError } from '../core/errors.js';
import {
  DEFAULT_SELECTORS,
  directionOf,
  expandSelectors,
  parseMetricSelector,
  unitOfSelector,
} from './metric-selector.js';

function failure(text: string): LaunchdayError {
  try {
    parseMetricSelector(text);
  } catch (error) {
    if (isLaunchdayError(error)) return error;
    throw error;
  }
  throw new Error(`expected ${text} to be refused`);
}

describe('parseMetricSelector', () => {
  it('parses a metric, its filter and its aggregation into a canonical key', () => {
    const selector = parseMetricSelector(' http_req_duration{ status:200 , name:feed }:p(99.9) ');
    expect(selector).toMatchObject({
      key: 'http_req_duration{name:feed,status:200}:p(99.9)',
      metric: 'http_req_duration',
      filter: { name: 'feed', status: '200' },
      aggregation: { method: 'p', percentile: 99.9 },
    });
    expect(parseMetricSelector('http_req_duration{name:feed}:p( 99.9 )').key).toBe(
      'http_req_duration{name:feed}:p(99.9)',
    );
  });

  it('keeps colons, spaces and commas inside quoted tag values, and quotes them again', () => {
    const selector = parseMetricSelector('http_req_duration{name:"GET /a:b, c"}:med');
    expect(selector.filter).toEqual({ name: 'GET /a:b, c' });
    expect(selector.key).toBe('http_req_duration{name:"GET /a:b, c"}:med');
    expect(parseMetricSelector(selector.key).key).toBe(selector.key);
  });

  it('takes the only aggregation of rates and gauges when it is left out', () => {
    expect(parseMetricSelector('http_req_failed').key).toBe('http_req_failed:rate');
    expect(parseMetricSelector('vus{scenario:readers}').key).toBe('vus{scenario:readers}:value');
    expect(parseMetricSelector('http_reqs:count').aggregation).toEqual({
      method: 'count',
      percentile: null,
    });
  });

  it('refuses what threshold syntax refuses, naming the problem and the form', () => {
    const unknown = failure('http_req_latency:p(99)');
    expect(unknown.code).toBe('LAUNCHDAY_ERR_USAGE');
    expect(unknown.exitCode).toBe(2);
    expect(unknown.message).toContain(
      "invalid metric selector: --metric http_req_latency:p(99): unknown metric 'http_req_latency'",
    );
    expect(unknown.hint).toContain('metric{tag:value,...}:aggregation');
    expect(failure('http_req_duration:rate').message).toContain(
      "'rate' does not apply to http_req_duration; use avg, min, med, max, p(N) (a trend metric)",
    );
    expect(failure('http_req_duration:p(101)').message).toContain('p(101) is out of range');
    expect(failure('http_req_duration').message).toContain(
      'name the aggregation for http_req_duration',
    );
    expect(failure('http_req_duration:p99').message).toContain("'p99' is not an aggregation");
    expect(failure('http_req_duration{name:}:p(99)').message).toContain("tag 'name' has no value");
    expect(failure('http_req_duration{name:feed:p(99)').message).toContain('{ is not closed');
  });
});

describe('the default selectors', () => {
  it('compare the issue’s metrics, all requests together', () => {
    expect(DEFAULT_SELECTORS.map((s) => s.key)).toEqual([
      'http_req_duration:p(50)',
      'http_req_duration:p(90)',
      'http_req_duration:p(99)',
      'http_req_duration:p(99.9)',
      'http_req_failed:rate',
      'http_reqs:rate',
      'dropped_iterations:count',
      'checks:rate',
    ]);
  });

  it('expand to the request-level metrics of each request name, after the overall ones', () => {
    const keys = expandSelectors(DEFAULT_SELECTORS, ['feed', 'signup']).map((s) => s.key);
    expect(keys.slice(0, DEFAULT_SELECTORS.length)).toEqual(DEFAULT_SELECTORS.map((s) => s.key));
    expect(keys.slice(DEFAULT_SELECTORS.length)).toEqual([
      'http_req_duration{name:feed}:p(50)',
      'http_req_duration{name:feed}:p(90)',
      'http_req_duration{name:feed}:p(99)',
      'http_req_duration{name:feed}:p(99.9)',
      'http_req_failed{name:feed}:rate',
      'http_reqs{name:feed}:rate',
      'http_req_duration{name:signup}:p(50)',
      'http_req_duration{name:signup}:p(90)',
      'http_req_duration{name:signup}:p(99)',
      'http_req_duration{name:signup}:p(99.9)',
      'http_req_failed{name:signup}:rate',
      'http_reqs{name:signup}:rate',
    ]);
  });

  it('leave selectors that already name a request alone', () => {
    const named = parseMetricSelector('http_req_duration{name:feed}:p(99)');
    expect(expandSelectors([named], ['feed', 'signup'])).toEqual([named]);
  });
});

describe('units and directions', () => {
  it.each([
    ['http_req_duration:p(99)', 'ms', 'higher-is-worse'],
    ['http_req_failed:rate', 'fraction', 'higher-is-worse'],
    ['checks:rate', 'fraction', 'lower-is-worse'],
    ['http_reqs:rate', 'per-second', 'lower-is-worse'],
    ['http_reqs:count', 'count', 'lower-is-worse'],
    ['dropped_iterations:count', 'count', 'higher-is-worse'],
    ['vus:value', 'count', 'higher-is-worse'],
  ])('%s is in %s, %s', (text, unit, direction) => {
    const selector = parseMetricSelector(text);
    expect(unitOfSelector(selector)).toBe(unit);
    expect(directionOf(selector)).toBe(direction);
  });
});
