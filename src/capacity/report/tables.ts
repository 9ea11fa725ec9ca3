/**
 * The numeric columns of the capacity tables (steps, overload runs, plan endpoints), shared by
 * the Markdown and HTML renderers so both show the same figures formatted the same way; the
 * HTML report also writes each raw value as `data-value` under the column's `stat`.
 */
import { formatMs, formatPercent, formatRate } from '../../report/format.js';
import type {
  CapacityPhase,
  CapacityPlan,
  CapacityStep,
  OverloadResult,
  PhaseEnd,
  ScalingPoint,
} from '../types.js';
import { formatFigure, NOT_MEASURED } from './format.js';

/** One numeric column: heading, the field it shows (`stat`), raw value (null: not measured). */
export interface CapacityColumn<Row> {
  readonly heading: string;
  readonly stat: string;
  readonly value: (row: Row) => number | null;
  readonly format: (value: number) => string;
}

/** One endpoint of a {@link CapacityPlan}. */
export type PlanEndpoint = CapacityPlan['endpoints'][number];

/** The numeric columns of the steps table, in order; the sustainable column follows them. */
export const STEP_COLUMNS: readonly CapacityColumn<CapacityStep>[] = [
  { heading: 'offered it/s', stat: 'offered', value: (s) => s.offered, format: formatRate },
  { heading: 'achieved it/s', stat: 'achieved', value: (s) => s.achieved, format: formatRate },
  {
    heading: 'throughput req/s',
    stat: 'throughput',
    value: (s) => s.throughput,
    format: formatRate,
  },
  { heading: 'p50 ms', stat: 'p50Ms', value: (s) => s.p50Ms, format: formatMs },
  { heading: 'p99 ms', stat: 'p99Ms', value: (s) => s.p99Ms, format: formatMs },
  { heading: 'errors', stat: 'errorRate', value: (s) => s.errorRate, format: formatPercent },
  {
    heading: 'concurrency',
    stat: 'concurrency',
    value: (s) => s.concurrency,
    format: formatFigure,
  },
  {
    heading: 'target CPU cores',
    stat: 'cpuCores',
    value: (s) => s.target?.cpuCores ?? null,
    format: formatFigure,
  },
  {
    heading: 'ELU',
    stat: 'eventLoopUtilization',
    value: (s) => s.target?.eventLoopUtilization ?? null,
    format: formatPercent,
  },
];

/** The columns of the scaling table, one row per target worker count. */
export const SCALING_COLUMNS: readonly CapacityColumn<ScalingPoint>[] = [
  { heading: 'target workers', stat: 'workers', value: (p) => p.workers, format: String },
  {
    heading: 'max sustainable it/s',
    stat: 'maxSustainableRate',
    value: (p) => p.maxSustainableRate,
    format: formatRate,
  },
  {
    heading: 'throughput req/s',
    stat: 'maxSustainableThroughput',
    value: (p) => p.maxSustainableThroughput,
    format: formatRate,
  },
];

/** The columns of the overload table, one row per multiple of the maximum sustainable rate. */
export const OVERLOAD_COLUMNS: readonly CapacityColumn<OverloadResult>[] = [
  { heading: 'load', stat: 'multiple', value: (o) => o.multiple, format: (m) => `${m}x` },
  { heading: 'offered it/s', stat: 'offered', value: (o) => o.offered, format: formatRate },
  { heading: 'achieved it/s', stat: 'achieved', value: (o) => o.achieved, format: formatRate },
  { heading: 'goodput req/s', stat: 'goodput', value: (o) => o.goodput, format: formatRate },
  {
    heading: 'capacity kept',
    stat: 'goodputShare',
    value: (o) => o.goodputShare,
    format: formatPercent,
  },
  { heading: 'p99 ms', stat: 'p99Ms', value: (o) => o.p99Ms, format: formatMs },
  { heading: 'errors', stat: 'errorRate', value: (o) => o.errorRate, format: formatPercent },
];

/** The numeric columns of the phases table; the phase's name comes first, how it ended after. */
export const PHASE_COLUMNS: readonly CapacityColumn<CapacityPhase>[] = [
  { heading: 'levels', stat: 'planned', value: (p) => p.planned.length, format: String },
  { heading: 'measured', stat: 'measured', value: (p) => p.measured.length, format: String },
  { heading: 's per level', stat: 'levelS', value: (p) => p.levelS, format: String },
  {
    heading: 'cut off',
    stat: 'interruptedIterations',
    value: (p) => p.interruptedIterations,
    format: String,
  },
];

const PHASE_ENDS: Readonly<Record<PhaseEnd, string>> = {
  completed: 'completed',
  'stopped-early': 'stopped early',
  'cut-off': 'cut off',
  aborted: 'aborted',
  failed: 'failed',
  interrupted: 'interrupted',
};

/** A phase's name, with its target worker count when it has one: `staircase (2 workers)`. */
export function phaseText(phase: CapacityPhase): string {
  return phase.workers === null ? phase.name : `${phase.name} (${phase.workers} workers)`;
}

/** How a phase ended, for its cell: `completed`, or `not clean: cut off`. */
export function phaseEndText(phase: CapacityPhase): string {
  const end = PHASE_ENDS[phase.end];
  return phase.clean ? end : `not clean: ${end}`;
}

/** The numeric columns of the plan table; the endpoint's name comes first. */
export const PLAN_COLUMNS: readonly CapacityColumn<PlanEndpoint>[] = [
  { heading: 'peak req/s', stat: 'peakRps', value: (e) => e.peakRps, format: formatRate },
  {
    heading: 'capacity req/s per instance',
    stat: 'capacityRps',
    value: (e) => e.capacityRps,
    format: formatRate,
  },
  { heading: 'instances alone', stat: 'instances', value: (e) => e.instances, format: String },
];

/** The text of `column`'s cell in `row`: formatted, or a dash when not measured. */
export function cellText<Row>(column: CapacityColumn<Row>, row: Row): string {
  const value = column.value(row);
  return value === null || !Number.isFinite(value) ? NOT_MEASURED : column.format(value);
}

/** The last cell of a step's row: `yes`, or every broken condition. */
export function sustainableText(step: CapacityStep): string {
  if (step.sustainable) return 'yes';
  return step.broken.length === 0 ? 'no' : `no: ${step.broken.join('; ')}`;
}
