/**
 * history.html: a history as one self-contained page, built from the run report's HTML pieces
 * (escaping template, styles, chart sections, Content-Security-Policy, uPlot) and compare.html's
 * styles.
 */
import type { HistoryReport } from '../../compare/history-types.js';
import { COMPARE_CSS } from '../compare/styles.js';
import { renderChartSections } from '../html/chart-section.js';
import { html } from '../html/html-template.js';
import { renderPage } from '../html/page.js';
import { REPORT_CSS } from '../html/styles.js';
import type { ReportAssets } from '../html/types.js';
import { buildHistoryCharts } from './chart-data.js';
import { historyClientSource } from './history-client.js';
import { renderHistoryHeader, renderHistoryMethod, renderRunsTable } from './html-sections.js';

/** How to read the charts, in words: the marks differ by line style and colour. */
const CHART_KEY = html`<p class="muted" id="chart-key">Each chart shows one metric per run (solid, with a point per run) and the mean of each stretch of runs between change points (dashed). A vertical line marks each change point, just before the first run after it: red when the change is for the worse, green when for the better.</p>`;

/** What history.html adds to the stylesheets: the change cells of the runs table stand out. */
const HISTORY_CSS = `
td.change { font-weight: 600; }
`;

/**
 * history.html for `launchday history`, for a reviewer opened from disk: the runs and the
 * change points as sentences, a chart per metric with its values per run, its segment means
 * and its change points marked, the table of runs, and the method with its settings. uPlot
 * (from `assets`, as `loadReportAssets` reads it), the styles and the history client script are
 * inlined and the chart data embedded as JSON; the same Content-Security-Policy as report.html
 * keeps it from loading anything. Light and dark, print-friendly. Every string from the report
 * is escaped. Pure and deterministic.
 */
export function renderHistoryHtml(
  report: HistoryReport,
  assets: Pick<ReportAssets, 'uplotScript' | 'uplotCss'>,
): string {
  const groups = buildHistoryCharts(report);
  const charts = groups.flatMap((group) => group.charts);
  return renderPage({
    title: `${report.source} · history · launchday`,
    styles: [assets.uplotCss, REPORT_CSS, COMPARE_CSS, HISTORY_CSS],
    scripts: [assets.uplotScript, historyClientSource()],
    body: html`${renderHistoryHeader(report)}
<main>
${charts.length === 0 ? '' : CHART_KEY}
${renderChartSections(groups)}
${renderRunsTable(report)}
${renderHistoryMethod(report)}
</main>
<footer>launchday history · history schema v${report.schemaVersion} · ${report.runs.length} runs</footer>`,
    data: { charts },
    dataId: 'history-data',
  });
}
