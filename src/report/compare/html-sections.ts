/**
 * The sections of compare.html around its charts: the header with the verdict banner and both
 * sides, the table of compared metrics, and the method with its settings. Every string from
 * the report goes through the `html` tag, so it can only become text.
 */
import type { CompareReport, MetricComparison, Verdict } from '../../compare/types.js';
import { utc } from '../html/header-section.js';
import { html, type SafeHtml } from '../html/html-template.js';
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

/** A verdict in the table: its class (colour) and its symbol and word (meaning without colour). */
const VERDICT_TEXT: Readonly<Record<Verdict, readonly [string, string]>> = {
  regressed: ['fail-text', '✗ regressed'],
  improved: ['pass-text', '✓ improved'],
  unchanged: ['muted', '= unchanged'],
  inconclusive: ['warn-text', '? inconclusive'],
};

/**
 * The page header: the scenario, the verdict banner (`#verdict`, `data-verdict`: a badge, the
 * headline, the counts of each verdict and every regression with its figures, budget and
 * reason), both sides and when they were compared, then the differences the user allowed.
 */
export function renderCompareHeader(report: CompareReport): SafeHtml {
  const regressed = report.verdict === 'regressed';
  const regressions = report.comparisons.filter((c) => c.verdict === 'regressed');
  return html`<header>
<h1>Compare: ${report.candidate.scenario}</h1>
<div class="verdict-banner${regressed ? ' fail' : ''}" id="verdict" role="status" data-verdict="${report.verdict}">
<p class="headline"><span class="badge ${regressed ? 'fail' : 'pass'}">${regressed ? '✗ REGRESSED' : '✓ NO REGRESSION'}</span> <strong id="headline">${report.headline}</strong></p>
<p class="muted">${formatVerdictCounts(report)}.</p>
${regressions.length === 0 ? '' : html`<ul id="regressions">${regressions.map(renderRegression)}</ul>`}
</div>
<dl class="facts">
<dt>${sideLabel('baseline', report.baseline)}</dt><dd data-side="baseline">${formatSide(report.baseline)}</dd>
<dt>${sideLabel('candidate', report.candidate)}</dt><dd data-side="candidate">${formatSide(report.candidate)}</dd>
<dt>compared</dt><dd>${utc(report.createdAt)}</dd>
</dl>
${renderAllowed(report)}
</header>`;
}

function renderRegression(c: MetricComparison): SafeHtml {
  const budget = formatBudget(c.budget, c.unit, c.direction);
  return html`<li data-key="${c.key}"><strong><code>${breakable(c.key)}</code></strong>: ${formatFigures(c)}; budget ${budget}. ${c.reason}</li>`;
}

function renderAllowed(report: CompareReport): SafeHtml | '' {
  if (report.allowedDifferences.length === 0) return '';
  return html`<div class="notice" role="note" id="allowed"><strong>Compared despite these differences (<code>--allow</code>):</strong>
<ul>${report.allowedDifferences.map((d) => html`<li data-kind="${d.kind}"><strong>${d.kind}</strong>: ${d.message}</li>`)}</ul></div>`;
}

/**
 * The table of every compared metric, in the report's order: `<tr data-key data-verdict>` with
 * the key, both sides' values (`data-stat` `baseline`/`candidate`, raw `data-value`, empty when
 * none), delta with its interval, p-value, runs and samples, budget, and the verdict (in
 * `td.verdict`: a coloured span with its symbol and word, then the reason).
 */
export function renderComparisonTable(report: CompareReport): SafeHtml {
  const level = Math.round(report.settings.confidence * 100);
  const body =
    report.comparisons.length === 0
      ? html`<p class="muted">No metric was compared.</p>`
      : html`<div class="table-wrap"><table id="comparisons">
<thead><tr><th>metric</th><th class="num">baseline</th><th class="num">candidate</th><th class="num">delta [${level}% CI]</th><th class="num">p</th><th class="num">n</th><th>budget</th><th>verdict and why</th></tr></thead>
<tbody>
${report.comparisons.map(renderRow)}</tbody>
</table></div>`;
  return html`<section id="comparisons-section"><h2>Compared metrics</h2>
${body}
</section>`;
}

function renderRow(c: MetricComparison): SafeHtml {
  const [tone, text] = VERDICT_TEXT[c.verdict];
  const value = (stat: 'baseline' | 'candidate') => {
    const figure = c[stat].value;
    return html`<td class="num" data-stat="${stat}" data-value="${figure === null ? '' : String(figure)}">${formatValue(figure, c.unit)}</td>`;
  };
  return html`<tr data-key="${c.key}" data-verdict="${c.verdict}"><td class="metric"><code>${breakable(c.key)}</code></td>${value('baseline')}${value('candidate')}<td class="num wrap">${formatDelta(c)}</td><td class="num">${formatPValue(c.pValue)}</td><td class="num wrap">${formatN(c)}</td><td>${formatBudget(c.budget, c.unit, c.direction)}</td><td class="verdict"><span class="${tone}">${text}</span><div class="reason">${c.reason}</div></td></tr>
`;
}

/** A metric key that may wrap after `{`, `,`, `:` and `}` (a `<wbr>` each; its text is the key). */
function breakable(key: string): SafeHtml[] {
  return key.split(/(?<=[{},:])/).map((part) => html`${part}<wbr>`);
}

/** How the comparison was computed: the method as a sentence, then every setting. */
export function renderMethodSection(report: CompareReport): SafeHtml {
  const { settings: s } = report;
  return html`<section id="method-section"><h2>Method and settings</h2>
<p>${formatMethod(report)}</p>
<dl class="facts">
<dt>method</dt><dd data-setting="method">${report.method}</dd>
<dt>significance level α</dt><dd data-setting="alpha">${s.alpha}</dd>
<dt>confidence of intervals</dt><dd data-setting="confidence">${s.confidence}</dd>
<dt>bootstrap resamples</dt><dd data-setting="resamples">${s.resamples}</dd>
<dt>bootstrap seed</dt><dd data-setting="seed">${s.seed}</dd>
<dt>block length</dt><dd data-setting="blockSeconds">${s.blockSeconds} s</dd>
<dt>allowed differences</dt><dd data-setting="allowed">${s.allowed.length === 0 ? 'none' : s.allowed.join(', ')}</dd>
</dl>
</section>`;
}
