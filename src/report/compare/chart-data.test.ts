import { describe, expect, it } from 'vitest';
import { buildCompareReport } from '../../../test/support/compare-report-fixture.js';
import { buildCompareCharts, percentileX } from './chart-data.js';
import { compareChartOptions } from './compare-client.js';
import type { CompareChart } from './types.js';

const report = buildCompareReport('regressed');
const [distributions, seconds] = buildCompareCharts(report);

describe('buildCompareCharts', () => {
  it('plots each distribution over x = 1/(1 − p), p100 left out, both sides on one x', () => {
    expect([0, 90, 99, 99.9].map(percentileX).map((x) => Number(x.toPrecision(12)))).toEqual([
      1, 10, 100, 1000,
    ]);
    expect(distributions!.charts.map((c) => [c.id, c.title, c.xAxis])).toEqual([
      ['chart-1', 'all requests: latency by percentile', 'percentile'],
      ['chart-2', 'feed: latency by percentile', 'percentile'],
      ['chart-3', 'signup: latency by percentile', 'percentile'],
    ]);
    const feed = distributions!.charts[1]!;
    const curve = report.charts.distributions[1]!;
    expect(feed.x).toEqual(curve.baseline.percentiles.slice(0, -1).map(percentileX));
    expect(feed.series.map((s) => [s.label, s.dashed, s.colour])).toEqual([
      ['baseline main', false, 0],
      ['candidate', true, 4],
    ]);
    expect(feed.series[1]!.values).toEqual(curve.candidate.valuesMs.slice(0, -1));
  });

  it('charts p99 and requests per second of every run, the sides in two colour families', () => {
    expect(seconds!.charts.map((c) => [c.id, c.title, c.unit, c.xAxis])).toEqual([
      ['chart-4', 'p99 per second', 'ms', 'seconds'],
      ['chart-5', 'Requests per second', 'requests/s', 'seconds'],
    ]);
    const [p99, requests] = seconds!.charts as [CompareChart, CompareChart];
    expect(p99.x).toEqual(report.charts.seconds[0]!.t);
    expect(p99.series.map((s) => [s.label, s.dashed, s.colour])).toEqual([
      ['baseline base-1', false, 0],
      ['baseline base-2', false, 1],
      ['candidate cand-1', true, 4],
      ['candidate cand-2', true, 5],
    ]);
    expect(requests.series.map((s) => s.values)).toEqual(
      report.charts.seconds.map((s) => s.requests),
    );
  });

  it('leaves a gap where a run has no second, and no p99 where a second had no request', () => {
    const [base, cand] = report.charts.seconds;
    const short = {
      ...base!,
      t: [0, 1],
      requests: [0, 5],
      failed: [0, 0],
      p50Ms: [0, 2],
      p99Ms: [0, 9],
    };
    const charts = buildCompareCharts({
      ...report,
      charts: { ...report.charts, seconds: [short, cand!] },
    });
    const p99 = charts[1]!.charts[0]!;
    expect(p99.series[0]!.values.slice(0, 3)).toEqual([null, 9, null]);
    expect(p99.series[1]!.values).toEqual(cand!.p99Ms);
  });

  it('leaves out a distribution that neither side has a percentile of', () => {
    const none = { percentiles: [100], valuesMs: [3] };
    const distributions = [{ requestName: 'idle', baseline: none, candidate: none }];
    const charts = buildCompareCharts({ ...report, charts: { ...report.charts, distributions } });
    expect(charts[0]!.charts).toEqual([]);
    expect(charts[1]!.charts.map((c) => c.id)).toEqual(['chart-1', 'chart-2']);
  });

  it('says why a group is empty', () => {
    const empty = buildCompareCharts({ ...report, charts: { distributions: [], seconds: [] } });
    expect(empty.map((g) => [g.charts.length, g.emptyNote])).toEqual([
      [0, 'The comparison holds no latency distribution.'],
      [0, 'The runs recorded no per-second data.'],
    ]);
  });
});

describe('compareChartOptions', () => {
  const palette = { text: '#000', grid: '#ccc', series: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'] };
  type Axis = {
    label: string;
    splits?: (...args: unknown[]) => number[];
    values?: (u: unknown, ticks: number[]) => string[];
  };
  type Options = {
    scales: { x: object };
    axes: Axis[];
    series: { stroke?: string; dash?: number[] }[];
  };

  it('draws a percentile plot on a log scale ticked and labelled at each nine', () => {
    const options = compareChartOptions(distributions!.charts[0]!, palette, 600) as Options;
    expect(options.scales.x).toEqual({ time: false, distr: 3, log: 10 });
    const [x, y] = options.axes as [Axis, Axis];
    expect([x.label, y.label]).toEqual(['percentile', 'ms']);
    const ticks = x.splits!(null, 0, 1, 10000);
    expect(ticks).toEqual([1, 10, 100, 1000, 10000]);
    expect(x.values!(null, ticks)).toEqual(['0', '90', '99', '99.9', '99.99']);
    expect(options.series.slice(1).map((s) => [s.stroke, s.dash])).toEqual([
      ['a', undefined],
      ['e', [6, 4]],
    ]);
  });

  it('draws the per-second charts over seconds since start', () => {
    const options = compareChartOptions(seconds!.charts[0]!, palette, 600) as Options;
    expect(options.scales.x).toEqual({ time: false });
    expect(options.axes[0]!.label).toBe('seconds since start');
    expect(options.series.slice(1).map((s) => s.stroke)).toEqual(['a', 'b', 'e', 'f']);
  });
});
