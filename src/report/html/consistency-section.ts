import type { ConsistencyKind, ConsistencyOutcome, RunResult } from '../../core/result.js';
import { countGap, formatIdList, formatStored, lostWrites } from '../consistency.js';
import { STATUS_LABELS } from '../verdicts.js';
import { utc } from './header-section.js';
import { html, type SafeHtml } from './html-template.js';

/** Missing ids a row lists before `and N more`. */
const MISSING_IDS_SHOWN = 20;

/**
 * The consistency check after the run, only when one ran (`result.consistency` not null): when
 * and how it checked, a row per kind of write (kept, or lost when an acknowledged id is missing
 * or the target's count grew by less than it acknowledged) with its figures and up to 20 missing
 * ids, then every problem in a notice, or a line saying every acknowledged write was kept. Rows
 * carry `data-kind`, `data-ok` and the raw figures (`data-acknowledged`, `data-stored`, empty
 * when not counted, `data-sampled`, and `data-missing`, the count) for tests and scripts.
 */
export function renderConsistencySection(result: RunResult): SafeHtml | '' {
  const { consistency } = result;
  if (consistency === null) return '';
  return html`<section id="consistency-section"><h2>Consistency</h2>
<p class="muted">Checked after the run, at ${utc(consistency.checkedAt)}: the growth of the target's counts against the writes it acknowledged, and a sample of the acknowledged ids looked up one by one.</p>
${
  consistency.kinds.length === 0
    ? ''
    : html`<div class="table-wrap"><table id="consistency">
<thead><tr><th>result</th><th>kind</th><th class="num">acknowledged</th><th class="num">stored</th><th class="num">sampled</th><th class="num">missing</th><th>missing ids</th></tr></thead>
<tbody>
${consistency.kinds.map(renderKind)}</tbody>
</table></div>`
}
${renderVerdict(consistency)}
</section>`;
}

function renderKind(kind: ConsistencyKind): SafeHtml {
  const ok = !lostWrites(kind);
  const stored = kind.stored === null ? '' : String(kind.stored);
  const tone = (failing: boolean) => (failing ? ' fail-text' : '');
  return html`<tr data-kind="${kind.kind}" data-ok="${String(ok)}" data-acknowledged="${String(kind.acknowledged)}" data-stored="${stored}" data-sampled="${String(kind.sampled)}" data-missing="${String(kind.missing.length)}">
<td>${ok ? html`<span class="pass-text">✓ kept</span>` : html`<span class="fail-text">✗ lost</span>`}</td><td class="name">${kind.kind}</td><td class="num">${kind.acknowledged}</td><td class="num${tone(countGap(kind) > 0)}">${formatStored(kind.stored)}</td><td class="num">${kind.sampled}</td><td class="num${tone(kind.missing.length > 0)}">${kind.missing.length}</td><td class="ids">${formatIdList(kind.missing, MISSING_IDS_SHOWN)}</td></tr>
`;
}

function renderVerdict(consistency: ConsistencyOutcome): SafeHtml {
  if (consistency.ok)
    return html`<p><span class="pass-text">✓ The target kept every write it acknowledged.</span></p>`;
  return html`<div class="notice fail" role="alert"><strong>${STATUS_LABELS['consistency-failed']}.</strong>
<ul>${consistency.problems.map((problem) => html`<li>${problem}</li>`)}</ul></div>`;
}
