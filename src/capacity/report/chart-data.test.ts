import { describe, expect, it } from 'vitest';
import { uslThroughput } from '../usl.js';
import { buildCapacityCharts } from './chart-data.js';
import { buildCapacityReport } from './fixtures.js';

const report = buildCapacityReport();
const charts = buildCapacityCharts(report).flatMap((group) => group.charts);

describe('buildCapacityCharts', () => {
  it('draws throughput and latency against offered load with the knee and max rate marked', () => {
    const [throughput, latency] = charts;
    expect(charts.map((c) => c.id)).toEqual(['chart-1', 'chart-2', 'chart-3']);
    expect(throughput!.x).toEqual(report.steps.map((s) => s.offered));
    expect(throughput!.series.map((s) => [s.label, s.values])).toEqual([
      ['throughput', report.steps.map((s) => s.throughput)],
      ['goodput', report.steps.map((s) => s.goodput)],
    ]);
    expect(latency!.series.map((s) => [s.label, s.dashed])).toEqual([
      ['p50', false],
      ['p99', false],
      ['SLO p(99)<250ms', true],
    ]);
    expect(latency!.series[2]!.values.every((v) => v === 250)).toBe(true);
    const markers = [
      { label: 'knee 600/s', x: 600 },
      { label: 'max sustainable 800/s', x: 800 },
    ];
    expect(throughput!.markers).toEqual(markers);
    expect(latency!.markers).toEqual(markers);
  });

  it('draws the measured points against concurrency and the USL curve of the fit to its peak', () => {
    const usl = report.usl!;
    const chart = charts[2]!;
    const [measured, curve] = chart.series;
    expect([...chart.x].sort((a, b) => a - b)).toEqual(chart.x);
    expect(measured!.pointsOnly).toBe(true);
    const points = chart.x.flatMap((x, i) =>
      measured!.values[i] === null ? [] : [[x, measured!.values[i]]],
    );
    expect(points).toEqual(report.steps.map((s) => [s.concurrency, s.throughput]));
    expect(curve!.dashed).toBe(true);
    expect(curve!.values).toEqual(chart.x.map((n) => uslThroughput(usl, n)));
    expect(chart.x.at(-1)).toBeCloseTo(260 * 1.05);
    expect(chart.markers).toEqual([{ label: 'USL peak at 32.5', x: usl.peak!.concurrency }]);
  });

  it('puts the USL peak where the curve is highest', () => {
    const usl = report.usl!;
    const peak = Math.sqrt((1 - usl.sigma) / usl.kappa);
    for (const n of [peak * 0.9, peak * 1.1, 1, 260])
      expect(uslThroughput(usl, n)).toBeLessThan(uslThroughput(usl, peak));
    expect(uslThroughput(usl, 1)).toBeCloseTo(usl.lambda);
  });

  it('marks no knee when none was found, labels an unsupported fit, and draws no curve without one', () => {
    const unsupported = buildCapacityCharts(
      buildCapacityReport({ knee: false, usl: 'unsupported' }),
    );
    expect(unsupported[0]!.charts[0]!.markers.map((m) => m.label)).toEqual([
      'max sustainable 800/s',
    ]);
    expect(unsupported[1]!.charts[0]!.series.map((s) => s.label)).toEqual([
      'measured',
      'USL fit (not supported)',
    ]);
    expect(unsupported[1]!.charts[0]!.markers).toEqual([]);
    const none = buildCapacityCharts(buildCapacityReport({ usl: 'none' }))[1]!.charts[0]!;
    expect(none.series.map((s) => s.label)).toEqual(['measured']);
    expect(none.x).toHaveLength(report.steps.length);
  });

  it('has no chart but a note when no step was measured', () => {
    const groups = buildCapacityCharts({ ...report, steps: [] });
    expect(groups.map((g) => [g.charts.length, g.emptyNote])).toEqual([
      [0, 'No load step was measured.'],
      [0, 'No load step was measured.'],
    ]);
  });
});
