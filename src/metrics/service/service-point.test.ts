import { describe, expect, it } from 'vitest';
import { parseExposition } from './exposition.js';
import { type ServiceReading, servicePoint } from './service-point.js';

/** A reading of the reference service's metrics at `atMs`, two worker processes. */
function reading(atMs: number, page: Record<string, number>): ServiceReading {
  const v = (key: string) => page[key] ?? 0;
  const text = `# TYPE process_cpu_seconds_total counter
process_cpu_seconds_total{worker="1"} ${v('cpu') / 2}
process_cpu_seconds_total{worker="2"} ${v('cpu') / 2}
# TYPE process_resident_memory_bytes gauge
process_resident_memory_bytes{worker="1"} 1000
process_resident_memory_bytes{worker="2"} 3000
# TYPE nodejs_eventloop_utilization gauge
nodejs_eventloop_utilization{worker="1"} 0.2
nodejs_eventloop_utilization{worker="2"} 0.6
# TYPE nodejs_eventloop_lag_p99_seconds gauge
nodejs_eventloop_lag_p99_seconds{worker="1"} 0.01
nodejs_eventloop_lag_p99_seconds{worker="2"} 0.03
# TYPE http_requests_in_flight gauge
http_requests_in_flight 7
# TYPE http_requests_shed_total counter
http_requests_shed_total{reason="in_flight"} ${v('shed')}
http_requests_shed_total{reason="queue_time"} 1
# TYPE feed_jobs_queue_depth gauge
feed_jobs_queue_depth{kind="import"} 4
feed_jobs_queue_depth{kind="fan_in"} 5
# TYPE feed_job_wait_seconds histogram
feed_job_wait_seconds_bucket{le="0.01",kind="import"} ${v('fast')}
feed_job_wait_seconds_bucket{le="0.1",kind="import"} ${v('fast') + v('slow')}
feed_job_wait_seconds_bucket{le="+Inf",kind="import"} ${v('fast') + v('slow')}
feed_job_wait_seconds_count{kind="import"} ${v('fast') + v('slow')}
# TYPE orders_total counter
orders_total ${v('orders')}
# TYPE basket_size gauge
basket_size 3
`;
  return { atMs, page: parseExposition(text) };
}

describe('servicePoint', () => {
  const from = reading(10_000, { cpu: 5, shed: 10, fast: 100, slow: 0, orders: 50 });
  const to = reading(11_000, { cpu: 5.8, shed: 30, fast: 150, slow: 50, orders: 80 });

  it("reads the reference service's side of one second", () => {
    const point = servicePoint(from, to, 8_000, []);
    expect(point).toMatchObject({
      t: 3,
      residentBytes: 4000,
      eventLoopUtilization: 0.4,
      eventLoopLagP99Ms: 30,
      inFlight: 7,
      shedPerSecond: 20,
      jobQueueDepth: 9,
      extra: {},
    });
    expect(point.cpuCores).toBeCloseTo(0.8, 9);
    // 100 waits in the second, 50 of them over 10 ms: p99 is 98% of the way into (10, 100] ms.
    expect(point.jobWaitP99Ms).toBeCloseTo(10 + 90 * (49 / 50), 9);
  });

  it('reads --target-metric series by their type: a counter as a rate, a gauge as its value, a histogram as its p99', () => {
    const names = ['orders_total', 'basket_size', 'feed_job_wait_seconds', 'missing'];
    const { extra } = servicePoint(from, to, 8_000, names);
    expect(extra).toMatchObject({ orders_total: 30, basket_size: 3, missing: null });
    expect(extra.feed_job_wait_seconds).toBeCloseTo(0.01 + 0.09 * (49 / 50), 9);
  });

  it('gives null for what the page lacks and across a counter reset', () => {
    const bare = { atMs: 12_000, page: parseExposition('up 1\n') };
    const point = servicePoint(to, bare, 8_000, []);
    expect(point).toMatchObject({
      cpuCores: null,
      residentBytes: null,
      eventLoopUtilization: null,
      inFlight: null,
      jobWaitP99Ms: null,
    });
    const restarted = reading(12_000, { cpu: 0.1, shed: 0, fast: 1, slow: 0, orders: 1 });
    const after = servicePoint(to, restarted, 8_000, ['orders_total']);
    expect(after).toMatchObject({ cpuCores: null, shedPerSecond: null, jobWaitP99Ms: null });
    expect(after.extra).toEqual({ orders_total: null });
  });

  it('gives no job p99 for a second without jobs', () => {
    expect(servicePoint(from, { ...from, atMs: 11_000 }, 8_000, []).jobWaitP99Ms).toBeNull();
  });
});
