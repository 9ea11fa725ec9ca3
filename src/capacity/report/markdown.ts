/**
 * capacity.md: the capacity report in GitHub-flavoured Markdown for a launch review, built from
 * the run report's Markdown pieces (escaping, pipe tables).
 */
import { escapeMarkdown, markdownTable } from '../../report/markdown.js';
import type { CapacityReport } from '../types.js';
import {
  capacityFacts,
  demandFacts,
  type Fact,
  planFacts,
  scalingFacts,
  statusNotice,
} from './facts.js';
import {
  type CapacityColumn,
  cellText,
  OVERLOAD_COLUMNS,
  PHASE_COLUMNS,
  PLAN_COLUMNS,
  phaseEndText,
  phaseText,
  SCALING_COLUMNS,
  STEP_COLUMNS,
  sustainableText,
} from './tables.js';

/**
 * The report of `launchday capacity` in Markdown: the verdict first, with a warning quote under
 * it when the search did not finish cleanly, then the demand model and plan (when a forecast
 * was given), the measured capacity (maximum sustainable rate, knee, USL fit or why it is not
 * supported), the overload runs, the phases of the search, the assumptions and the raw steps.
 * Rates per second, latencies in ms. Every name and sentence from the report is escaped. Pure
 * and deterministic; ends with a newline. `writeCapacityReport` writes it as capacity.md.
 */
export function renderCapacityMarkdown(report: CapacityReport): string {
  const sections = [
    verdictSection(report),
    planSection(report),
    ['### Measured capacity', '', ...factList(capacityFacts(report))],
    scalingSection(report),
    overloadSection(report),
    phasesSection(report),
    listSection('Assumptions', report.assumptions),
    stepsSection(report),
  ];
  return `${sections
    .filter((lines) => lines.length > 0)
    .map((lines) => lines.join('\n'))
    .join('\n\n')}\n`;
}

function verdictSection(report: CapacityReport): string[] {
  const { scenario } = report;
  const slos = report.slos.map((slo) => escapeMarkdown(slo.text)).join(', ');
  return [
    `## Capacity: ${escapeMarkdown(scenario.name)}`,
    '',
    `**Verdict:** ${escapeMarkdown(report.verdict)}`,
    '',
    ...noticeLines(report),
    `SLOs: ${slos || 'none'}. Workload ${escapeMarkdown(scenario.workload)} of ` +
      `${escapeMarkdown(scenario.file)}, run ${escapeMarkdown(report.runId)}, ` +
      `${escapeMarkdown(report.createdAt)}.`,
  ];
}

/** The status notice as a quote, and a blank line after it; nothing for a complete search. */
function noticeLines(report: CapacityReport): string[] {
  const notice = statusNotice(report);
  if (notice === null) return [];
  return [
    `> **⚠️ ${escapeMarkdown(notice.title)}**`,
    ...notice.notes.map((note) => `> - ${escapeMarkdown(note)}`),
    '',
  ];
}

function phasesSection(report: CapacityReport): string[] {
  if (report.phases.length === 0) return [];
  const rows = report.phases.map((phase) => [
    escapeMarkdown(phaseText(phase)),
    ...cells(PHASE_COLUMNS, phase),
    escapeMarkdown(phaseEndText(phase)),
    escapeMarkdown(phase.note),
  ]);
  const headings = ['phase', ...PHASE_COLUMNS.map((column) => column.heading), 'ended', 'note'];
  return [
    '### Phases',
    '',
    ...markdownTable(headings, rows, [...rightAfter(1, PHASE_COLUMNS), 'left', 'left']),
  ];
}

function planSection(report: CapacityReport): string[] {
  const { forecast, plan } = report;
  if (forecast === null && plan === null) return [];
  const lines = ['### Demand and plan', ''];
  if (forecast !== null) lines.push(...factList(demandFacts(forecast)));
  if (plan !== null) {
    const rows = plan.endpoints.map((e) => [escapeMarkdown(e.name), ...cells(PLAN_COLUMNS, e)]);
    lines.push(
      ...factList(planFacts(plan, forecast)),
      '',
      ...markdownTable(['endpoint', ...headings(PLAN_COLUMNS)], rows, rightAfter(1, PLAN_COLUMNS)),
    );
  }
  return lines;
}

function scalingSection(report: CapacityReport): string[] {
  if (report.scaling.length === 0) return [];
  const rows = report.scaling.map((point) => cells(SCALING_COLUMNS, point));
  return [
    '### Scaling across target workers',
    '',
    ...markdownTable(headings(SCALING_COLUMNS), rows, rightAfter(0, SCALING_COLUMNS)),
    '',
    ...factList(scalingFacts(report)),
  ];
}

function overloadSection(report: CapacityReport): string[] {
  if (report.overload.length === 0) return [];
  const rows = report.overload.map((o) => cells(OVERLOAD_COLUMNS, o));
  return [
    '### Overload',
    '',
    'Offered a multiple of the maximum sustainable rate; capacity kept is goodput against the ' +
      'goodput at the maximum sustainable rate.',
    '',
    ...markdownTable(headings(OVERLOAD_COLUMNS), rows, rightAfter(0, OVERLOAD_COLUMNS)),
  ];
}

function stepsSection(report: CapacityReport): string[] {
  const rows = report.steps.map((step) => [
    ...cells(STEP_COLUMNS, step),
    escapeMarkdown(sustainableText(step)),
  ]);
  return [
    '### Steps',
    '',
    'Each load level over its steady part; latency from the planned send time, concurrency by ' +
      "Little's law, CPU and event-loop utilisation (ELU) of the target from its /metrics.",
    '',
    ...markdownTable([...headings(STEP_COLUMNS), 'sustainable'], rows, [
      ...rightAfter(0, STEP_COLUMNS),
      'left',
    ]),
  ];
}

function listSection(title: string, items: readonly string[]): string[] {
  if (items.length === 0) return [];
  return [`### ${title}`, '', ...items.map((item) => `- ${escapeMarkdown(item)}`)];
}

function factList(facts: readonly Fact[]): string[] {
  return facts.map((fact) => `- **${fact.label}:** ${escapeMarkdown(fact.text)}`);
}

function headings<Row>(columns: readonly CapacityColumn<Row>[]): string[] {
  return columns.map((column) => column.heading);
}

function cells<Row>(columns: readonly CapacityColumn<Row>[], row: Row): string[] {
  return columns.map((column) => cellText(column, row));
}

/** `left` for the first `names` columns, then `right` for every numeric column. */
function rightAfter<Row>(names: number, columns: readonly CapacityColumn<Row>[]) {
  return [...Array(names).fill('left'), ...columns.map(() => 'right')] as ('left' | 'right')[];
}
