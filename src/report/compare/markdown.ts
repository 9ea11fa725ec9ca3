/**
 * compare.md: a comparison in GitHub-flavoured Markdown, for `$GITHUB_STEP_SUMMARY` and a
 * pull-request comment, built from the run report's Markdown pieces (escaping, pipe tables).
 */
import type { CompareReport, MetricComparison, Verdict } from '../../compare/types.js';
import { escapeMarkdown, markdownTable } from '../markdown.js';
import {
  formatBudget,
  formatDelta,
  formatFigures,
  formatMethod,
  formatN,
  formatPValue,
  formatSide,
  formatValue,
  formatVerdictCounts,
  sideLabel,
} from './format.js';

/** A verdict as a table cell: symbol and word, so it reads without colour. */
const VERDICT_CELLS: Readonly<Record<Verdict, string>> = {
  regressed: '❌ regressed',
  improved: '✅ improved',
  unchanged: '➖ unchanged',
  inconclusive: '❔ inconclusive',
};

/**
 * A comparison in Markdown, the verdict first: the headline as a heading (❌ when a metric
 * regressed, ✅ when none did) with how many metrics got each verdict, then every regression
 * by its metric key with its figures (baseline → candidate, change, interval, p-value, runs and
 * samples), its budget and its reason; then the table of every compared metric (baseline,
 * candidate, delta [interval], p, n, budget, verdict), the differences the user allowed, and
 * a short footer with the method, its settings and both sides. Every name and sentence from
 * the report is escaped. Pure and deterministic; ends with a newline. `writeCompareFiles`
 * writes it as compare.md.
 */
export function renderCompareMarkdown(report: CompareReport): string {
  const sections = [
    verdictSection(report),
    tableSection(report),
    allowedSection(report),
    footerSection(report),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function verdictSection(report: CompareReport): string[] {
  const icon = report.verdict === 'regressed' ? '❌' : '✅';
  const regressions = report.comparisons.filter((c) => c.verdict === 'regressed');
  const lines = [
    `## ${icon} ${escapeMarkdown(report.headline)}`,
    '',
    `${escapeMarkdown(formatVerdictCounts(report))}.`,
  ];
  if (regressions.length === 0) return lines;
  return [
    ...lines,
    '',
    `**${regressions.length === 1 ? 'Regression' : `${regressions.length} regressions`}:**`,
    '',
    ...regressions.map(regressionItem),
  ];
}

/** A regression as a list item: key in bold, figures and budget, then why. */
function regressionItem(c: MetricComparison): string {
  const budget = formatBudget(c.budget, c.unit, c.direction);
  return (
    `- **${escapeMarkdown(c.key)}**: ${escapeMarkdown(formatFigures(c))}; ` +
    `budget ${escapeMarkdown(budget)}. ${escapeMarkdown(c.reason)}`
  );
}

function tableSection(report: CompareReport): string[] {
  if (report.comparisons.length === 0) return [];
  const level = Math.round(report.settings.confidence * 100);
  const header = [
    'metric',
    'baseline',
    'candidate',
    `delta [${level}% CI]`,
    'p',
    'n',
    'budget',
    'verdict',
  ];
  const rows = report.comparisons.map((c) =>
    [
      c.key,
      formatValue(c.baseline.value, c.unit),
      formatValue(c.candidate.value, c.unit),
      formatDelta(c),
      formatPValue(c.pValue),
      formatN(c),
      formatBudget(c.budget, c.unit, c.direction),
    ]
      .map(escapeMarkdown)
      .concat(VERDICT_CELLS[c.verdict]),
  );
  const align = ['left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'] as const;
  return ['### Compared metrics', '', ...markdownTable(header, rows, align)];
}

function allowedSection(report: CompareReport): string[] {
  if (report.allowedDifferences.length === 0) return [];
  return [
    '> **⚠️ Compared despite these differences (`--allow`):**',
    ...report.allowedDifferences.map(
      (d) => `> - ${escapeMarkdown(d.kind)}: ${escapeMarkdown(d.message)}`,
    ),
  ];
}

function footerSection(report: CompareReport): string[] {
  const lines = [
    `Method: ${formatMethod(report)}`,
    `${sideLabel('baseline', report.baseline)}: ${formatSide(report.baseline)}.`,
    `${sideLabel('candidate', report.candidate)}: ${formatSide(report.candidate)}.`,
    `Compared at ${report.createdAt} (compare schema v${report.schemaVersion}).`,
  ];
  return ['---', '', ...lines.map((line) => `- ${escapeMarkdown(line)}`)];
}
