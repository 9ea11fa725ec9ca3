/** The charts of history.html, from a history: one per metric, its change points marked. */
import type { HistoryReport, MetricHistory } from '../../compare/history-types.js';
import { runLabel } from './format.js';
import type { HistoryChart, HistoryChartGroup } from './types.js';

/** Each value's unit as the y axis names it. */
const UNIT_LABELS = { ms: 'ms', fraction: 'fraction', 'per-second': '/s', count: 'count' };

/**
 * One chart group with a chart per metric (`chart-1`, `chart-2`, … in the report's order): x
 * the runs' positions, the metric's value per run (null where a run has none), the mean of
 * each run's segment between change points (dashed), and the change points to mark.
 */
export function buildHistoryCharts(report: HistoryReport): HistoryChartGroup[] {
  const x = report.runs.map((run) => run.position);
  const runLabels = report.runs.map(runLabel);
  const charts = report.metrics.map(
    (metric, i): HistoryChart => ({
      id: `chart-${i + 1}`,
      title: `${metric.label} (${metric.key})`,
      unit: UNIT_LABELS[metric.unit],
      x,
      runLabels,
      series: [
        { label: metric.label, values: metric.values, dashed: false },
        { label: 'segment mean', values: segmentMeans(metric), dashed: true },
      ],
      changes: metric.changes.map((c) => ({ position: c.position, worse: c.worse })),
    }),
  );
  return [
    {
      title: 'Metrics over the runs',
      emptyNote: 'No metric was followed.',
      charts,
    },
  ];
}

/**
 * Per run, the mean of the values of its segment (the runs between two change points), null
 * where the run has no value: the level the change points separate.
 */
export function segmentMeans(metric: MetricHistory): (number | null)[] {
  const present = metric.values.filter((v): v is number => v !== null);
  const overall = present.reduce((sum, v) => sum + v, 0) / Math.max(present.length, 1);
  return metric.values.map((value, i) => {
    if (value === null) return null;
    const position = i + 1;
    const next = metric.changes.find((c) => c.position > position);
    if (next !== undefined) return next.before.mean;
    const last = metric.changes.at(-1);
    return last === undefined ? overall : last.after.mean;
  });
}
