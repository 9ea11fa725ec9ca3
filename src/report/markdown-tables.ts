/**
 * The tables of the Markdown report, one function per section: each returns the section's lines
 * (heading, table, notes), or none when the run has nothing to show there.
 */
import type { RunResult } from '../core/result.js';
import { formatMissing, formatStored, lostWrites } from './consistency.js';
import { formatLiveRate, formatMs, formatPercent, formatRate } from './format.js';
import { escapeMarkdown, markdownTable } from './markdown.js';
import { formatObserved } from './verdicts.js';
import { type WorkloadStats, workloadStats } from './workload-stats.js';

/** The pass/fail cell of a threshold or check. */
export function passCell(ok: boolean): string {
  return ok ? '✅ pass' : '❌ fail';
}

/** A request name as a cell: escaped, `(unnamed)` when empty, as the terminal shows it. */
function requestName(name: string): string {
  return name === '' ? '(unnamed)' : escapeMarkdown(name);
}

/** Per request name: count, rate, latency percentiles in ms, max and the share that failed. */
export function requestsSection(result: RunResult): string[] {
  const requests = result.summary.requests;
  if (requests.length === 0) return [];
  const rows = requests.map((r) => [
    requestName(r.name),
    String(r.count),
    formatRate(r.rate),
    ...[r.p50, r.p90, r.p95, r.p99, r['p99.9'], r.max].map(formatMs),
    formatPercent(r.count > 0 ? r.failed / r.count : 0),
  ]);
  const header = ['name', 'count', 'rate/s', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'max', 'error %'];
  return [
    '### Requests',
    '',
    'Latency in milliseconds, measured from the planned send time.',
    '',
    ...markdownTable(header, rows, ['left', ...header.slice(1).map(() => 'right' as const)]),
  ];
}

/** Every threshold: pass or fail, its metric key and expression, the value observed. */
export function thresholdsSection(result: RunResult): string[] {
  if (result.thresholds.length === 0) return [];
  const rows = result.thresholds.map((t) => [
    passCell(t.ok),
    escapeMarkdown(t.metric),
    escapeMarkdown(t.expression),
    escapeMarkdown(formatObserved(t)),
    t.abortOnFail ? 'abortOnFail' : '',
  ]);
  return [
    '### Thresholds',
    '',
    ...markdownTable(['', 'metric', 'threshold', 'observed', ''], rows),
  ];
}

/** Every check: pass (never failed) or fail, its workload, passes, fails and pass rate. */
export function checksSection(result: RunResult): string[] {
  if (result.checks.length === 0) return [];
  const rows = result.checks.map((c) => {
    const total = c.passes + c.fails;
    return [
      passCell(c.fails === 0),
      escapeMarkdown(c.name),
      escapeMarkdown(c.workload),
      String(c.passes),
      String(c.fails),
      formatPercent(total > 0 ? c.passes / total : 0),
    ];
  });
  const header = ['', 'check', 'workload', 'passes', 'fails', 'rate'];
  return [
    '### Checks',
    '',
    ...markdownTable(header, rows, ['left', 'left', 'left', 'right', 'right', 'right']),
  ];
}

/** Missing ids a row names before `and N more`. */
const MISSING_IDS_SHOWN = 20;

/**
 * The consistency check, only when one ran: when, a row per kind of write (pass, or fail when
 * the target lost writes of it) with acknowledged, stored (count growth), sampled and missing
 * (count and up to 20 ids), then every problem.
 */
export function consistencySection(result: RunResult): string[] {
  const { consistency } = result;
  if (consistency === null) return [];
  const lines = [
    '### Consistency',
    '',
    `Checked after the run, at ${consistency.checkedAt}: the growth of the target's counts ` +
      'against the writes it acknowledged, and a sample of the acknowledged ids looked up one by one.',
  ];
  if (consistency.kinds.length > 0) {
    const rows = consistency.kinds.map((kind) => [
      passCell(!lostWrites(kind)),
      escapeMarkdown(kind.kind),
      String(kind.acknowledged),
      formatStored(kind.stored),
      String(kind.sampled),
      escapeMarkdown(formatMissing(kind, MISSING_IDS_SHOWN)),
    ]);
    const header = ['', 'kind', 'acknowledged', 'stored', 'sampled', 'missing'];
    const align = ['left', 'left', 'right', 'right', 'right', 'left'] as const;
    lines.push('', ...markdownTable(header, rows, align));
  }
  if (consistency.problems.length > 0)
    lines.push('', ...consistency.problems.map((problem) => `- ${escapeMarkdown(problem)}`));
  return lines;
}

/** Per workload: target vs achieved, iterations started and completed, drops, errors. */
export function workloadsSection(result: RunResult): string[] {
  const stats = workloadStats(result);
  if (stats.length === 0) return [];
  const rows = stats.map((w) => [
    escapeMarkdown(w.name),
    w.model ?? 'unknown',
    ...targetAndAchieved(w),
    String(w.started),
    String(w.completed),
    String(w.dropped),
    String(w.journeyErrors),
    String(w.peakInFlight),
  ]);
  const header = [
    'workload',
    'load model',
    'target',
    'achieved',
    'started',
    'completed',
    'dropped',
    'journey errors',
    'peak in flight',
  ];
  return [
    '### Workloads',
    '',
    ...markdownTable(header, rows, [
      'left',
      'left',
      ...header.slice(2).map(() => 'right' as const),
    ]),
    '',
    'Target and achieved: for arrival-rate workloads, the mean rate of the seconds in which ' +
      'iterations were planned (achieved counts those started, with its share of the planned); ' +
      'for VU workloads, the peak VU count.',
  ];
}

function targetAndAchieved(w: WorkloadStats): [string, string] {
  if (w.model === 'vus') return [`${w.targetPeak} VUs`, `${w.peakVus} VUs`];
  const seconds = Math.max(1, w.plannedSeconds);
  const share = w.targetSum > 0 ? ` (${formatPercent(w.started / w.targetSum)})` : '';
  return [
    `${formatLiveRate(w.targetSum / seconds)}/s`,
    `${formatLiveRate(w.started / seconds)}/s${share}`,
  ];
}

/** Failed requests per error class: how many, their share of all requests, and by name. */
export function errorClassesSection(result: RunResult): string[] {
  const byClass = new Map<string, { count: number; names: string[] }>();
  let requests = 0;
  for (const r of result.summary.requests) {
    requests += r.count;
    for (const [errorClass, count] of Object.entries(r.errors)) {
      if (count === 0) continue;
      const entry = byClass.get(errorClass) ?? { count: 0, names: [] };
      entry.count += count;
      entry.names.push(`${requestName(r.name)} ${count}`);
      byClass.set(errorClass, entry);
    }
  }
  if (byClass.size === 0) return [];
  const rows = [...byClass]
    .sort(([a, x], [b, y]) => y.count - x.count || a.localeCompare(b))
    .map(([errorClass, { count, names }]) => [
      escapeMarkdown(errorClass),
      String(count),
      formatPercent(requests > 0 ? count / requests : 0),
      names.join(', '),
    ]);
  return [
    '### Error classes',
    '',
    ...markdownTable(['error class', 'requests', 'share of all', 'by request name'], rows, [
      'left',
      'right',
      'right',
      'left',
    ]),
  ];
}
