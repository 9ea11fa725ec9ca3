/**
 * A comparison in the terminal, as benchstat prints one: a table of every compared metric
 * (baseline, candidate, change with its interval, runs, verdict), the regressions with their
 * reasons, and the headline last, where a CI log's reader looks.
 */
import type { CompareReport, MetricComparison, Verdict } from '../../compare/types.js';
import { type Ansi, createAnsi } from '../ansi.js';
import { alignColumns } from '../table.js';
import {
  formatDelta,
  formatMethod,
  formatPValue,
  formatSide,
  formatValue,
  sideLabel,
} from './format.js';

/** How to print: with colour or not. */
export interface CompareTerminalOptions {
  readonly color: boolean;
}

/** The comparison as terminal text, ending in a newline. */
export function renderCompareTerminal(
  report: CompareReport,
  options: CompareTerminalOptions,
): string {
  const ansi = createAnsi(options.color);
  const header = [
    'metric',
    sideLabel('baseline', report.baseline),
    sideLabel('candidate', report.candidate),
    'delta',
    'p',
    'n',
    'verdict',
  ];
  const rows = report.comparisons.map((c) => [
    c.key,
    formatValue(c.baseline.value, c.unit),
    formatValue(c.candidate.value, c.unit),
    formatDelta(c),
    formatPValue(c.pValue),
    `${c.baseline.runs}+${c.candidate.runs}`,
    styleVerdict(c.verdict, ansi),
  ]);
  const [head = '', ...body] = alignColumns(
    [header, ...rows],
    ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
  );
  const worse = report.comparisons.filter((c) => c.verdict === 'regressed');
  return [
    `${ansi.bold('baseline:')}  ${formatSide(report.baseline)}`,
    `${ansi.bold('candidate:')} ${formatSide(report.candidate)}`,
    ...report.allowedDifferences.map((d) => ansi.yellow(`allowed: ${d.message}`)),
    '',
    ansi.bold(head),
    ...body,
    '',
    ...worse.map((c) => ansi.red(`✗ ${reasonLine(c)}`)),
    ansi.dim(formatMethod(report)),
    report.verdict === 'regressed'
      ? ansi.red(ansi.bold(report.headline))
      : ansi.green(ansi.bold(report.headline)),
    '',
  ].join('\n');
}

function reasonLine(c: MetricComparison): string {
  return `${c.key}: ${c.reason}`;
}

function styleVerdict(verdict: Verdict, ansi: Ansi): string {
  if (verdict === 'regressed') return ansi.red(verdict);
  if (verdict === 'improved') return ansi.green(verdict);
  return verdict === 'inconclusive' ? ansi.yellow(verdict) : verdict;
}
