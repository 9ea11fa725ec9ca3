/**
 * compare.html: a comparison as one self-contained page, built from the run report's HTML
 * pieces (escaping template, styles, chart sections, Content-Security-Policy, uPlot).
 */

import type { CompareReport } from '../../compare/types.js';
import { renderChartSections } from '../html/chart-section.js';
import { html } from '../html/html-template.js';
import { renderPage } from '../html/page.js';
import { REPORT_CSS } from '../html/styles.js';
import type { ReportAssets } from '../html/types.js';
import { buildCompareCharts } from './chart-data.js';
import { compareClientSource } from './compare-client.js';
import {
  renderCompareHeader,
  renderComparisonTable,
  renderMethodSection,
} from './html-sections.js';
import { COMPARE_CSS } from './styles.js';
import type { CompareData } from './types.js';

/** How to read the charts, in words: the sides differ by line style as well as by colour. */
const CHART_KEY = html`<p class="muted" id="chart-key">In every chart the baseline is drawn in solid blue lines and the candidate in dashed orange lines; each legend names the side and the run. The percentile plots put each nine at the same width: 0, 90, 99, 99.9, 99.99.</p>`;

/**
 * compare.html for `report`, for a reviewer opened from disk: the verdict banner with every
 * regression, both sides, the table of compared metrics with coloured verdicts (each also a
 * symbol and a word), the charts (per request name, both sides' latency distributions on an
 * HDR percentile plot; p99 and requests per second of every run of both sides: the baseline in
 * solid blues, the candidate in dashed oranges), and the method with its settings. uPlot (from
 * `assets`, as `loadReportAssets` reads it), the styles and the compare client script are
 * inlined and the chart data embedded as JSON; the same Content-Security-Policy as report.html
 * keeps it from loading anything. Light and dark, print-friendly. Every string from the report
 * is escaped. Pure and deterministic; `writeCompareFiles` writes it as compare.html.
 */
export function renderCompareHtml(
  report: CompareReport,
  assets: Pick<ReportAssets, 'uplotScript' | 'uplotCss'>,
): string {
  const groups = buildCompareCharts(report);
  const data: CompareData = { charts: groups.flatMap((group) => group.charts) };
  return renderPage({
    title: `${report.candidate.scenario} · ${report.verdict} · launchday compare`,
    styles: [assets.uplotCss, REPORT_CSS, COMPARE_CSS],
    scripts: [assets.uplotScript, compareClientSource()],
    body: html`${renderCompareHeader(report)}
<main>
${renderComparisonTable(report)}
${data.charts.length === 0 ? '' : CHART_KEY}
${renderChartSections(groups)}
${renderMethodSection(report)}
</main>
<footer>launchday compare · compare schema v${report.schemaVersion} · ${report.baseline.runIds.length}+${report.candidate.runIds.length} runs</footer>`,
    data,
    dataId: 'compare-data',
  });
}
