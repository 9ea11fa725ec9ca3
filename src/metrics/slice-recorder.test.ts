import { describe, expect, it } from 'vitest';
import { requestSample } from '../../test/support/request-sample.js';
import { HdrHistogram } from './hdr-histogram.js';
import { RunMetrics } from './run-metrics.js';
import { SliceRecorder } from './slice-recorder.js';
import type { SeriesDelta, Tags } from './types.js';
import { WorkerMetrics } from './worker-metrics.js';

const FEED: Tags = { scenario: 'readers', name: 'feed' };

/** A trend delta of `values` (µs), through a real histogram's transfer form. */
function trend(values: readonly number[], tags: Tags = FEED): SeriesDelta {
  const histogram = new HdrHistogram();
  for (const value of values) histogram.record(value);
  return { metric: 'http_req_duration', tags, kind: 'trend', histogram: histogram.toTransfer() };
}

function counter(count: number): SeriesDelta {
  return { metric: 'http_reqs', tags: FEED, kind: 'counter', count };
}

function rate(passes: number, total: number): SeriesDelta {
  return { metric: 'http_req_failed', tags: FEED, kind: 'rate', passes, total };
}

/** `from`, `from + 1`, ..., `to` in ms, as µs. */
function millis(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => (from + i) * 1000);
}

function decode(encoded: string | null | undefined): HdrHistogram {
  if (typeof encoded !== 'string') throw new Error(`expected a histogram, got ${encoded}`);
  return HdrHistogram.decode(encoded);
}

describe('SliceRecorder', () => {
  it("keeps each second's histogram, count and rate, merging the deltas of all workers", () => {
    const recorder = new SliceRecorder();
    // Two workers in second 0 (1–100 ms and 101–200 ms, tags in another order), one in second 1.
    recorder.add(0, [
      trend(millis(1, 100)),
      counter(100),
      rate(1, 100),
      trend(millis(101, 200), { name: 'feed', scenario: 'readers' }),
      counter(100),
      rate(2, 100),
    ]);
    recorder.add(1, [trend(millis(500, 599)), counter(100), rate(0, 100)]);
    const { count, series } = recorder.toSlices();
    expect(count).toBe(2);
    expect(series.map((s) => s.kind)).toEqual(['trend', 'counter', 'rate']);
    const [latency, requests, failed] = series;
    if (latency?.kind !== 'trend') throw new Error('expected the trend first');
    expect(latency.tags).toEqual(FEED);
    const first = decode(latency.histograms[0]);
    expect(first.count).toBe(200);
    expect(first.percentile(50) / 1000).toBeCloseTo(100, 0);
    expect(first.max).toBeCloseTo(200_000, -3);
    const second = decode(latency.histograms[1]);
    expect(second.count).toBe(100);
    expect(second.min).toBeCloseTo(500_000, -3);
    expect(second.percentile(99) / 1000).toBeCloseTo(598, 0);
    expect(requests).toMatchObject({ kind: 'counter', counts: [200, 100] });
    expect(failed).toMatchObject({ kind: 'rate', passes: [3, 0], totals: [200, 100] });
  });

  it('pads a series that appears late, skips a second, or misses an interval', () => {
    const recorder = new SliceRecorder();
    recorder.add(0, [counter(5)]);
    recorder.add(1, [counter(6), trend([])]);
    // Interval 2 never arrived; in 3 only the trend recorded.
    recorder.add(3, [trend([2000, 4000]), rate(1, 2)]);
    recorder.add(4, [counter(7)]);
    const { count, series } = recorder.toSlices();
    expect(count).toBe(5);
    const byMetric = Object.fromEntries(series.map((s) => [s.metric, s]));
    expect(byMetric.http_reqs).toMatchObject({ counts: [5, 6, 0, 0, 7] });
    expect(byMetric.http_req_failed).toMatchObject({ passes: [0, 0, 0, 1, 0] });
    expect(byMetric.http_req_failed).toMatchObject({ totals: [0, 0, 0, 2, 0] });
    const latency = byMetric.http_req_duration;
    if (latency?.kind !== 'trend') throw new Error('expected a trend');
    expect(latency.histograms.map((h) => h === null)).toEqual([true, true, true, false, true]);
    expect(decode(latency.histograms[3]).count).toBe(2);
    for (const s of series) {
      const arrays =
        s.kind === 'trend'
          ? [s.histograms]
          : s.kind === 'counter'
            ? [s.counts]
            : [s.passes, s.totals];
      for (const array of arrays) expect(array).toHaveLength(count);
    }
  });

  it('leaves gauges out, refuses a negative index, and hands out copies', () => {
    const recorder = new SliceRecorder();
    recorder.add(0, [{ metric: 'vus', tags: FEED, kind: 'gauge', value: 3 }, counter(1)]);
    expect(() => recorder.add(-1, [counter(1)])).toThrow(RangeError);
    const slices = recorder.toSlices();
    expect(slices.series.map((s) => s.metric)).toEqual(['http_reqs']);
    recorder.add(1, [counter(2)]);
    expect(slices.series[0]).toMatchObject({ counts: [1] });
    expect(recorder.toSlices().series[0]).toMatchObject({ counts: [1, 2] });
    expect(() => recorder.add(2, [{ ...counter(1), kind: 'rate', passes: 1, total: 1 }])).toThrow(
      'recorded as both counter and rate',
    );
  });

  it('adds a late interval to the second it belongs to', () => {
    const recorder = new SliceRecorder();
    recorder.add(0, [trend(millis(1, 10)), counter(10)]);
    recorder.add(1, [counter(3)]);
    // A worker's snapshot of second 0 after second 0 was handed on; a series new in it.
    recorder.add(0, [trend(millis(11, 20)), counter(10), rate(1, 10)]);
    const { count, series } = recorder.toSlices();
    expect(count).toBe(2);
    const [latency, requests, failed] = series;
    if (latency?.kind !== 'trend') throw new Error('expected the trend first');
    const second0 = decode(latency.histograms[0]);
    expect(second0.count).toBe(20);
    expect(second0.max).toBeCloseTo(20_000, -2);
    expect(latency.histograms[1]).toBeNull();
    expect(requests).toMatchObject({ counts: [20, 3] });
    expect(failed).toMatchObject({ passes: [1, 0], totals: [10, 0] });
  });

  it("has exactly the series and tags of the run's series, test-wide tags included", () => {
    const workers = [new WorkerMetrics(0), new WorkerMetrics(1)];
    const run = new RunMetrics({ testid: 't1' });
    const recorder = new SliceRecorder();
    for (let second = 0; second < 3; second++) {
      workers.forEach((worker, w) => {
        const feed = worker.requestRecorder('readers', 'feed', 'GET');
        for (let i = 1; i <= 10; i++) feed.record(requestSample(200, second * 100 + w * 10 + i));
        if (second === 2)
          worker.requestRecorder('readers', 'post', 'POST').record(requestSample(503, 5));
      });
      const snapshots = workers.map((worker) => worker.snapshot(second, 0.5));
      run.addInterval(second, snapshots, {}, (second + 1) * 1000);
      recorder.add(second, run.latestSeries);
    }
    const slices = recorder.toSlices();
    const identity = (s: { metric: string; tags: object; kind: string }) =>
      JSON.stringify([s.metric, s.tags, s.kind]);
    const expected = run
      .seriesResults()
      .filter((s) => s.kind !== 'gauge')
      .map(identity);
    expect(slices.series.map(identity)).toEqual(expected);
    expect(slices.series.every((s) => s.tags.testid === 't1')).toBe(true);
    const feed = slices.series.find(
      (s) => s.metric === 'http_req_duration' && s.tags.name === 'feed',
    );
    if (feed?.kind !== 'trend') throw new Error('expected the feed trend');
    const seconds = feed.histograms.map((h) => decode(h));
    expect(seconds.map((h) => h.count)).toEqual([20, 20, 20]);
    expect(seconds.map((h) => Math.round(h.max / 1000))).toEqual([20, 120, 220]);
    const post = slices.series.find((s) => s.metric === 'http_reqs' && s.tags.name === 'post');
    expect(post).toMatchObject({ counts: [0, 0, 2] });
  });
});
