import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildRunResult } from '../../test/support/run-result-fixture.js';
import type { MetricSummary } from '../core/result.js';
import { toK6SummaryExport } from './summary-export.js';

const result = buildRunResult();
const exported = toK6SummaryExport(result);
const trend = (key: string) =>
  result.summary.metrics[key] as Extract<MetricSummary, { kind: 'trend' }>;

describe('toK6SummaryExport', () => {
  it("has k6's two top-level keys", () => {
    expect(Object.keys(exported).sort()).toEqual(['metrics', 'root_group']);
    expect(Object.keys(exported.metrics).sort()).toEqual(
      Object.keys(result.summary.metrics).sort(),
    );
  });

  it('writes trends with k6 statistic names, in milliseconds', () => {
    const summary = trend('http_req_duration');
    expect(exported.metrics.http_req_duration).toEqual({
      avg: summary.avg,
      min: summary.min,
      med: summary.med,
      max: summary.max,
      'p(90)': summary.p90,
      'p(95)': summary.p95,
      'p(99)': summary.p99,
      'p(99.9)': summary['p(99.9)'],
    });
    expect(exported.metrics.http_req_duration!.min).toBe(2);
    expect(exported.metrics.http_req_duration!.max).toBe(1000);
  });

  it('writes counters as count and rate, rates as value, passes and fails, gauges as value and max', () => {
    expect(exported.metrics.http_reqs).toEqual({ count: 1000, rate: 100 });
    expect(exported.metrics.data_sent).toEqual({ count: 248_000, rate: 24_800 });
    expect(exported.metrics.checks).toEqual({ value: 0.983, passes: 983, fails: 17 });
    expect(exported.metrics.vus).toEqual({ value: 4, max: 4 });
  });

  it("maps each threshold to k6's inverted flag: true when it failed", () => {
    expect(exported.metrics.http_req_failed).toEqual({
      value: 0.014,
      passes: 14,
      fails: 986,
      thresholds: { 'rate<0.05': false },
    });
    expect(exported.metrics['http_req_duration{name:feed}']!.thresholds).toEqual({
      'p(95)<20': true,
      'max<1000': false,
    });
    expect(exported.metrics['http_req_duration{name:signup}']!.thresholds).toEqual({
      'p(99)<250': false,
    });
    expect(exported.metrics.dropped_iterations).toEqual({
      count: 5,
      rate: 0.5,
      thresholds: { 'count<10': false },
    });
    expect(exported.metrics.http_reqs!.thresholds).toBeUndefined();
  });

  it('puts the checks under the root group with k6 paths and MD5 ids', () => {
    const md5 = (text: string) => createHash('md5').update(text).digest('hex');
    expect(exported.root_group).toEqual({
      name: '',
      path: '',
      id: 'd41d8cd98f00b204e9800998ecf8427e',
      groups: {},
      checks: {
        'status is 201': {
          name: 'status is 201',
          path: '::status is 201',
          id: md5('::status is 201'),
          passes: 386,
          fails: 14,
        },
        'feed has items': {
          name: 'feed has items',
          path: '::feed has items',
          id: md5('::feed has items'),
          passes: 597,
          fails: 3,
        },
      },
    });
  });

  it('merges a check of the same name in two workloads, as k6 keys checks by path', () => {
    const shared = {
      ...result,
      checks: [
        { workload: 'signups', name: 'status is 2xx', passes: 10, fails: 1 },
        { workload: 'readers', name: 'status is 2xx', passes: 20, fails: 0 },
      ],
    };
    expect(toK6SummaryExport(shared).root_group.checks['status is 2xx']).toMatchObject({
      passes: 30,
      fails: 1,
    });
  });

  it('writes a threshold whose sub-metric had no data, and leaves the result untouched', () => {
    const before = JSON.stringify(result);
    const withMissing = {
      ...result,
      thresholds: [
        ...result.thresholds,
        {
          metric: 'http_req_duration{name:typo}',
          expression: 'p(99)<250',
          ok: true,
          observed: null,
          abortOnFail: false,
        },
      ],
    };
    expect(toK6SummaryExport(withMissing).metrics['http_req_duration{name:typo}']).toEqual({
      thresholds: { 'p(99)<250': false },
    });
    expect(JSON.stringify(result)).toBe(before);
  });
});
