/**
 * The charts of capacity.html from a {@link CapacityReport}: throughput and latency against the
 * offered rate (the knee and the maximum sustainable rate marked), and throughput against
 * concurrency with the Universal Scalability Law curve of the fit and its peak.
 */
import { formatRate } from '../../report/format.js';
import type { CapacityReport, CapacityStep, UslFit } from '../types.js';
import { uslThroughput } from '../usl.js';
import { formatFigure } from './format.js';
import type { CapacityChart, CapacityChartGroup, ChartMarker } from './types.js';

/** Points the USL curve is drawn through, from zero concurrency to past the last point. */
const CURVE_POINTS = 64;

/**
 * The chart groups of capacity.html, charts numbered `chart-1`, `chart-2`, ... in page order;
 * a group without charts (no step was measured) carries the note shown in their place.
 */
export function buildCapacityCharts(report: CapacityReport): CapacityChartGroup[] {
  const emptyNote = 'No load step was measured.';
  if (report.steps.length === 0)
    return [
      { title: 'Load against offered rate', emptyNote, charts: [] },
      { title: 'Scalability', emptyNote, charts: [] },
    ];
  return [
    { title: 'Load against offered rate', emptyNote, charts: offeredCharts(report) },
    { title: 'Scalability', emptyNote, charts: [concurrencyChart(report)] },
  ];
}

function offeredCharts(report: CapacityReport): CapacityChart[] {
  const steps = [...report.steps].sort((a, b) => a.offered - b.offered);
  const markers: ChartMarker[] = [];
  if (report.knee !== null)
    markers.push({ label: `knee ${formatRate(report.knee.offered)}/s`, x: report.knee.offered });
  // A rate of 0 means no step kept the SLOs: there is no rate to mark.
  if (report.maxSustainableRate > 0)
    markers.push({
      label: `max sustainable ${formatRate(report.maxSustainableRate)}/s${report.maxSustainableEstablished ? '' : ' (provisional)'}`,
      x: report.maxSustainableRate,
    });
  const line = (label: string, values: readonly number[], dashed = false) => ({
    label,
    values,
    dashed,
    pointsOnly: false,
  });
  const bounds = report.slos.flatMap((slo) =>
    slo.kind === 'latency'
      ? [
          line(
            `SLO ${slo.text}`,
            steps.map(() => slo.maxMs),
            true,
          ),
        ]
      : [],
  );
  const base = { xLabel: 'offered iterations/s', x: steps.map((s) => s.offered), markers };
  return [
    {
      ...base,
      id: 'chart-1',
      title: 'Throughput against offered load',
      unit: 'requests/s',
      series: [
        line(
          'throughput',
          steps.map((s) => s.throughput),
        ),
        line(
          'goodput',
          steps.map((s) => s.goodput),
        ),
      ],
    },
    {
      ...base,
      id: 'chart-2',
      title: 'Latency against offered load',
      unit: 'ms',
      series: [
        line(
          'p50',
          steps.map((s) => s.p50Ms),
        ),
        line(
          'p99',
          steps.map((s) => s.p99Ms),
        ),
        ...bounds,
      ],
    },
  ];
}

function concurrencyChart(report: CapacityReport): CapacityChart {
  const { usl } = report;
  const measured = report.steps.map((s): [number, number | null] => [s.concurrency, s.throughput]);
  const points = usl === null ? measured : [...measured, ...curveGrid(report.steps, usl)];
  points.sort(([a], [b]) => a - b);
  const x = points.map(([n]) => n);
  const series = [
    { label: 'measured', values: points.map(([, t]) => t), dashed: false, pointsOnly: true },
  ];
  const markers: ChartMarker[] = [];
  if (usl !== null) {
    const label = usl.supported ? 'USL fit' : 'USL fit (not supported)';
    series.push({
      label,
      values: x.map((n) => uslThroughput(usl, n)),
      dashed: true,
      pointsOnly: false,
    });
    if (usl.peak !== null)
      markers.push({
        label: `USL peak at ${formatFigure(usl.peak.concurrency)}`,
        x: usl.peak.concurrency,
      });
  }
  return {
    id: 'chart-3',
    title: 'Throughput against concurrency (Little’s law), with the USL fit',
    unit: 'requests/s',
    xLabel: 'concurrency',
    x,
    series,
    markers,
  };
}

/** Concurrency levels for the curve alone (no measurement there), up to past the last point. */
function curveGrid(steps: readonly CapacityStep[], usl: UslFit): [number, null][] {
  const last = Math.max(...steps.map((s) => s.concurrency), usl.peak?.concurrency ?? 0);
  const end = last * 1.05 || 1;
  return Array.from({ length: CURVE_POINTS + 1 }, (_, i) => [(end * i) / CURVE_POINTS, null]);
}
