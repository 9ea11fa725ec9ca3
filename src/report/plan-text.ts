import type { ResolvedRun } from '../config/types.js';
import { formatDuration } from '../core/duration.js';
import { type ExecutorPlan, formatSegment, shareCount } from '../executors/index.js';
import type { ParamDescription } from '../scenario/index.js';
import { alignColumns } from './table.js';

/**
 * What `launchday validate` prints: the scenario, its parameters (value in use, default,
 * allowed values), each workload's executor with its stages and planned iterations, the
 * thresholds, and how long the run takes.
 */
export function renderPlan(run: ResolvedRun, params: readonly ParamDescription[]): string {
  const lines = [`scenario ${run.scenario.name} is valid (${run.scenario.file})`];
  if (run.scenario.description) lines.push(`  ${run.scenario.description}`);
  lines.push(`  base URL: ${run.baseUrl ?? '(none: journeys use absolute URLs)'}`);
  lines.push(
    `  duration: ${formatDuration(run.durationMs)} (at most ${formatDuration(run.maxDurationMs)} with graceful stops)`,
  );
  lines.push(`  workers:  ${run.workers}, seed ${run.seed}`);
  if (run.segment.count > 1) lines.push(...segmentLines(run));
  if (run.startAtMs !== undefined)
    lines.push(`  start at: ${new Date(run.startAtMs).toISOString()}`);
  if (params.length > 0) lines.push('', 'parameters', ...indent(paramRows(run, params)));
  lines.push('', 'workloads');
  for (const workload of run.workloads)
    lines.push(...indent(workloadLines(workload.name, workload.plan)));
  if (run.thresholds.length > 0) {
    lines.push('', 'thresholds');
    for (const threshold of run.thresholds) {
      lines.push(
        `  ${threshold.key}: ${threshold.conditions.map((c) => c.expression.source).join(', ')}`,
      );
    }
  }
  return lines.join('\n');
}

function paramRows(run: ResolvedRun, params: readonly ParamDescription[]): string[] {
  const rows = params.map((p) => [
    p.name,
    String(run.params[p.name]),
    String(p.default),
    p.allowed,
    p.description,
  ]);
  return alignColumns([['name', 'value', 'default', 'allowed', 'description'], ...rows], []);
}

function workloadLines(name: string, plan: ExecutorPlan): string[] {
  const start = plan.startTimeMs > 0 ? `, starts at ${formatDuration(plan.startTimeMs)}` : '';
  const head = `${name}: ${plan.type}${start}, runs ${formatDuration(plan.durationMs)}, gracefulStop ${formatDuration(plan.gracefulStopMs)}`;
  const detail =
    plan.model === 'arrival-rate'
      ? `${plan.plannedIterations} planned iterations, ${plan.arrivals} arrivals, maxInFlight ${plan.maxInFlight}`
      : `up to ${plan.maxVUs} VUs, iterations back to back`;
  const stages = plan.stages.map(
    (stage) =>
      `  ${formatDuration(stage.startMs).padStart(6)} +${formatDuration(stage.durationMs).padEnd(6)} ${planNumber(stage.from)} → ${planNumber(stage.to)} ${stage.unit}`,
  );
  return [head, `  ${detail}`, ...stages];
}

function indent(lines: readonly string[]): string[] {
  return lines.map((line) => `  ${line}`);
}

/** A stage's rate or VU count: whole numbers as they are, others to 4 significant digits. */
function planNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(4)));
}

/**
 * This instance's share of a segmented run: which items of each workload it takes, and how
 * many iterations (arrival rate) or VUs at the peak (VU models) that is.
 */
function segmentLines({ segment, workloads }: ResolvedRun): string[] {
  const { index, count } = segment;
  const share = { workerIndex: index - 1, workerCount: count, seed: 0 };
  const lines = [
    `  segment:  ${formatSegment(segment)}, every ${ordinal(count)} iteration and VU of each workload from the ${ordinal(index)} (1/${count} of the load)`,
  ];
  for (const { name, plan } of workloads) {
    const [whole, unit] =
      plan.model === 'arrival-rate'
        ? [plan.plannedIterations, 'iterations']
        : [Math.max(0, ...plan.vus.map((s) => Math.max(s.from, s.to))), 'VUs at the peak'];
    lines.push(`    ${name}: ${shareCount(whole, share)} of ${whole} ${unit}`);
  }
  return lines;
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix =
    tens >= 11 && tens <= 13
      ? 'th'
      : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}
