/**
 * The sections of history.html around its charts: the header, the change points, the table
 * of runs, and the method. Every string from the report goes through the `html` tag, so it can
 * only become text.
 */
import type { HistoryReport, MetricHistory } from '../../compare/history-types.js';
import { formatValue } from '../compare/format.js';
import { utc } from '../html/header-section.js';
import { html, type SafeHtml } from '../html/html-template.js';
import {
  changeAt,
  formatChangeCount,
  formatChangeFigures,
  formatHistoryMethod,
  formatRuns,
  steadyMetrics,
} from './format.js';

/**
 * The header: the folder, the runs and when they ran, and the change points (`#changes`, one
 * `<li data-key data-position data-direction data-worse>` each, ✗ for the worse, ✓ for the
 * better, with its sentence and figures), then the metrics without one.
 */
export function renderHistoryHeader(report: HistoryReport): SafeHtml {
  const changes = report.metrics.flatMap((metric) =>
    metric.changes.map(
      (c) =>
        html`<li data-key="${metric.key}" data-position="${c.position}" data-direction="${c.direction}" data-worse="${String(c.worse)}"><span class="${c.worse ? 'fail-text' : 'pass-text'}">${c.worse ? '✗' : '✓'}</span> <strong class="sentence">${c.sentence}</strong>: ${formatChangeFigures(c, metric)}</li>`,
    ),
  );
  const steady = steadyMetrics(report);
  const first = report.runs[0];
  const last = report.runs.at(-1);
  return html`<header>
<h1>History: ${report.source}</h1>
<div class="verdict-banner${report.metrics.some((m) => m.changes.some((c) => c.worse)) ? ' fail' : ''}" id="summary" role="status">
<p class="headline"><strong id="headline">${formatRuns(report)}; ${formatChangeCount(report)}.</strong></p>
${changes.length === 0 ? '' : html`<ul id="changes">${changes}</ul>`}
${steady.length === 0 ? '' : html`<p class="muted" id="steady">No change point: ${steady.join(', ')}.</p>`}
</div>
<dl class="facts">
<dt>first run</dt><dd>${first === undefined ? '–' : `${first.runId}, ${utc(first.startedAt)}`}</dd>
<dt>last run</dt><dd>${last === undefined ? '–' : `${last.runId}, ${utc(last.startedAt)}`}</dd>
</dl>
</header>`;
}

/**
 * The table of runs (`#runs`): position, run id, start, the tag's value, and each metric's
 * value (`data-key`, raw `data-value`, `class="change"` with ▲/▼ where a change point starts).
 */
export function renderRunsTable(report: HistoryReport): SafeHtml {
  const tagged = report.tag !== null;
  return html`<section id="runs-section"><h2>Runs</h2>
<div class="table-wrap"><table id="runs">
<thead><tr><th class="num">#</th><th>run</th><th>started</th>${tagged ? html`<th>${report.tag}</th>` : ''}${report.metrics.map((m) => html`<th class="num">${m.label}</th>`)}</tr></thead>
<tbody>
${report.runs.map(
  (run) =>
    html`<tr data-position="${run.position}"><td class="num">${run.position}</td><td><code>${run.runId}</code></td><td>${utc(run.startedAt)}</td>${tagged ? html`<td><code>${run.tag ?? ''}</code></td>` : ''}${report.metrics.map((m) => valueCell(m, run.position))}</tr>
`,
)}</tbody>
</table></div>
</section>`;
}

function valueCell(metric: MetricHistory, position: number): SafeHtml {
  const value = metric.values[position - 1] ?? null;
  const change = changeAt(metric, position);
  const text = formatValue(value, metric.unit);
  const raw = value === null ? '' : String(value);
  if (change === undefined)
    return html`<td class="num" data-key="${metric.key}" data-value="${raw}">${text}</td>`;
  const tone = change.worse ? 'fail-text' : 'pass-text';
  return html`<td class="num change ${tone}" data-key="${metric.key}" data-value="${raw}">${change.direction === 'rose' ? '▲' : '▼'} ${text}</td>`;
}

/** How the change points were found: the method as a sentence, then every setting. */
export function renderHistoryMethod(report: HistoryReport): SafeHtml {
  const m = report.method;
  return html`<section id="method-section"><h2>Method and settings</h2>
<p>${formatHistoryMethod(report)}</p>
<dl class="facts">
<dt>method</dt><dd data-setting="method">${m.name}</dd>
<dt>significance</dt><dd data-setting="significance">${m.significance}</dd>
<dt>permutations</dt><dd data-setting="permutations">${m.permutations}</dd>
<dt>minimum segment</dt><dd data-setting="minSegment">${m.minSegment} runs</dd>
<dt>seed</dt><dd data-setting="seed">${m.seed}</dd>
<dt>ordered by</dt><dd data-setting="orderedBy">${report.tag ?? 'start time'}</dd>
</dl>
</section>`;
}
