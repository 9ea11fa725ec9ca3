import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';

const PAGE = `# HELP feed_job_duration_seconds How long a job ran.
# TYPE feed_job_duration_seconds histogram
feed_job_duration_seconds_bucket{le="0.1",kind="import",outcome="ok"} 3
feed_job_duration_seconds_bucket{le="+Inf",kind="import",outcome="ok"} 4
feed_job_duration_seconds_sum{kind="import",outcome="ok"} 0.5
feed_job_duration_seconds_count{kind="import",outcome="ok"} 4
feed_job_duration_seconds_bucket{le="0.1",kind="fan_in",outcome="ok"} 1
feed_job_duration_seconds_bucket{le="+Inf",kind="fan_in",outcome="ok"} 1
# HELP http_requests_shed_total Shed.
# TYPE http_requests_shed_total counter
http_requests_shed_total{reason="in_flight"} 2
http_requests_shed_total{reason="queue \\"time\\""} 5 1700000000000
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes 1.5e8
odd_value NaN
`;

describe('parseExposition', () => {
  it("keeps every label of a histogram's bucket, sum and count series", () => {
    const { samples, types } = parseExposition(PAGE);
    expect(types.get('feed_job_duration_seconds')).toBe('histogram');
    expect(samples.get('feed_job_duration_seconds_bucket')).toEqual([
      { labels: { le: '0.1', kind: 'import', outcome: 'ok' }, value: 3 },
      { labels: { le: '+Inf', kind: 'import', outcome: 'ok' }, value: 4 },
      { labels: { le: '0.1', kind: 'fan_in', outcome: 'ok' }, value: 1 },
      { labels: { le: '+Inf', kind: 'fan_in', outcome: 'ok' }, value: 1 },
    ]);
    expect(samples.get('feed_job_duration_seconds_sum')).toEqual([
      { labels: { kind: 'import', outcome: 'ok' }, value: 0.5 },
    ]);
  });

  it('reads counters with escaped labels and timestamps, gauges, and untyped samples', () => {
    const { samples, types } = parseExposition(PAGE);
    expect(types.get('http_requests_shed_total')).toBe('counter');
    expect(samples.get('http_requests_shed_total')).toEqual([
      { labels: { reason: 'in_flight' }, value: 2 },
      { labels: { reason: 'queue "time"' }, value: 5 },
    ]);
    expect(samples.get('process_resident_memory_bytes')).toEqual([{ labels: {}, value: 1.5e8 }]);
    expect(samples.get('odd_value')![0]!.value).toBeNaN();
    expect(types.get('odd_value')).toBeUndefined();
  });

  it('reads +Inf and -Inf values', () => {
    const { samples } = parseExposition('a +Inf\nb -Inf\n');
    expect(samples.get('a')![0]!.value).toBe(Number.POSITIVE_INFINITY);
    expect(samples.get('b')![0]!.value).toBe(Number.NEGATIVE_INFINITY);
  });

  it('throws on a malformed sample line, and finds no samples in a page of another format', () => {
    expect(() => parseExposition('a 1\nb{x="1" 2\n')).toThrow(/invalid line: b\{x="1" 2/);
    expect(parseExposition('<html><body>not metrics</body></html>').samples.size).toBe(0);
  });
});
