import { describe, expect, it } from 'vitest';
import { buildRunResult, FIXTURE } from '../../test/support/run-result-fixture.js';
import type { RunResult } from '../core/result.js';
import { HdrHistogram } from '../metrics/hdr-histogram.js';
import { mergeResults } from './merge-results.js';

/** The fixture run as segment `index` of `count`, its load started `shiftMs` later. */
function segmentRun(index: number, count: number, shiftMs = 0, base = buildRunResult()): RunResult {
  const at = (iso: string) => new Date(Date.parse(iso) + shiftMs).toISOString();
  return {
    ...base,
    runId: `${base.runId}-${index}`,
    startedAt: at(base.startedAt),
    loadStartedAt: at(base.loadStartedAt!),
    endedAt: at(base.endedAt),
    environment: { ...base.environment, hostname: `host-${index}` },
    config: { ...(base.config as object), segment: { index, count } },
  };
}

const inputs = (...results: RunResult[]) =>
  results.map((result, i) => ({ file: `r${i}.json`, result }));

const requestsOf = (result: RunResult) => result.summary.requests.reduce((n, r) => n + r.count, 0);

describe('mergeResults', () => {
  it('is the sum of its segments: counters, request rows, checks and writes', () => {
    const one = buildRunResult();
    const merged = mergeResults(inputs(segmentRun(2, 2), segmentRun(1, 2)), 'merged');
    expect(requestsOf(merged)).toBe(2 * requestsOf(one));
    expect(merged.checks.map((c) => c.passes)).toEqual(one.checks.map((c) => 2 * c.passes));
    expect(merged.writes.users?.count).toBe(2 * (one.writes.users?.count ?? 0));
    expect(merged.intervals).toHaveLength(FIXTURE.seconds);
    expect(merged.intervals.map((p) => p.requests)).toEqual(
      one.intervals.map((p) => 2 * p.requests),
    );
    expect(merged.mergedFrom?.map((s) => `${s.segment.index} ${s.hostname}`)).toEqual([
      '1 host-1',
      '2 host-2',
    ]);
    expect(merged.environment.hostname).toBe('host-1, host-2');
  });

  it('merges the latency histograms exactly and evaluates the thresholds on the whole', () => {
    const one = buildRunResult();
    const merged = mergeResults(inputs(segmentRun(1, 2), segmentRun(2, 2)), 'merged');
    // As exact as the saved histograms: the same as merging the segments' feed histograms.
    const feed = new HdrHistogram();
    for (const r of [one, one])
      for (const s of r.series)
        if (s.metric === 'http_req_duration' && s.tags.name === 'feed' && s.kind === 'trend')
          feed.add(HdrHistogram.decode(s.histogram));
    const summary = merged.summary.metrics['http_req_duration{name:feed}'];
    expect(summary).toMatchObject({
      count: feed.count,
      p95: feed.percentile(95) / 1000,
      p99: feed.percentile(99) / 1000,
      max: feed.max / 1000,
    });
    expect(merged.thresholds.find((t) => t.expression === 'p(95)<20')?.observed).toBe(
      feed.percentile(95) / 1000,
    );
    // dropped_iterations count<10: each segment drops 5 in its last second, 10 together fail it.
    const dropped = (r: RunResult) => r.thresholds.find((t) => t.metric === 'dropped_iterations');
    expect(dropped(one)).toMatchObject({ ok: true, observed: FIXTURE.droppedInLastSecond });
    expect(dropped(merged)).toMatchObject({ ok: false, observed: 2 * FIXTURE.droppedInLastSecond });
    expect(merged.status).toBe('thresholds-failed');
  });

  it('aligns the seconds by wall clock: a segment started 2 s later adds its seconds 2 s on', () => {
    const one = buildRunResult();
    const merged = mergeResults(inputs(segmentRun(1, 2), segmentRun(2, 2, 2000)), 'merged');
    expect(merged.intervals).toHaveLength(FIXTURE.seconds + 2);
    const expected = Array.from(
      { length: FIXTURE.seconds + 2 },
      (_, t) => (one.intervals[t]?.requests ?? 0) + (one.intervals[t - 2]?.requests ?? 0),
    );
    expect(merged.intervals.map((p) => p.requests)).toEqual(expected);
    expect(merged.slices?.count).toBe(FIXTURE.seconds + 2);
    // Started 2 s apart, the instances did not drive the plan together.
    expect(merged.generator.valid).toBe(false);
    expect(merged.generator.reasons.join(' ')).toMatch(/started up to 2\.0 s apart/);
  });

  it('keeps every instance generator health: one invalid instance makes the run invalid', () => {
    const overloaded = segmentRun(2, 2, 0, buildRunResult({ overloaded: true }));
    const merged = mergeResults(inputs(segmentRun(1, 2), overloaded), 'merged');
    expect(merged.generator.valid).toBe(false);
    expect(merged.generator.reasons[0]).toMatch(/^segment 2\/2 \(host-2\): /);
    expect(merged.generator.workers).toBe(2 * buildRunResult().generator.workers);
    const lag = new HdrHistogram();
    for (const r of [segmentRun(1, 2), overloaded])
      for (const s of r.series)
        if (s.metric === 'scheduler_lag' && s.kind === 'trend')
          lag.add(HdrHistogram.decode(s.histogram));
    expect(merged.generator.schedulerLagP99Ms).toBe(lag.percentile(99) / 1000);
  });

  it('takes the status of the worst early stop, naming the segment', () => {
    const aborted = segmentRun(
      1,
      2,
      0,
      buildRunResult({ stopped: { status: 'aborted', reason: 'the memory watchdog stopped it' } }),
    );
    const merged = mergeResults(inputs(aborted, segmentRun(2, 2)), 'merged');
    expect(merged.status).toBe('aborted');
    expect(merged.stopReason).toBe(
      'segment 1/2 (host-1) stopped early: the memory watchdog stopped it',
    );
  });

  it('refuses what is not one run, naming every problem', () => {
    const other = segmentRun(2, 3);
    expect(() => mergeResults(inputs(segmentRun(1, 2), other), 'merged')).toThrow(
      /r1\.json has another segment count \(3\) than r0\.json \(2\)/,
    );
    expect(() => mergeResults(inputs(segmentRun(1, 2)), 'merged')).toThrow(
      /segment 2\/2 is missing/,
    );
    const old = { ...segmentRun(2, 2), slices: null };
    expect(() => mergeResults(inputs(segmentRun(1, 2), old), 'merged')).toThrow(
      /keeps no per-second slices/,
    );
  });
});
