import { html, type SafeHtml } from './html-template.js';
import type { ChartGroup } from './types.js';

/**
 * One `<section>` per chart group: a captioned, empty `<div class="chart" id="chart-n">` per
 * chart, which the client script fills with uPlot; the group's note when it has no chart.
 */
export function renderChartSections(groups: readonly ChartGroup[]): SafeHtml {
  return html`${groups.map(
    (group) => html`<section class="chart-group"><h2>${group.title}</h2>
${
  group.charts.length === 0
    ? html`<p class="muted">${group.emptyNote}</p>`
    : html`<div class="charts">
${group.charts.map(
  (chart) =>
    html`<figure class="chart-box"><figcaption>${chart.title}</figcaption><div class="chart" id="${chart.id}"></div></figure>
`,
)}</div>`
}
</section>
`,
  )}<noscript><p class="muted">The charts are drawn by the page's inline script: allow JavaScript to see them.</p></noscript>`;
}
