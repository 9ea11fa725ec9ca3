import { describe, expect, it } from 'vitest';
import { requestSample } from '../../../test/support/request-sample.js';
import type { ThresholdResult } from '../../metrics/threshold-types.js';
import { LiveSeries } from './live-series.js';
import { TestRun, testRunStart } from './test-support.js';
import type { PromSeries } from './types.js';

const failing: ThresholdResult = {
  key: 'http_req_duration{name:feed}',
  expression: 'p(99)<250',
  ok: false,
  observed: 300,
  abortOnFail: false,
  shouldAbort: false,
};

function find(series: PromSeries[], name: string, labels: Record<string, string> = {}) {
  return series.filter(
    (s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v),
  );
}

function valueNow(series: PromSeries[], name: string, labels: Record<string, string> = {}) {
  const [found, ...more] = find(series, name, labels);
  if (found === undefined || more.length > 0 || found.type === 'histogram')
    throw new Error(`expected one float series ${name} ${JSON.stringify(labels)}`);
  return found.value;
}

describe('LiveSeries', () => {
  it("names and labels launchday's series as k6's remote-write output does, run-long", () => {
    const run = new TestRun({ env: 'ci' });
    const live = new LiveSeries('run-1', testRunStart({ env: 'ci' }).run);
    const feed = run.worker.requestRecorder('readers', 'feed', 'GET');
    const workload = run.worker.addWorkload('readers');
    for (let second = 0; second < 2; second++) {
      for (let i = 0; i < 10; i++) {
        workload.iterationStarted(50);
        feed.record(requestSample(i === 0 ? 503 : 200, 10 + i));
        workload.recordCheck('status is 200', i !== 0);
        workload.iterationEnded(12_000, undefined);
      }
      workload.iterationDropped();
      live.add(...run.second([failing], { readers: 10 }));
    }
    const series = live.current(true);

    const ok = { testid: 'run-1', env: 'ci', scenario: 'readers', name: 'feed', method: 'GET' };
    expect(valueNow(series, 'k6_http_reqs_total', { ...ok, status: '200' })).toBe(18);
    const failed = { ...ok, status: '503', expected_response: 'false', error_class: 'http_5xx' };
    expect(valueNow(series, 'k6_http_reqs_total', failed)).toBe(2);
    expect(valueNow(series, 'k6_http_req_failed_rate', failed)).toBe(1);
    expect(valueNow(series, 'k6_http_req_failed_rate', { status: '200' })).toBe(0);
    expect(valueNow(series, 'k6_data_sent_total', { status: '200' })).toBe(1800);
    expect(valueNow(series, 'k6_data_received_total', { status: '200' })).toBe(4500);
    expect(valueNow(series, 'k6_iterations_total')).toBe(20);
    expect(valueNow(series, 'k6_checks_rate', { check: 'status is 200' })).toBe(0.9);
    expect(valueNow(series, 'k6_vus', { scenario: 'readers' })).toBe(1);
    expect(valueNow(series, 'k6_vus_max', { scenario: 'readers' })).toBe(1);
    // One series per workload of the run from the start, at 0 until drops come.
    const readers = { scenario: 'readers', env: 'ci' };
    expect(valueNow(series, 'k6_dropped_iterations_total', readers)).toBe(2);
    expect(valueNow(series, 'k6_dropped_iterations_total', { scenario: 'signups' })).toBe(0);

    const [duration] = find(series, 'k6_http_req_duration_seconds', { status: '200' });
    expect(duration?.type === 'histogram' && duration.histogram.count).toBe(18);
    expect(valueNow(series, 'k6_http_req_duration_p99', { status: '200' })).toBeCloseTo(0.019, 4);
    expect(valueNow(series, 'k6_http_req_duration_min', { status: '200' })).toBe(0.011);
    expect(valueNow(series, 'k6_http_req_duration_max', { status: '200' })).toBe(0.019);
    expect(find(series, 'k6_http_req_waiting_p95', { status: '200' })).toHaveLength(1);
    expect(find(series, 'k6_iteration_duration_seconds')).toHaveLength(1);
    expect(find(series, 'launchday_scheduler_lag_seconds')).toHaveLength(1);
    expect(find(series, 'launchday_http_req_duration_uncorrected_seconds')).toHaveLength(2);

    const own = { testid: 'run-1', env: 'ci', scenario: 'readers' };
    expect(valueNow(series, 'launchday_target_rate', own)).toBe(10);
    expect(valueNow(series, 'launchday_iterations_started_total', own)).toBe(20);
    expect(valueNow(series, 'launchday_iterations_in_flight', own)).toBe(0);
    expect(
      valueNow(series, 'launchday_threshold_ok', {
        metric: 'http_req_duration{name:feed}',
        threshold: 'p(99)<250',
      }),
    ).toBe(0);
    expect(valueNow(series, 'launchday_run_active', { testid: 'run-1', env: 'ci' })).toBe(1);
    expect(find(live.current(false), 'launchday_run_active')).toEqual([]);
    expect(series.every((s) => /^(k6|launchday)_[a-z0-9_]+$/.test(s.name))).toBe(true);
  });

  it('lets a testid test-wide tag win over the run id, and makes tag names valid labels', () => {
    const tags = { testid: 'pr-42', 'team.name': 'feed', '9lives': 'x' };
    const run = new TestRun(tags);
    const live = new LiveSeries('run-1', testRunStart(tags).run);
    run.worker.requestRecorder('load', 'hello', 'GET').record(requestSample(200, 5));
    run.worker.addWorkload('load');
    live.add(...run.second());
    for (const s of live.current(true)) {
      expect(s.labels).toMatchObject({ testid: 'pr-42', team_name: 'feed', _9lives: 'x' });
    }
  });
});
