import type { RequestSummary, RunResult } from '../../core/result.js';
import { formatErrorClasses, formatMs, formatPercent, formatRate } from '../format.js';
import { displayName } from './chart-data.js';
import { html, type SafeHtml } from './html-template.js';

/** A numeric column of the request table: its heading, `data-stat`, value and formatting. */
interface Column {
  readonly heading: string;
  readonly stat: string;
  readonly value: (row: RequestSummary) => number;
  readonly format: (value: number) => string;
}

const latency = (stat: 'p50' | 'p90' | 'p95' | 'p99' | 'p99.9' | 'max'): Column => ({
  heading: stat,
  stat,
  value: (row) => row[stat],
  format: formatMs,
});

const COLUMNS: readonly Column[] = [
  { heading: 'count', stat: 'count', value: (row) => row.count, format: String },
  { heading: 'rate/s', stat: 'rate', value: (row) => row.rate, format: formatRate },
  latency('p50'),
  latency('p90'),
  latency('p95'),
  latency('p99'),
  latency('p99.9'),
  latency('max'),
  { heading: 'failed', stat: 'failed', value: (row) => row.failed, format: String },
  {
    heading: 'error %',
    stat: 'errorRate',
    value: (row) => (row.count > 0 ? row.failed / row.count : 0),
    format: formatPercent,
  },
];

/**
 * The per-request-name table: count, rate, latency percentiles (ms), failures and error
 * classes. Every number cell carries `data-name` (the request name), `data-stat` (the
 * RequestSummary field, or `errorRate` = failed / count) and `data-value` (the raw number, as
 * `String(n)`), so a test can compare it with result.json exactly; its text is formatted.
 */
export function renderRequestSection(result: RunResult): SafeHtml {
  const rows = result.summary.requests;
  const body =
    rows.length === 0
      ? html`<p class="muted">The run made no request.</p>`
      : html`<div class="table-wrap"><table id="requests">
<thead><tr><th>name</th>${COLUMNS.map((c) => html`<th class="num">${c.heading}</th>`)}<th>error classes</th></tr></thead>
<tbody>
${rows.map(renderRow)}</tbody>
</table></div>`;
  return html`<section id="requests-section"><h2>Requests <span class="muted">(latency in ms from the planned send time)</span></h2>
${body}
</section>`;
}

function renderRow(row: RequestSummary): SafeHtml {
  const cells = COLUMNS.map((column) => {
    const value = column.value(row);
    const text = Number.isFinite(value) ? column.format(value) : '–';
    const tone = column.stat === 'errorRate' && row.failed > 0 ? ' fail-text' : '';
    return html`<td class="num${tone}" data-name="${row.name}" data-stat="${column.stat}" data-value="${String(value)}">${text}</td>`;
  });
  return html`<tr><td class="name">${displayName(row.name)}</td>${cells}<td>${formatErrorClasses(row.errors)}</td></tr>
`;
}
