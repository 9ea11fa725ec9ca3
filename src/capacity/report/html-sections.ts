/**
 * The sections of capacity.html around its charts: the header with the verdict, the demand and
 * plan, the measured capacity, the overload runs, the assumptions and the steps. Every string
 * from the report goes through the `html` tag, so it can only become text.
 */
import { utc } from '../../report/html/header-section.js';
import { html, type SafeHtml } from '../../report/html/html-template.js';
import type { CapacityPhase, CapacityReport } from '../types.js';
import { capacityFacts, demandFacts, planFacts, scalingFacts, statusNotice } from './facts.js';
import { renderFacts, renderTable } from './html-tables.js';
import {
  OVERLOAD_COLUMNS,
  PHASE_COLUMNS,
  PLAN_COLUMNS,
  phaseEndText,
  phaseText,
  SCALING_COLUMNS,
  STEP_COLUMNS,
  sustainableText,
} from './tables.js';

/** The badge colour of each status (`.badge.pass`, `.warn`, `.fail`). */
const STATUS_TONE: Readonly<Record<CapacityReport['status'], string>> = {
  complete: 'pass',
  incomplete: 'fail',
  interrupted: 'warn',
};

/**
 * The page header: scenario, the verdict, the notice of a search that did not finish cleanly,
 * then the status, SLOs, workload, file, run id and date.
 */
export function renderCapacityHeader(report: CapacityReport): SafeHtml {
  const { scenario } = report;
  return html`<header>
<h1>Capacity: ${scenario.name}</h1>
<p class="notice" id="verdict"><strong>Verdict:</strong> ${report.verdict}</p>
${renderStatusNotice(report)}
<dl class="facts">
<dt>status</dt><dd><span class="badge ${STATUS_TONE[report.status]}" data-status="${report.status}">${report.status}</span></dd>
<dt>SLOs</dt><dd>${report.slos.length === 0 ? 'none' : report.slos.map((slo, i) => html`${i > 0 ? ', ' : ''}<code>${slo.text}</code>`)}</dd>
<dt>workload</dt><dd><code>${scenario.workload}</code></dd>
<dt>scenario file</dt><dd><code>${scenario.file}</code></dd>
<dt>run id</dt><dd><code>${report.runId}</code></dd>
<dt>created</dt><dd>${utc(report.createdAt)}</dd>
</dl>
</header>`;
}

function renderStatusNotice(report: CapacityReport): SafeHtml | '' {
  const notice = statusNotice(report);
  if (notice === null) return '';
  return html`<div class="notice fail" role="alert" id="status-notice"><strong>${notice.title}</strong><ul>${notice.notes.map((note) => html`<li>${note}</li>`)}</ul></div>`;
}

/** The demand model and the plan (instances per endpoint, totals), when a forecast was given. */
export function renderPlanSection(report: CapacityReport): SafeHtml | '' {
  const { forecast, plan } = report;
  if (forecast === null && plan === null) return '';
  const layout = {
    id: 'plan',
    lead: [{ heading: 'endpoint', text: (e: { name: string }) => e.name }],
    columns: PLAN_COLUMNS,
    trail: [],
  };
  return html`<section id="plan-section"><h2>Demand and plan</h2>
${forecast === null ? '' : renderFacts(demandFacts(forecast))}
${plan === null ? '' : html`${renderFacts(planFacts(plan, forecast))}\n${renderTable(layout, plan.endpoints)}`}
</section>`;
}

/** The maximum sustainable rate, the knee and the USL fit, and why the fit is weak if it is. */
export function renderMeasuredSection(report: CapacityReport): SafeHtml {
  const warnings = report.usl?.warnings ?? [];
  return html`<section id="capacity-section"><h2>Measured capacity</h2>
${renderFacts(capacityFacts(report))}
${warnings.length === 0 ? '' : html`<div class="notice" role="status"><strong>Why the USL fit is weak:</strong><ul>${warnings.map((w) => html`<li>${w}</li>`)}</ul></div>`}
</section>`;
}

/** The answer at each target worker count and the USL fit across them, when there are several. */
export function renderScalingSection(report: CapacityReport): SafeHtml | '' {
  if (report.scaling.length === 0) return '';
  const layout = { id: 'scaling', lead: [], columns: SCALING_COLUMNS, trail: [] };
  return html`<section id="scaling-section"><h2>Scaling across target workers</h2>
${renderTable(layout, report.scaling)}
${renderFacts(scalingFacts(report))}
</section>`;
}

/** The overload runs: offered a multiple of the maximum sustainable rate, and what was kept. */
export function renderOverloadSection(report: CapacityReport): SafeHtml {
  const layout = { id: 'overload', lead: [], columns: OVERLOAD_COLUMNS, trail: [] };
  return html`<section id="overload-section"><h2>Overload</h2>
<p class="muted">Offered a multiple of the maximum sustainable rate; capacity kept is goodput against the goodput at the maximum sustainable rate.</p>
${report.overload.length === 0 ? html`<p class="muted">No overload run was made.</p>` : renderTable(layout, report.overload)}
</section>`;
}

/** Every phase of the search: its levels planned and measured, how it ended and why. */
export function renderPhasesSection(report: CapacityReport): SafeHtml | '' {
  if (report.phases.length === 0) return '';
  const layout = {
    id: 'phases',
    lead: [{ heading: 'phase', text: phaseText }],
    columns: PHASE_COLUMNS,
    trail: [
      { heading: 'ended', text: phaseEndText },
      { heading: 'note', text: (phase: CapacityPhase) => phase.note },
    ],
  };
  return html`<section id="phases-section"><h2>Phases of the search</h2>
${renderTable(layout, report.phases)}
</section>`;
}

/** What the answers assume, a sentence each. */
export function renderAssumptionsSection(report: CapacityReport): SafeHtml | '' {
  if (report.assumptions.length === 0) return '';
  return html`<section id="assumptions-section"><h2>Assumptions</h2>
<ul id="assumptions">${report.assumptions.map((a) => html`<li>${a}</li>`)}</ul>
</section>`;
}

/** Every step: the raw figures, then whether it was sustainable and why not. */
export function renderStepsSection(report: CapacityReport): SafeHtml {
  const layout = {
    id: 'steps',
    lead: [],
    columns: STEP_COLUMNS,
    trail: [{ heading: 'sustainable', text: sustainableText }],
  };
  return html`<section id="steps-section"><h2>Steps <span class="muted">(each load level over its steady part; latency in ms from the planned send time)</span></h2>
${report.steps.length === 0 ? html`<p class="muted">No load step was measured.</p>` : renderTable(layout, report.steps)}
</section>`;
}
