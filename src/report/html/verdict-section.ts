import type { CheckOutcome, RunResult, ThresholdOutcome } from '../../core/result.js';
import { formatPercent } from '../format.js';
import { formatObserved } from '../verdicts.js';
import { html, type SafeHtml } from './html-template.js';

/**
 * Every threshold with pass or fail, its metric, expression and observed value, then every
 * check with pass (never failed) or fail and how often it passed. Rows carry `data-ok` and the
 * raw figures (`data-observed`, `data-passes`, `data-fails`) for tests and scripts.
 */
export function renderVerdictSections(result: RunResult): SafeHtml {
  return html`<section id="thresholds-section"><h2>Thresholds</h2>
${
  result.thresholds.length === 0
    ? html`<p class="muted">The scenario set no thresholds.</p>`
    : html`<div class="table-wrap"><table id="thresholds">
<thead><tr><th>result</th><th>metric</th><th>threshold</th><th>observed</th><th></th></tr></thead>
<tbody>
${result.thresholds.map(renderThreshold)}</tbody>
</table></div>`
}
</section>
<section id="checks-section"><h2>Checks</h2>
${
  result.checks.length === 0
    ? html`<p class="muted">The scenario made no checks.</p>`
    : html`<div class="table-wrap"><table id="checks">
<thead><tr><th>result</th><th>check</th><th>workload</th><th class="num">passed</th><th class="num">passes / total</th></tr></thead>
<tbody>
${result.checks.map(renderCheck)}</tbody>
</table></div>`
}
</section>`;
}

function renderThreshold(outcome: ThresholdOutcome): SafeHtml {
  const observed = outcome.observed === null ? '' : String(outcome.observed);
  return html`<tr data-metric="${outcome.metric}" data-expression="${outcome.expression}" data-ok="${String(outcome.ok)}" data-observed="${observed}">
<td>${passFail(outcome.ok)}</td><td><code>${outcome.metric}</code></td><td><code>${outcome.expression}</code></td><td>${formatObserved(outcome)}</td><td class="muted">${outcome.abortOnFail ? 'abortOnFail' : ''}</td></tr>
`;
}

function renderCheck(check: CheckOutcome): SafeHtml {
  const total = check.passes + check.fails;
  const ok = check.fails === 0;
  return html`<tr data-workload="${check.workload}" data-name="${check.name}" data-ok="${String(ok)}" data-passes="${String(check.passes)}" data-fails="${String(check.fails)}">
<td>${passFail(ok)}</td><td class="name">${check.name}</td><td>${check.workload}</td><td class="num">${formatPercent(total > 0 ? check.passes / total : 0)}</td><td class="num">${check.passes} / ${total}</td></tr>
`;
}

function passFail(ok: boolean): SafeHtml {
  return ok
    ? html`<span class="pass-text">✓ pass</span>`
    : html`<span class="fail-text">✗ fail</span>`;
}
