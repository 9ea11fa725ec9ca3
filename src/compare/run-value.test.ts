import { describe, expect, it } from 'vitest';
import { buildRunResult, FIXTURE } from '../../test/support/run-result-fixture.js';
import type { MetricSummary } from '../core/result.js';
import { parseMetricSelector } from './metric-selector.js';
import { requestNames, runValue, runValues } from './run-value.js';

const result = buildRunResult();
const value = (text: string) => runValue(result, parseMetricSelector(text));
const trend = (metric: string) =>
  result.summary.metrics[metric] as Extract<MetricSummary, { kind: 'trend' }>;
const rate = (metric: string) =>
  result.summary.metrics[metric] as Extract<MetricSummary, { kind: 'rate' }>;

/**
 * Equal within HDR's resolution (three significant digits): the encoding keeps buckets, not the
 * exact maximum, so a percentile that lands on the top bucket reads as that bucket's top value.
 */
function expectHdrEqual(actual: number | null, expected: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - expected)).toBeLessThanOrEqual(expected / 1000);
}

describe('runValue', () => {
  it('reads trend aggregations from the merged histograms, as the run summarised them', () => {
    const duration = trend('http_req_duration');
    expect(value('http_req_duration:p(50)')).toBe(duration.med);
    expect(value('http_req_duration:p(99)')).toBe(duration.p99);
    expectHdrEqual(value('http_req_duration:p(99.9)'), duration['p(99.9)']);
    expectHdrEqual(value('http_req_duration:max'), duration.max);
    expect(value('http_req_duration:min')).toBe(duration.min);
    // A decoded histogram's mean comes from bucket midpoints: within HDR's 0.1% of the exact one.
    expect(value('http_req_duration:avg')).toBeCloseTo(duration.avg, 1);
  });

  it('reads the sub-metric of one request name', () => {
    const feed = result.summary.requests.find((row) => row.name === 'feed')!;
    expectHdrEqual(value('http_req_duration{name:feed}:p(99)'), feed.p99);
    expect(value('http_req_duration{name:feed}:p(90)')).toBe(feed.p90);
    expect(value('http_req_failed{name:signup}:rate')).toBeCloseTo(14 / 400, 12);
    expect(value('http_reqs{name:feed}:count')).toBe(FIXTURE.readerRate * FIXTURE.seconds);
  });

  it('reads rates as fractions, counts, and counter rates per second of the run', () => {
    expect(value('http_req_failed:rate')).toBe(rate('http_req_failed').rate);
    expect(value('checks:rate')).toBe(rate('checks').rate);
    expect(value('dropped_iterations:count')).toBe(FIXTURE.droppedInLastSecond);
    expect(value('http_reqs:rate')).toBe(1000 / (result.durationMs / 1000));
  });

  it('is null when no series matches', () => {
    expect(value('http_req_duration{name:nothing}:p(99)')).toBeNull();
    expect(value('http_req_failed{name:nothing}:rate')).toBeNull();
    expect(value('interrupted_iterations:count')).toBeNull();
  });

  it('answers many selectors at once as one at a time', () => {
    const texts = ['http_req_duration:p(99)', 'http_reqs:rate', 'checks:rate'];
    expect(
      runValues(
        result,
        texts.map((text) => parseMetricSelector(text)),
      ),
    ).toEqual(texts.map(value));
  });
});

describe('requestNames', () => {
  it('lists the request names of every run once, sorted', () => {
    const renamed = {
      ...result,
      series: result.series.map((s) => ({ ...s, tags: { ...s.tags, name: `${s.tags.name}-2` } })),
    };
    expect(requestNames([result, renamed, result])).toEqual([
      'feed',
      'feed-2',
      'signup',
      'signup-2',
    ]);
  });
});
