import { formatDuration } from '../../core/duration.js';
import type { ConsistencyOutcome, RunResult, RunStatus } from '../../core/result.js';
import { lostWrites } from '../consistency.js';
import { mergedInstancesText } from '../merged-instances.js';
import { STATUS_LABELS } from '../verdicts.js';
import { html, type SafeHtml } from './html-template.js';

/** The badge colour of each status (`.badge.pass`, `.fail`, `.warn`). */
const STATUS_TONE: Readonly<Record<RunStatus, string>> = {
  passed: 'pass',
  'thresholds-failed': 'fail',
  'aborted-by-threshold': 'fail',
  aborted: 'fail',
  'consistency-failed': 'fail',
  interrupted: 'warn',
};

/**
 * The page header: scenario name and description, the verdict (status badge, how many
 * thresholds and checks failed, whether the target kept its acknowledged writes when that was
 * checked), run id, start and end time (UTC), duration, scenario file and target; then a notice
 * when the run stopped early or the generator's figures cannot be trusted.
 */
export function renderHeader(result: RunResult): SafeHtml {
  const { scenario } = result;
  const label = STATUS_LABELS[result.status] ?? result.status;
  const tone = STATUS_TONE[result.status] ?? 'warn';
  return html`<header>
<h1>${scenario.name}</h1>
${scenario.description ? html`<p class="description">${scenario.description}</p>` : ''}
<dl class="facts">
<dt>status</dt><dd><span class="badge ${tone}" data-status="${result.status}">${label}</span> ${verdictText(result)}</dd>
<dt>run id</dt><dd><code>${result.runId}</code></dd>
<dt>started</dt><dd>${utc(result.startedAt)}</dd>
<dt>ended</dt><dd>${utc(result.endedAt)}</dd>
<dt>duration</dt><dd>${formatDuration(result.durationMs)}</dd>
<dt>scenario file</dt><dd><code>${scenario.file}</code></dd>
${baseUrlFact(result.config)}
${instancesFact(result)}
</dl>
${renderStopNotice(result)}
${renderGeneratorNotice(result)}
</header>`;
}

/** The instances of a merged run, or nothing for one instance's. */
function instancesFact(result: RunResult): SafeHtml | '' {
  const text = mergedInstancesText(result);
  return text === undefined ? '' : html`<dt>merged from</dt><dd>${text}</dd>`;
}

function verdictText(result: RunResult): string {
  const failedThresholds = result.thresholds.filter((t) => !t.ok).length;
  const failedChecks = result.checks.filter((c) => c.fails > 0).length;
  return (
    `${failedThresholds} of ${result.thresholds.length} thresholds failed, ` +
    `${failedChecks} of ${result.checks.length} checks failed at least once` +
    consistencyText(result.consistency)
  );
}

function consistencyText(consistency: ConsistencyOutcome | null): string {
  if (consistency === null) return '';
  if (consistency.ok) return ', the target kept every acknowledged write';
  const lost = consistency.kinds.filter(lostWrites).map((kind) => kind.kind);
  return lost.length === 0
    ? ', the consistency check failed'
    : `, the target lost acknowledged writes of ${lost.join(', ')}`;
}

/** An ISO timestamp as `2024-07-05 16:00:00 UTC`; other text as it is. */
export function utc(iso: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/.exec(iso);
  return match === null ? iso : `${match[1]} ${match[2]} UTC`;
}

/** The target's base URL from the saved configuration (opaque in the result), when it has one. */
function baseUrlFact(config: unknown): SafeHtml | '' {
  const baseUrl = (config as { baseUrl?: unknown } | null)?.baseUrl;
  if (typeof baseUrl !== 'string') return '';
  return html`<dt>target</dt><dd><code data-field="base-url">${baseUrl}</code></dd>`;
}

function renderStopNotice(result: RunResult): SafeHtml | '' {
  if (result.stopReason === undefined) return '';
  const tone = result.status === 'interrupted' ? '' : ' fail';
  return html`<div class="notice${tone}" role="status"><strong>The run stopped early:</strong> ${result.stopReason}</div>`;
}

function renderGeneratorNotice(result: RunResult): SafeHtml | '' {
  const { generator } = result;
  if (generator.valid) return '';
  return html`<div class="notice" role="alert"><strong>The load generator could not keep its schedule: do not trust these figures.</strong>
<ul>${generator.reasons.map((reason) => html`<li>${reason}</li>`)}</ul></div>`;
}
