import type { RunResult } from '../core/result.js';
import type { Ansi } from './ansi.js';
import { formatErrorClasses, formatMs, formatPercent, formatRate } from './format.js';
import { alignColumns } from './table.js';
import { workloadStats } from './workload-stats.js';

const REQUEST_HEADER = [
  'name',
  'count',
  'rate/s',
  'p50',
  'p90',
  'p95',
  'p99',
  'max',
  'errors',
  'error classes',
];

/**
 * The per-request-name table: count, rate, latency percentiles in milliseconds, the share of
 * failed requests and the failures by error class. Empty when the run made no request.
 */
export function renderRequestTable(result: RunResult, ansi: Ansi): string[] {
  const requests = result.summary.requests;
  if (requests.length === 0) return [];
  const rows = requests.map((r) => {
    const errorShare = formatPercent(r.count > 0 ? r.failed / r.count : 0);
    return [
      r.name === '' ? '(unnamed)' : r.name,
      String(r.count),
      formatRate(r.rate),
      ...[r.p50, r.p90, r.p95, r.p99, r.max].map(formatMs),
      r.failed > 0 ? ansi.red(errorShare) : errorShare,
      formatErrorClasses(r.errors),
    ];
  });
  const align = [
    'left',
    ...REQUEST_HEADER.slice(1, -1).map(() => 'right' as const),
    'left',
  ] as const;
  return alignColumns([REQUEST_HEADER.map(ansi.dim), ...rows], align);
}

const WORKLOAD_HEADER = [
  'workload',
  'started',
  'completed',
  'dropped',
  'journey errors',
  'peak in flight',
  'peak VUs',
];

/**
 * The per-workload table: iterations started (per-second points), completed (the `iterations`
 * series), dropped, journey errors, and the peak in-flight and VU counts of any second; then a
 * total line from `summary.metrics` (`iterations`, `dropped_iterations`,
 * `interrupted_iterations`).
 */
export function renderWorkloadTable(result: RunResult, ansi: Ansi): string[] {
  const stats = workloadStats(result);
  if (stats.length === 0) return [];
  const warn = (n: number) => (n > 0 ? ansi.yellow(String(n)) : String(n));
  const rows = stats.map((t) => [
    t.name,
    String(t.started),
    String(t.completed),
    warn(t.dropped),
    warn(t.journeyErrors),
    String(t.peakInFlight),
    String(t.peakVus),
  ]);
  const lines = alignColumns(
    [WORKLOAD_HEADER.map(ansi.dim), ...rows],
    ['left', 'right', 'right', 'right', 'right', 'right', 'right'],
  );
  const metrics = result.summary.metrics;
  const count = (key: string) => {
    const summary = metrics[key];
    return summary?.kind === 'counter' ? summary.count : 0;
  };
  const interrupted = count('interrupted_iterations');
  const cutOff = interrupted > 0 ? `, ${interrupted} interrupted at gracefulStop` : '';
  lines.push(
    ansi.dim(
      `all workloads: ${count('iterations')} iterations completed, ${count('dropped_iterations')} dropped${cutOff}`,
    ),
  );
  return lines;
}
