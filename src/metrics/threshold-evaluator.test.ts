import { describe, expect, it } from 'vitest';
import type { MetricName } from './catalogue.js';
import { evaluateThresholds } from './threshold-evaluator.js';
import { parseThresholds } from './threshold-parser.js';
import type { MetricAggregate, MetricSource, ThresholdSpec } from './threshold-types.js';

const trend: MetricAggregate = {
  type: 'trend',
  count: 100,
  avg: 40,
  min: 2,
  max: 900,
  med: 30,
  percentile: (p) => p * 2,
};

/** A hand-built store: aggregates by `metric` or `metric{tag:value,...}`, recording the asks. */
function sourceOf(aggregates: Record<string, MetricAggregate>) {
  const asked: string[] = [];
  const source: MetricSource = {
    aggregate(metric: MetricName, filter: Readonly<Record<string, string>>) {
      const tags = Object.entries(filter).map(([tag, value]) => `${tag}:${value}`);
      const key = tags.length > 0 ? `${metric}{${tags.join(',')}}` : metric;
      asked.push(key);
      return aggregates[key];
    },
  };
  return { source, asked };
}

function evaluate(spec: ThresholdSpec, aggregates: Record<string, MetricAggregate>, elapsedMs = 0) {
  return evaluateThresholds(parseThresholds(spec), sourceOf(aggregates).source, elapsedMs, false);
}

describe('evaluateThresholds', () => {
  it('reads each trend aggregation, percentiles in percent', () => {
    const results = evaluate(
      { http_req_duration: ['avg<50', 'min>2', 'med<=30', 'max<1s', 'p(99.5)<200', 'p(50)>=100'] },
      { http_req_duration: trend },
    );
    expect(results.map(({ expression, ok, observed }) => [expression, ok, observed])).toEqual([
      ['avg<50', true, 40],
      ['min>2', false, 2],
      ['med<=30', true, 30],
      ['max<1s', true, 900],
      ['p(99.5)<200', true, 199],
      ['p(50)>=100', true, 100],
    ]);
  });

  it('reads counters, rates and gauges', () => {
    const results = evaluate(
      {
        http_reqs: ['count>=1000', 'rate>50'],
        http_req_failed: ['rate<0.1%'],
        checks: ['rate>0.99'],
        vus: ['value==10', 'value===10', 'value!=10'],
      },
      {
        http_reqs: { type: 'counter', count: 1000, rate: 40 },
        http_req_failed: { type: 'rate', passes: 2, total: 1000, rate: 0.002 },
        checks: { type: 'rate', passes: 995, total: 1000, rate: 0.995 },
        vus: { type: 'gauge', value: 10, min: 0, max: 12 },
      },
    );
    expect(results.map(({ key, ok, observed }) => [key, ok, observed])).toEqual([
      ['http_reqs', true, 1000],
      ['http_reqs', false, 40],
      ['http_req_failed', false, 0.002],
      ['checks', true, 0.995],
      ['vus', true, 10],
      ['vus', true, 10],
      ['vus', false, 10],
    ]);
  });

  it('asks the store once per key, with the key filter, and reports under the key as written', () => {
    const key = 'http_req_duration{ name: "feed" }';
    const { source, asked } = sourceOf({ 'http_req_duration{name:feed}': trend });
    const results = evaluateThresholds(
      parseThresholds({ [key]: ['p(90)<100', 'avg<10'] }),
      source,
      0,
      true,
    );
    expect(asked).toEqual(['http_req_duration{name:feed}']);
    expect(results.map((result) => [result.key, result.ok])).toEqual([
      [key, false],
      [key, false],
    ]);
  });

  it('passes a threshold without data, with observed null', () => {
    const results = evaluate(
      { 'http_req_duration{name:never}': ['p(99)<1'], checks: ['rate>0.9'] },
      {},
    );
    expect(results).toEqual([
      {
        key: 'http_req_duration{name:never}',
        expression: 'p(99)<1',
        ok: true,
        observed: null,
        abortOnFail: false,
        shouldAbort: false,
      },
      expect.objectContaining({ key: 'checks', ok: true, observed: null }),
    ]);
  });

  it('asks to abort only for a failing abortOnFail threshold once delayAbortEval has passed', () => {
    const spec: ThresholdSpec = {
      http_req_duration: [
        { threshold: 'p(99)<100', abortOnFail: true, delayAbortEval: '30s' },
        { threshold: 'p(99)<100', abortOnFail: true },
        { threshold: 'p(99)<100' },
        { threshold: 'p(99)<1000', abortOnFail: true },
      ],
    };
    const aborts = (elapsedMs: number) =>
      evaluate(spec, { http_req_duration: trend }, elapsedMs).map((result) => result.shouldAbort);
    expect(aborts(29_999)).toEqual([false, true, false, false]);
    expect(aborts(30_000)).toEqual([true, true, false, false]);
    expect(evaluate(spec, {}, 60_000).map((result) => result.shouldAbort)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it('never asks to abort on the final evaluation, which still reports the failure', () => {
    const definitions = parseThresholds({
      http_req_duration: [{ threshold: 'max<1', abortOnFail: true }],
    });
    const { source } = sourceOf({ http_req_duration: trend });
    expect(evaluateThresholds(definitions, source, 60_000, true)).toEqual([
      expect.objectContaining({ ok: false, observed: 900, abortOnFail: true, shouldAbort: false }),
    ]);
  });

  it('treats an aggregate of the wrong type from the store as an internal error', () => {
    expect(() =>
      evaluate(
        { http_req_duration: ['avg<1'] },
        { http_req_duration: { type: 'counter', count: 1, rate: 1 } },
      ),
    ).toThrow(expect.objectContaining({ code: 'LAUNCHDAY_ERR_INTERNAL' }));
  });
});
