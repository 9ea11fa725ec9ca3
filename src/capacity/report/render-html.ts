/**
 * capacity.html: the capacity report as one self-contained page, built from the run report's
 * HTML pieces (escaping template, styles, chart sections, Content-Security-Policy, uPlot).
 */
import { renderChartSections } from '../../report/html/chart-section.js';
import { html } from '../../report/html/html-template.js';
import { renderPage } from '../../report/html/page.js';
import { REPORT_CSS } from '../../report/html/styles.js';
import type { ReportAssets } from '../../report/html/types.js';
import type { CapacityReport } from '../types.js';
import { capacityClientSource } from './capacity-client.js';
import { buildCapacityCharts } from './chart-data.js';
import {
  renderAssumptionsSection,
  renderCapacityHeader,
  renderMeasuredSection,
  renderOverloadSection,
  renderPhasesSection,
  renderPlanSection,
  renderScalingSection,
  renderStepsSection,
} from './html-sections.js';
import { CAPACITY_CSS } from './styles.js';
import type { CapacityData } from './types.js';

/**
 * capacity.html for `report`, for a launch review opened from disk: the verdict, demand and
 * plan, measured capacity, charts (throughput and p99 against offered load with the knee and
 * the maximum sustainable rate marked; throughput against concurrency with the USL curve and
 * its peak), overload, the phases of the search, assumptions and steps; a search that did not
 * finish cleanly says so in a notice under the verdict. uPlot (from `assets`, as `loadReportAssets`
 * reads it), the styles and the capacity client script are inlined and the chart data embedded
 * as JSON; the same Content-Security-Policy as report.html keeps it from loading anything. Light
 * and dark, print-friendly. Every string from the report is escaped. Pure and deterministic.
 */
export function renderCapacityHtml(
  report: CapacityReport,
  assets: Pick<ReportAssets, 'uplotScript' | 'uplotCss'>,
): string {
  const groups = buildCapacityCharts(report);
  const data: CapacityData = { charts: groups.flatMap((group) => group.charts) };
  return renderPage({
    title: `${report.scenario.name} · capacity · launchday`,
    styles: [assets.uplotCss, REPORT_CSS, CAPACITY_CSS],
    scripts: [assets.uplotScript, capacityClientSource()],
    body: html`${renderCapacityHeader(report)}
<main>
${renderPlanSection(report)}
${renderMeasuredSection(report)}
${renderChartSections(groups)}
${renderScalingSection(report)}
${renderOverloadSection(report)}
${renderPhasesSection(report)}
${renderAssumptionsSection(report)}
${renderStepsSection(report)}
</main>
<footer>launchday capacity report · capacity schema v${report.schemaVersion} · run ${report.runId}</footer>`,
    data,
    dataId: 'capacity-data',
  });
}
