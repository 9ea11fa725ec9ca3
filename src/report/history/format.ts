/**
 * How every rendering of a history (terminal, Markdown, HTML) writes its figures: what the runs
 * are, a run's label, a change point with its figures, the method with its settings. Plain
 * text; each renderer escapes it for its medium.
 */
import type {
  HistoryChange,
  HistoryReport,
  HistoryRun,
  MetricHistory,
} from '../../compare/history-types.js';
import { formatPValue, formatValue } from '../compare/format.js';

/** What the runs are, as a phrase: `20 runs of feed-mix, ordered by commit`. */
export function formatRuns(report: HistoryReport): string {
  const scenarios = [...new Set(report.runs.map((run) => run.scenario))];
  const count = `${report.runs.length} run${report.runs.length === 1 ? '' : 's'}`;
  const order = report.tag === null ? 'ordered by start time' : `ordered by ${report.tag}`;
  return `${count} of ${scenarios.join(', ')}, ${order}`;
}

/** How many change points were found, in how many metrics: `1 change point in 2 metrics`. */
export function formatChangeCount(report: HistoryReport): string {
  const changes = report.metrics.reduce((sum, metric) => sum + metric.changes.length, 0);
  const metrics = report.metrics.length;
  return `${changes === 0 ? 'no' : changes} change point${changes === 1 ? '' : 's'} in ${metrics} metric${metrics === 1 ? '' : 's'}`;
}

/** A run as the charts and tables label it: its tag's value, or its run id without a tag. */
export function runLabel(run: HistoryRun): string {
  return run.tag ?? run.runId;
}

/**
 * A change point's figures after its sentence: `40.7 ms → 48.3 ms (means of 12 and 8 runs),
 * p=0.005`.
 */
export function formatChangeFigures(change: HistoryChange, metric: MetricHistory): string {
  const { before, after } = change;
  return (
    `${formatValue(before.mean, metric.unit)} → ${formatValue(after.mean, metric.unit)} ` +
    `(means of ${before.length} and ${after.length} runs), ${formatPValue(change.pValue)}`
  );
}

/** The method with its settings, as one sentence. */
export function formatHistoryMethod(report: HistoryReport): string {
  const m = report.method;
  return (
    `Change points by E-divisive means (energy statistic, α = ${m.alpha}) with a permutation test: ` +
    `a change counts at p ≤ ${m.significance} over ${m.permutations} permutations (seed ${m.seed}), ` +
    `with at least ${m.minSegment} runs on either side.`
  );
}

/** The metrics in which no change point was found, by label. */
export function steadyMetrics(report: HistoryReport): string[] {
  return report.metrics.filter((m) => m.changes.length === 0).map((m) => m.label);
}

/** The change point of `metric` at `position`, if there is one: to mark a table's cell. */
export function changeAt(metric: MetricHistory, position: number): HistoryChange | undefined {
  return metric.changes.find((change) => change.position === position);
}
