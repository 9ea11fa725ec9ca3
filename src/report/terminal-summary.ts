import { formatDuration } from '../core/duration.js';
import type { RunResult, RunStatus } from '../core/result.js';
import { type Ansi, createAnsi } from './ansi.js';
import { mergedInstancesText } from './merged-instances.js';
import { renderMetricList } from './metric-list.js';
import { renderRequestTable, renderWorkloadTable } from './summary-tables.js';
import { alignColumns } from './table.js';
import type { TerminalSummaryOptions } from './types.js';
import { renderChecks, renderConsistency, renderThresholds, STATUS_LABELS } from './verdicts.js';

const STATUS_STYLE: Readonly<Record<RunStatus, keyof Ansi>> = {
  passed: 'green',
  'thresholds-failed': 'red',
  'aborted-by-threshold': 'red',
  aborted: 'red',
  'consistency-failed': 'red',
  interrupted: 'yellow',
};

/** How many of the run's first journey errors the summary repeats. */
const JOURNEY_ERRORS_SHOWN = 3;

/**
 * The end-of-run summary the CLI prints, in the manner of k6's: a header (scenario, run id,
 * duration, status, why the run stopped early), a warning when the generator could not keep its
 * schedule, then sections for requests (latency in ms), workloads, checks, thresholds, the
 * consistency check (only when one ran) and k6's metric list. Pure: the same result gives the
 * same text. Ends with a newline.
 */
export function renderTerminalSummary(result: RunResult, options: TerminalSummaryOptions): string {
  const ansi = createAnsi(options.color);
  const lines = [
    '',
    ...renderHeader(result, ansi),
    ...renderGeneratorWarning(result, ansi),
    ...section(
      'REQUESTS',
      ansi,
      renderRequestTable(result, ansi),
      'latency in ms from the planned send time',
    ),
    ...section('WORKLOADS', ansi, [
      ...renderWorkloadTable(result, ansi),
      ...renderJourneyErrors(result, ansi),
    ]),
    ...section('CHECKS', ansi, renderChecks(result.checks, ansi)),
    ...section('THRESHOLDS', ansi, renderThresholds(result.thresholds, ansi)),
    ...(result.consistency === null
      ? []
      : section(
          'CONSISTENCY',
          ansi,
          renderConsistency(result.consistency, ansi),
          'acknowledged writes against what the target kept, checked after the run',
        )),
    ...section('METRICS', ansi, renderMetricList(result.summary.metrics, ansi)),
    '',
  ];
  return `${lines.join('\n')}\n`;
}

function renderHeader(result: RunResult, ansi: Ansi): string[] {
  const { scenario } = result;
  const described = scenario.description
    ? `${scenario.name} — ${scenario.description}`
    : scenario.name;
  const rows = [
    ['scenario', `${ansi.bold(described)} ${ansi.dim(`(${scenario.file})`)}`],
    ['run id', result.runId],
    [
      'duration',
      `${formatDuration(result.durationMs)} ${ansi.dim(`(${result.startedAt} → ${result.endedAt})`)}`,
    ],
    ['status', renderStatus(result.status, ansi)],
  ];
  if (result.stopReason !== undefined) rows.push(['stopped early', ansi.yellow(result.stopReason)]);
  const instances = mergedInstancesText(result);
  if (instances !== undefined) rows.push(['merged from', instances]);
  return [
    `  ${ansi.bold('█ launchday run')}`,
    '',
    ...alignColumns(rows, ['left']).map((line) => `    ${line}`),
  ];
}

/** The status word; a run that lost data also says so in words, as lost data is the worst. */
function renderStatus(status: RunStatus, ansi: Ansi): string {
  const word = ansi[STATUS_STYLE[status]](ansi.bold(status));
  if (status !== 'consistency-failed') return word;
  return `${word} ${ansi.red(ansi.bold(`— ${STATUS_LABELS[status]}`))}`;
}

function renderGeneratorWarning(result: RunResult, ansi: Ansi): string[] {
  const { generator } = result;
  if (generator.valid) return [];
  const title =
    'WARNING: the load generator could not keep its schedule; do not trust these figures:';
  return [
    '',
    `  ${ansi.bold(ansi.yellow(title))}`,
    ...generator.reasons.map((reason) => `    ${ansi.yellow(`- ${reason}`)}`),
    ansi.dim(
      `    scheduler lag p99 ${generator.schedulerLagP99Ms.toFixed(1)} ms, busiest event loop ` +
        `${(generator.maxEventLoopUtilization * 100).toFixed(0)}%, ${generator.workers} worker(s)`,
    ),
  ];
}

function renderJourneyErrors(result: RunResult, ansi: Ansi): string[] {
  const shown = result.journeyErrors.slice(0, JOURNEY_ERRORS_SHOWN);
  if (shown.length === 0) return [];
  return [
    '',
    'first journey errors:',
    ...shown.map((error) => ansi.red(`  ${error.split('\n')[0]}`)),
  ];
}

function section(title: string, ansi: Ansi, body: readonly string[], note?: string): string[] {
  if (body.length === 0) return [];
  const heading = `  ${ansi.bold(`█ ${title}`)}${note === undefined ? '' : ansi.dim(`  (${note})`)}`;
  return ['', heading, '', ...body.map((line) => (line === '' ? '' : `    ${line}`))];
}
