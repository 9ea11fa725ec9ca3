import type { RunResult } from '../../core/result.js';
import { buildChartGroups } from './chart-data.js';
import { renderChartSections } from './chart-section.js';
import { renderConsistencySection } from './consistency-section.js';
import { renderHeader } from './header-section.js';
import { renderHealthSections } from './health-section.js';
import { html } from './html-template.js';
import { renderPage } from './page.js';
import { renderRequestSection } from './request-section.js';
import { REPORT_CSS } from './styles.js';
import type { ReportAssets, ReportData } from './types.js';
import { renderVerdictSections } from './verdict-section.js';

/**
 * report.html for `result`: one self-contained page that a reviewer opens from disk. uPlot, the
 * styles and the client script are inlined; the chart data is embedded as JSON. Its
 * Content-Security-Policy (`default-src 'none'`, scripts and styles allowed only by the SHA-256
 * of the page's own inline elements, images only from `data:`) makes the page unable to load
 * anything from the network or to run any script but its own. Every string from the result is
 * escaped. Pure and deterministic: the same result and assets give the same bytes.
 */
export function renderHtmlReport(result: RunResult, assets: ReportAssets): string {
  const groups = buildChartGroups(result);
  const data: ReportData = { charts: groups.flatMap((group) => group.charts) };
  return renderPage({
    title: `${result.scenario.name} · ${result.status} · launchday report`,
    styles: [assets.uplotCss, REPORT_CSS],
    scripts: [assets.uplotScript, assets.clientScript],
    body: html`${renderHeader(result)}
<main>
${renderRequestSection(result)}
${renderVerdictSections(result)}
${renderConsistencySection(result)}
${renderChartSections(groups)}
${renderHealthSections(result)}
</main>
<footer>launchday ${result.environment.launchdayVersion} · result schema v${result.schemaVersion} · run ${result.runId}</footer>`,
    data,
    dataId: 'report-data',
  });
}
