/**
 * history.md: a history in GitHub-flavoured Markdown, for a job summary or a pull-request
 * comment, built from the run report's Markdown pieces (escaping, pipe tables).
 */
import type { HistoryReport, MetricHistory } from '../../compare/history-types.js';
import { formatValue } from '../compare/format.js';
import { escapeMarkdown, markdownTable } from '../markdown.js';
import {
  changeAt,
  formatChangeCount,
  formatChangeFigures,
  formatHistoryMethod,
  formatRuns,
  steadyMetrics,
} from './format.js';

/**
 * The history in Markdown, the change points first: a heading with the folder, the runs and
 * the count of change points; each change point's sentence (❌ for the worse, ✅ for the
 * better) with its figures; the metrics without one; the table of runs (position, run id,
 * start, the tag's value, each metric's value, **bold with ▲/▼** where a change point starts);
 * and the method. Every name and sentence is escaped. Pure; ends with a newline.
 */
export function renderHistoryMarkdown(report: HistoryReport): string {
  const changes = report.metrics.flatMap((metric) =>
    metric.changes.map(
      (change) =>
        `- ${change.worse ? '❌' : '✅'} **${escapeMarkdown(change.sentence)}**: ${escapeMarkdown(formatChangeFigures(change, metric))}`,
    ),
  );
  const steady = steadyMetrics(report);
  const sections = [
    [
      `## History of ${escapeMarkdown(report.source)}`,
      '',
      `${escapeMarkdown(formatRuns(report))}; ${escapeMarkdown(formatChangeCount(report))}.`,
    ],
    changes,
    steady.length === 0 ? [] : [`No change point: ${steady.map(escapeMarkdown).join(', ')}.`],
    runsTable(report),
    [`<sub>${escapeMarkdown(formatHistoryMethod(report))}</sub>`],
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function runsTable(report: HistoryReport): string[] {
  const tagged = report.tag !== null;
  const header = [
    '#',
    'run',
    'started',
    ...(tagged ? [escapeMarkdown(report.tag!)] : []),
    ...report.metrics.map((m) => escapeMarkdown(m.label)),
  ];
  const rows = report.runs.map((run) => [
    String(run.position),
    `\`${run.runId.replace(/`/g, "'")}\``,
    run.startedAt,
    ...(tagged ? [escapeMarkdown(run.tag ?? '')] : []),
    ...report.metrics.map((metric) => valueCell(metric, run.position)),
  ]);
  const fixed = tagged ? 4 : 3;
  return markdownTable(
    header,
    rows,
    header.map((_, i) => (i === 0 || i >= fixed ? 'right' : 'left')),
  );
}

function valueCell(metric: MetricHistory, position: number): string {
  const value = escapeMarkdown(formatValue(metric.values[position - 1] ?? null, metric.unit));
  const change = changeAt(metric, position);
  if (change === undefined) return value;
  return `**${change.direction === 'rose' ? '▲' : '▼'} ${value}**`;
}
