export {
  type Ansi,
  createAnsi,
  type Style,
  shouldColor,
  stripAnsi,
  truncateVisible,
  visibleWidth,
} from './ansi.js';
export { renderCompareTerminal } from './compare/terminal.js';
export {
  countGap,
  formatIdList,
  formatMissing,
  formatStored,
  lostWrites,
} from './consistency.js';
export {
  formatBytes,
  formatErrorClasses,
  formatLiveRate,
  formatMs,
  formatPercent,
  formatRate,
  formatTime,
} from './format.js';
export {
  type ChartGroup,
  type ChartSeries,
  type ChartSpec,
  loadReportAssets,
  type ReportAssets,
  type ReportData,
  renderHtmlReport,
} from './html/index.js';
export { renderJUnitReport } from './junit-report.js';
export { escapeMarkdown, markdownTable } from './markdown.js';
export { renderMarkdownReport } from './markdown-report.js';
export { baseMetric, orderMetricKeys, renderMetricList, trendStat, unitOf } from './metric-list.js';
export { renderPlan } from './plan-text.js';
export { toK6SummaryExport } from './summary-export.js';
export { renderRequestTable, renderWorkloadTable } from './summary-tables.js';
export { type Align, alignColumns, pad } from './table.js';
export { renderTerminalSummary } from './terminal-summary.js';
export type {
  K6ExportCheck,
  K6ExportGroup,
  K6ExportMetric,
  K6SummaryExport,
  TerminalSummaryOptions,
} from './types.js';
export {
  aggregationOf,
  formatObserved,
  renderChecks,
  renderConsistency,
  renderThresholds,
  STATUS_LABELS,
} from './verdicts.js';
