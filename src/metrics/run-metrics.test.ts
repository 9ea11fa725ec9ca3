import { describe, expect, it } from 'vitest';
import { RunMetrics } from './run-metrics.js';
import type { RequestSample } from './types.js';
import { WorkerMetrics } from './worker-metrics.js';

function sample(status: number, durationMs: number): RequestSample {
  const durationUs = durationMs * 1000;
  return {
    status,
    errorClass: status >= 500 ? 'http_5xx' : null,
    expected: status < 400,
    durationUs,
    uncorrectedUs: durationUs / 2,
    blockedUs: 0,
    connectingUs: 0,
    tlsHandshakingUs: 0,
    sendingUs: 10,
    waitingUs: durationUs / 2,
    receivingUs: 10,
    bytesSent: 100,
    bytesReceived: 200,
  };
}

describe('worker metrics merged in the main thread', () => {
  it('merge across workers exactly and answer k6 aggregates and sub-metrics', () => {
    const workers = [new WorkerMetrics(0), new WorkerMetrics(1)];
    workers.forEach((worker, w) => {
      const feed = worker.requestRecorder('readers', 'feed', 'GET');
      for (let i = 1; i <= 100; i++) feed.record(sample(200, w * 100 + i));
      worker.requestRecorder('readers', 'post', 'POST').record(sample(503, 5));
      const workload = worker.addWorkload('readers');
      workload.iterationStarted(100);
      workload.recordCheck('ok', w === 0);
      workload.iterationEnded(1000, undefined);
    });
    const run = new RunMetrics({ testid: 't1' });
    const point = run.addInterval(
      0,
      workers.map((worker) => worker.snapshot(0, 0.5)),
      { readers: 10 },
      1000,
    );

    const feed = run.aggregate('http_req_duration', { name: 'feed' });
    expect(feed?.type === 'trend' && feed.count).toBe(200);
    expect(feed?.type === 'trend' && feed.percentile(50)).toBeCloseTo(100, 0);
    expect(feed?.type === 'trend' && feed.max).toBe(200);
    expect(run.aggregate('http_req_failed', {})).toMatchObject({
      type: 'rate',
      passes: 2,
      total: 202,
    });
    expect(run.aggregate('http_reqs', { testid: 't1' })).toMatchObject({ count: 202, rate: 202 });
    expect(run.aggregate('checks', { check: 'ok' })).toMatchObject({ passes: 1, total: 2 });
    expect(run.aggregate('http_req_duration', { name: 'nope' })).toBeUndefined();

    expect(point.requests).toBe(202);
    expect(point.failed).toBe(2);
    expect(point.errors).toEqual({ http_5xx: 2 });
    expect(point.workloads.readers).toMatchObject({ target: 10, started: 2, vus: 2 });
    expect(point.byName.feed?.p99).toBeCloseTo(198, 0);

    const rows = run.requestSummaries();
    expect(rows.map((row) => [row.name, row.count, row.failed])).toEqual([
      ['feed', 200, 0],
      ['post', 2, 2],
    ]);
    expect(run.checkSeries()).toEqual([{ workload: 'readers', name: 'ok', passes: 1, total: 2 }]);
  });
});

describe('request outcomes', () => {
  it('keeps each (status, error class) apart, a status received with a failure included', () => {
    const worker = new WorkerMetrics(0);
    const recorder = worker.requestRecorder('load', 'blob', 'GET');
    const failed = (status: number, errorClass: RequestSample['errorClass']) => ({
      ...sample(status, 5),
      errorClass,
      expected: false,
    });
    recorder.record(sample(200, 5));
    recorder.record(failed(200, 'body_too_large'));
    recorder.record({ ...sample(500, 5), errorClass: null, expected: true });
    recorder.record(failed(500, 'http_5xx'));
    recorder.record(failed(0, 'headers_too_large'));
    const run = new RunMetrics({});
    const point = run.addInterval(0, [worker.snapshot(0, 0.5)], { load: 5 }, 1000);
    expect(point.errors).toEqual({ body_too_large: 1, http_5xx: 1, headers_too_large: 1 });
    expect(
      run.aggregate('http_reqs', { status: '200', error_class: 'body_too_large' }),
    ).toMatchObject({ count: 1 });
    expect(run.aggregate('http_reqs', { status: '500', expected_response: 'true' })).toMatchObject({
      count: 1,
    });
    expect(run.requestSummaries()[0]?.errors).toEqual({
      body_too_large: 1,
      headers_too_large: 1,
      http_5xx: 1,
    });
  });
});
