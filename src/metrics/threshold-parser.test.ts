import { describe, expect, it } from 'vitest';
import { isLaunchdayError, type LaunchdayError } from '../core/errors.js';
import { parseSlos, parseThresholds } from './threshold-parser.js';
import type { ThresholdSpec } from './threshold-types.js';

function failure(parse: () => unknown): LaunchdayError {
  try {
    parse();
  } catch (error) {
    if (isLaunchdayError(error)) return error;
    throw error;
  }
  throw new Error('expected a LaunchdayError');
}

/** The problems a spec has, as `path → message`, asserting the error's code and hint. */
function problems(spec: unknown): Record<string, string> {
  const error = failure(() => parseThresholds(spec as ThresholdSpec));
  expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_THRESHOLD');
  expect(error.exitCode).toBe(2);
  expect(error.hint).toContain("'p(99)<250'");
  return Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]));
}

describe('parseThresholds', () => {
  it('parses every aggregation of every metric type', () => {
    const [trend, counter, rate, gauge] = parseThresholds({
      http_req_duration: ['avg<100', 'min>=1', 'med<=50', 'max<2000', 'p(99)<250', 'p(99.9) < 400'],
      http_reqs: ['count>1000', 'rate>=50'],
      http_req_failed: ['rate<0.01'],
      vus: ['value<=100'],
    });
    expect(trend?.conditions.map((c) => [c.expression.method, c.expression.percentile])).toEqual([
      ['avg', null],
      ['min', null],
      ['med', null],
      ['max', null],
      ['p', 99],
      ['p', 99.9],
    ]);
    expect(trend?.conditions[5]?.expression).toMatchObject({
      source: 'p(99.9) < 400',
      operator: '<',
      value: 400,
    });
    expect(counter?.conditions.map((c) => c.expression.method)).toEqual(['count', 'rate']);
    expect(rate?.conditions[0]?.expression).toMatchObject({ method: 'rate', value: 0.01 });
    expect(gauge?.conditions[0]?.expression).toMatchObject({ method: 'value', operator: '<=' });
  });

  it('parses every operator', () => {
    const [definition] = parseThresholds({
      checks: ['rate<1', 'rate<=1', 'rate>0', 'rate>=0', 'rate==1', 'rate===1', 'rate!=0'],
    });
    expect(definition?.conditions.map((c) => c.expression.operator)).toEqual([
      '<',
      '<=',
      '>',
      '>=',
      '==',
      '===',
      '!=',
    ]);
  });

  it('reads tag filters with quotes and spaces, keeping the key as written', () => {
    const key = ` http_req_duration { name: "feed, home" , method:GET,status:'200' } `;
    const [definition] = parseThresholds({ [key]: ['p(95)<100'] });
    expect(definition).toMatchObject({
      key,
      metric: 'http_req_duration',
      filter: { name: 'feed, home', method: 'GET', status: '200' },
    });
    expect(parseThresholds({ iterations: ['count>0'] })[0]?.filter).toEqual({});
  });

  it('converts units to the base unit: ms for times, a fraction for rates', () => {
    const [duration, failed] = parseThresholds({
      http_req_duration: ['p(99)<250ms', 'p(99)<1s', 'avg<500us', 'max<1.5 s', 'max<2m', 'max<1h'],
      http_req_failed: ['rate<0.1%', 'rate<=5 %'],
    });
    expect(duration?.conditions.map((c) => c.expression.value)).toEqual([
      250, 1000, 0.5, 1500, 120_000, 3_600_000,
    ]);
    expect(failed?.conditions[0]?.expression.value).toBeCloseTo(0.001, 12);
    expect(failed?.conditions[1]?.expression.value).toBeCloseTo(0.05, 12);
  });

  it('reads the object form with abortOnFail and delayAbortEval', () => {
    const [definition] = parseThresholds({
      http_req_duration: [
        { threshold: 'p(99)<250', abortOnFail: true, delayAbortEval: '1m30s' },
        { threshold: 'max<1s' },
        'avg<100',
      ],
    });
    expect(
      definition?.conditions.map(({ abortOnFail, delayAbortEvalMs }) => ({
        abortOnFail,
        delayAbortEvalMs,
      })),
    ).toEqual([
      { abortOnFail: true, delayAbortEvalMs: 90_000 },
      { abortOnFail: false, delayAbortEvalMs: 0 },
      { abortOnFail: false, delayAbortEvalMs: 0 },
    ]);
  });

  it('rejects an unknown metric, listing the known ones', () => {
    const found = problems({ http_req_duraton: ['p(99)<250'] });
    expect(found['thresholds["http_req_duraton"]']).toMatch(
      /unknown metric 'http_req_duraton'; known: http_reqs, http_req_failed, http_req_duration,/,
    );
  });

  it('rejects an aggregation that does not fit the metric type, listing the valid ones', () => {
    expect(
      problems({
        'http_req_duration{name:feed}': ['count<10'],
        http_reqs: ['p(99)<1'],
        checks: ['avg>0.9'],
        vus: ['max<10'],
      }),
    ).toEqual({
      'thresholds["http_req_duration{name:feed}"][0]':
        "'count' does not apply to http_req_duration; use avg, min, med, max, p(N) (a trend metric)",
      'thresholds["http_reqs"][0]':
        "'p(N)' does not apply to http_reqs; use count, rate (a counter metric)",
      'thresholds["checks"][0]': "'avg' does not apply to checks; use rate (a rate metric)",
      'thresholds["vus"][0]': "'max' does not apply to vus; use value (a gauge metric)",
    });
  });

  it('reports malformed expressions, percentiles and units with their paths', () => {
    const found = problems({
      http_req_duration: ['p99<250', 'p(99)~250', 'p(99)<fast', 'p(0)<1', 'p(100.5)<1', 'avg<5%'],
      http_req_failed: ['rate<5ms'],
      http_reqs: ['count>1s'],
    });
    const at = (index: number) => found[`thresholds["http_req_duration"][${index}]`];
    expect(at(0)).toMatch(/'p99<250' is not .* a known aggregation is missing/);
    expect(at(1)).toMatch(/the operator is missing/);
    expect(at(2)).toMatch(/a number is missing/);
    expect(at(3)).toMatch(/p\(0\) is out of range/);
    expect(at(4)).toMatch(/p\(100\.5\) is out of range/);
    expect(at(5)).toMatch(/unit '%' does not fit http_req_duration: write milliseconds/);
    expect(found['thresholds["http_req_failed"][0]']).toMatch(/unit 'ms' .* percentage/);
    expect(found['thresholds["http_reqs"][0]']).toMatch(/unit 's' .* plain number/);
  });

  it('reports malformed keys and tag filters', () => {
    const found = problems({
      'http_req_duration{name:feed': ['p(99)<1'],
      'http_req_duration{}': ['p(99)<1'],
      'http_req_duration{name}': ['p(99)<1'],
      'http_req_duration{name:}': ['p(99)<1'],
      'http_req_duration{name:a,name:b}': ['p(99)<1'],
      'http_req_duration{name:feed}}': ['p(99)<1'],
    });
    expect(Object.values(found)).toEqual([
      "is not a metric key; write 'metric' or 'metric{tag:value}'",
      'has an empty tag filter; remove {} or name a tag',
      "has a malformed tag filter at 'name'",
      "tag 'name' has no value",
      "tag 'name' is filtered twice",
      "has a malformed tag filter at 'name:feed}'",
    ]);
  });

  it('reports bad shapes and object fields', () => {
    expect(problems(['p(99)<1'])).toEqual({
      thresholds: 'must be an object mapping metric keys to lists of thresholds',
    });
    const found = problems({
      checks: 'rate>0.9',
      vus: [42, { threshold: 'value<10', abortOnFial: true }],
      http_req_duration: [{ abortOnFail: 'yes', delayAbortEval: 'soon' }, { threshold: 7 }],
      http_req_failed: [{ threshold: 'rate<0.1', delayAbortEval: 30 }],
    });
    expect(found).toEqual({
      'thresholds["checks"]': "must be a list of thresholds, e.g. ['p(99)<250']",
      'thresholds["vus"][0]':
        'must be an expression or an object { threshold, abortOnFail, delayAbortEval }',
      'thresholds["vus"][1].abortOnFial': 'unknown key; use threshold, abortOnFail, delayAbortEval',
      'thresholds["http_req_duration"][0].abortOnFail': 'must be true or false',
      'thresholds["http_req_duration"][0].delayAbortEval':
        "must be a duration such as '30s' or '1m30s'",
      'thresholds["http_req_duration"][0].threshold': "must be an expression, e.g. 'p(99)<250'",
      'thresholds["http_req_duration"][1].threshold': "must be an expression, e.g. 'p(99)<250'",
      'thresholds["http_req_failed"][0].delayAbortEval':
        "must be a duration such as '30s' or '1m30s'",
    });
  });

  it('reports every problem in one error, named in its message, under a custom path', () => {
    const error = failure(() =>
      parseThresholds({ nope: ['avg<1'], http_reqs: ['count<'] }, 'workloads.readers.thresholds'),
    );
    expect(error.issues.map((issue) => issue.path)).toEqual([
      'workloads.readers.thresholds["nope"]',
      'workloads.readers.thresholds["http_reqs"][0]',
    ]);
    expect(error.message).toMatch(
      /^invalid threshold: workloads\.readers\.thresholds\["nope"\]: unknown metric 'nope'.* \(and 1 more\)$/,
    );
  });

  it('checks the expression syntax even when the metric is unknown', () => {
    expect(Object.keys(problems({ nope: ['avg<1', 'avg<'] }))).toEqual([
      'thresholds["nope"]',
      'thresholds["nope"][1]',
    ]);
  });
});

describe('parseSlos', () => {
  it('reads a bare percentile as http_req_duration and a bare rate metric as its rate', () => {
    const [latency, errors, vus] = parseSlos(['p(99)<250ms', 'http_req_failed<0.1%', 'vus <= 50']);
    expect(latency).toMatchObject({ key: 'http_req_duration', metric: 'http_req_duration' });
    expect(latency?.conditions[0]?.expression).toMatchObject({
      method: 'p',
      percentile: 99,
      source: 'p(99)<250ms',
      value: 250,
    });
    expect(errors?.conditions[0]?.expression).toMatchObject({
      method: 'rate',
      source: 'rate<0.1%',
    });
    expect(errors?.conditions[0]?.expression.value).toBeCloseTo(0.001, 12);
    expect(vus?.conditions[0]?.expression).toMatchObject({ method: 'value', value: 50 });
  });

  it('reads a metric with a filter and an explicit aggregation', () => {
    const [slo] = parseSlos(['http_req_duration{name: "feed"} p(95) < 1s']);
    expect(slo).toMatchObject({
      key: 'http_req_duration{name: "feed"}',
      filter: { name: 'feed' },
      conditions: [
        { expression: { method: 'p', percentile: 95, value: 1000 }, abortOnFail: false },
      ],
    });
    expect(parseSlos(['http_reqs rate>=100'])[0]?.conditions[0]?.expression.method).toBe('rate');
  });

  it('reports every bad SLO at its flag, with an SLO hint', () => {
    const error = failure(() =>
      parseSlos(['errors<0.1%', 'http_reqs>100', 'p(99)', 'rate<1%', 'http_req_duration avg<1%']),
    );
    expect(error.hint).toContain("--slo 'p(99)<250ms'");
    expect(Object.fromEntries(error.issues.map((issue) => [issue.path, issue.message]))).toEqual({
      '--slo errors<0.1%': expect.stringMatching(/^unknown metric 'errors'; known: /),
      '--slo http_reqs>100': 'name the aggregation for http_reqs: count, rate (a counter metric)',
      '--slo p(99)': "'p(99)' is not <aggregation> <op> <number>: the operator is missing",
      '--slo rate<1%': expect.stringMatching(/^'rate' does not apply to http_req_duration/),
      '--slo http_req_duration avg<1%': expect.stringMatching(/^unit '%' does not fit/),
    });
  });
});
