/**
 * `launchday history` in the terminal: the table of runs with each metric's value, the change
 * points as sentences, the metrics without one, and the method.
 */
import type { HistoryReport, MetricHistory } from '../../compare/history-types.js';
import { createAnsi } from '../ansi.js';
import { formatValue } from '../compare/format.js';
import { type Align, alignColumns } from '../table.js';
import {
  changeAt,
  formatChangeCount,
  formatChangeFigures,
  formatHistoryMethod,
  formatRuns,
  steadyMetrics,
} from './format.js';

/** How {@link renderHistoryText} writes. */
export interface HistoryTextOptions {
  /** ANSI colour: worse changes red, better ones green. Default off. */
  readonly color?: boolean;
}

/**
 * The history for the terminal: a header with the runs and the count of change points; a
 * table of the runs (position, run id, start, the tag's value with `--tag`, each metric's
 * value, `▲`/`▼` before a value where a change point starts); each change point's sentence
 * (✗ when for the worse, ✓ when for the better) with its figures; the metrics without one;
 * and the method. Pure; ends with a newline.
 */
export function renderHistoryText(report: HistoryReport, options: HistoryTextOptions = {}): string {
  const ansi = createAnsi(options.color ?? false);
  const header = [
    '#',
    'run',
    'started',
    ...(report.tag === null ? [] : [report.tag]),
    ...report.metrics.map((m) => m.label),
  ];
  const rows = report.runs.map((run) => [
    String(run.position),
    run.runId,
    run.startedAt,
    ...(run.tag === null ? [] : [run.tag]),
    ...report.metrics.map((metric) => valueCell(metric, run.position)),
  ]);
  const fixed = report.tag === null ? 3 : 4;
  const align = header.map((_, i): Align => (i === 0 || i >= fixed ? 'right' : 'left'));
  const changes = report.metrics.flatMap((metric) =>
    metric.changes.map((change) => {
      const mark = change.worse ? ansi.red('✗') : ansi.green('✓');
      return `  ${mark} ${change.sentence}: ${formatChangeFigures(change, metric)}`;
    }),
  );
  const steady = steadyMetrics(report);
  return `${[
    ansi.bold(`launchday history: ${report.source}`),
    `${formatRuns(report)}; ${formatChangeCount(report)}.`,
    '',
    ...alignColumns([header.map(ansi.bold), ...rows], align).map((line) => `  ${line}`),
    '',
    ...(changes.length === 0 ? [] : ['Change points:', ...changes, '']),
    ...(steady.length === 0 ? [] : [`No change point: ${steady.join(', ')}.`, '']),
    ansi.dim(formatHistoryMethod(report)),
  ].join('\n')}\n`;
}

/** A metric's value at a run, with ▲ or ▼ where a change point starts. */
function valueCell(metric: MetricHistory, position: number): string {
  const value = formatValue(metric.values[position - 1] ?? null, metric.unit);
  const change = changeAt(metric, position);
  if (change === undefined) return value;
  return `${change.direction === 'rose' ? '▲' : '▼'} ${value}`;
}
