import type { RunResult } from '../../core/result.js';
import { formatBytes, formatPercent } from '../format.js';
import { html, type SafeHtml } from './html-template.js';

/** How many of the run's first journey errors the page repeats. */
const JOURNEY_ERRORS_SHOWN = 5;

/**
 * The generator's health (valid or not and why, scheduler lag p99, busiest event loop, worker
 * threads), the run's first journey errors, and the environment that ran the generator.
 */
export function renderHealthSections(result: RunResult): SafeHtml {
  const { generator: g, environment: env } = result;
  return html`<section id="generator-section"><h2>Generator health</h2>
<dl class="facts">
<dt>figures</dt><dd data-valid="${String(g.valid)}">${
    g.valid
      ? html`<span class="pass-text">valid</span>: the generator kept its schedule`
      : html`<span class="fail-text">not valid</span>: the generator could not keep its schedule`
  }</dd>
${g.reasons.length === 0 ? '' : html`<dt>why</dt><dd><ul>${g.reasons.map((r) => html`<li>${r}</li>`)}</ul></dd>`}
<dt>scheduler lag p99</dt><dd>${g.schedulerLagP99Ms.toFixed(1)} ms</dd>
<dt>busiest event loop</dt><dd>${formatPercent(g.maxEventLoopUtilization)} utilisation</dd>
<dt>worker threads</dt><dd>${g.workers}</dd>
</dl>
</section>
${renderJourneyErrors(result.journeyErrors)}
<section id="environment-section"><h2>Environment</h2>
<dl class="facts">
<dt>launchday</dt><dd>${env.launchdayVersion}</dd>
<dt>Node.js</dt><dd>${env.node}</dd>
<dt>platform</dt><dd>${env.platform} ${env.arch}</dd>
<dt>CPU</dt><dd>${env.cpus} × ${env.cpuModel}</dd>
<dt>memory</dt><dd>${formatBytes(env.totalMemoryBytes)}</dd>
<dt>host</dt><dd>${env.hostname}</dd>
</dl>
</section>`;
}

function renderJourneyErrors(errors: readonly string[]): SafeHtml | '' {
  if (errors.length === 0) return '';
  const shown = errors.slice(0, JOURNEY_ERRORS_SHOWN).map((error) => error.split('\n')[0]);
  return html`<section id="journey-errors-section"><h2>First journey errors</h2>
<pre class="errors">${shown.join('\n')}</pre>
</section>`;
}
