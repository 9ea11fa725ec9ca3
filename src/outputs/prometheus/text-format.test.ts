import { describe, expect, it } from 'vitest';
import { HdrHistogram } from '../../metrics/hdr-histogram.js';
import { CLASSIC_BUCKETS, toClassicBuckets } from './classic-histogram.js';
import { renderTextFormat } from './text-format.js';

function histogramOf(microseconds: readonly number[]): HdrHistogram {
  const histogram = new HdrHistogram();
  for (const value of microseconds) histogram.record(value);
  return histogram;
}

describe('toClassicBuckets', () => {
  it('counts each observation under the first bound at or above it, cumulatively', () => {
    const buckets = toClassicBuckets(histogramOf([50, 100, 101, 1000, 40_000, 70_000_000]));
    expect(buckets.map((b) => b.le)).toEqual(CLASSIC_BUCKETS);
    const at = (le: number) => buckets.find((b) => b.le === le)?.count;
    expect(at(0.0001)).toBe(2); // 50 µs and exactly 100 µs
    expect(at(0.00025)).toBe(3);
    expect(at(0.0005)).toBe(3);
    expect(at(0.001)).toBe(4); // exactly 1 ms
    expect(at(0.05)).toBe(5);
    expect(at(60)).toBe(5); // 70 s is only in +Inf
  });
});

describe('renderTextFormat', () => {
  it('writes families with HELP and TYPE, escaped labels and classic histograms', () => {
    const text = renderTextFormat([
      {
        type: 'counter',
        name: 'k6_http_reqs_total',
        help: 'HTTP requests sent.',
        labels: { testid: 't1', name: 'say "hi"\\\n' },
        value: 3,
      },
      {
        type: 'histogram',
        name: 'k6_http_req_duration_seconds',
        help: 'Latency\nwith a newline.',
        labels: { testid: 't1' },
        histogram: histogramOf([200, 3000]),
      },
      {
        type: 'counter',
        name: 'k6_http_reqs_total',
        help: 'HTTP requests sent.',
        labels: { testid: 't2' },
        value: 1,
      },
      { type: 'gauge', name: 'k6_vus', help: 'VUs.', labels: {}, value: Number.NaN },
    ]);
    const le = (bound: string, count: number) =>
      `k6_http_req_duration_seconds_bucket{testid="t1",le="${bound}"} ${count}`;
    expect(text).toBe(
      [
        '# HELP k6_http_reqs_total HTTP requests sent.',
        '# TYPE k6_http_reqs_total counter',
        'k6_http_reqs_total{testid="t1",name="say \\"hi\\"\\\\\\n"} 3',
        'k6_http_reqs_total{testid="t2"} 1',
        '# HELP k6_http_req_duration_seconds Latency\\nwith a newline.',
        '# TYPE k6_http_req_duration_seconds histogram',
        le('0.0001', 0),
        le('0.00025', 1),
        le('0.0005', 1),
        le('0.001', 1),
        le('0.0025', 1),
        ...[
          '0.005',
          '0.01',
          '0.025',
          '0.05',
          '0.1',
          '0.25',
          '0.5',
          '1',
          '2.5',
          '5',
          '10',
          '30',
          '60',
        ].map((bound) => le(bound, 2)),
        le('+Inf', 2),
        'k6_http_req_duration_seconds_sum{testid="t1"} 0.0032',
        'k6_http_req_duration_seconds_count{testid="t1"} 2',
        '# HELP k6_vus VUs.',
        '# TYPE k6_vus gauge',
        'k6_vus NaN',
        '',
      ].join('\n'),
    );
  });

  it('renders nothing for no series', () => {
    expect(renderTextFormat([])).toBe('');
  });
});
