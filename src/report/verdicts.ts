import type {
  CheckOutcome,
  ConsistencyOutcome,
  RunStatus,
  ThresholdOutcome,
} from '../core/result.js';
import { isMetricName, METRICS } from '../metrics/catalogue.js';
import type { Ansi } from './ansi.js';
import { countGap, formatMissing, formatStored, lostWrites } from './consistency.js';
import { formatBytes, formatPercent, formatRate, formatTime } from './format.js';
import { baseMetric, unitOf } from './metric-list.js';
import { type Align, alignColumns } from './table.js';

/**
 * Each run status as the reports name it for a reader (the HTML badge, the terminal and Markdown
 * headlines). A run that lost data says so in capitals: it is the worst way a rehearsal can end.
 */
export const STATUS_LABELS: Readonly<Record<RunStatus, string>> = Object.freeze({
  passed: 'passed',
  'thresholds-failed': 'thresholds failed',
  'aborted-by-threshold': 'aborted by threshold',
  aborted: 'aborted',
  'consistency-failed': 'FAILED: the target lost acknowledged writes',
  interrupted: 'interrupted',
});

/** Missing ids a terminal line names before `and N more`. */
const MISSING_IDS_SHOWN = 10;

/** A consistency line's cells: mark, kind, then (gap, label, figure) × 4; figures right. */
const CONSISTENCY_ALIGN: readonly Align[] = [
  'left',
  'left',
  'left',
  'left',
  'right',
  'left',
  'left',
  'right',
  'left',
  'left',
  'right',
];

const AGGREGATION = /^\s*(p\(\s*[\d.]+\s*\)|avg|min|med|max|count|rate|value)/;

/**
 * The aggregation a threshold expression compares, as k6 labels it (`p(99)`, `rate`, ...). An
 * SLO may leave it out for rates and gauges (`http_req_failed<0.1%`): then it is the metric's
 * natural one.
 */
export function aggregationOf(metricKey: string, expression: string): string {
  const written = AGGREGATION.exec(expression)?.[1];
  if (written !== undefined) return written.replace(/\s+/g, '');
  const base = baseMetric(metricKey);
  return isMetricName(base) && METRICS[base].type === 'gauge' ? 'value' : 'rate';
}

/**
 * A threshold's observed value in the metric's unit, labelled with its aggregation:
 * `p(99)=212.4ms`, `rate=0.12%`, `count=1200`, `rate=48.2/s`; `no data` when it had none.
 */
export function formatObserved(
  outcome: Pick<ThresholdOutcome, 'metric' | 'expression' | 'observed'>,
): string {
  if (outcome.observed === null) return 'no data';
  const aggregation = aggregationOf(outcome.metric, outcome.expression);
  return `${aggregation}=${formatValue(outcome.metric, aggregation, outcome.observed)}`;
}

function formatValue(metricKey: string, aggregation: string, value: number): string {
  const base = baseMetric(metricKey);
  const type = isMetricName(base) ? METRICS[base].type : 'trend';
  const unit = unitOf(metricKey);
  if (aggregation === 'count') return unit === 'data' ? formatBytes(value) : String(value);
  if (aggregation === 'rate') {
    if (type === 'rate') return formatPercent(value);
    return unit === 'data' ? `${formatBytes(value)}/s` : `${formatRate(value)}/s`;
  }
  if (unit === 'time') return formatTime(value);
  return String(Number(value.toFixed(2)));
}

/**
 * Every threshold grouped under its metric key, as k6 prints them: `✓ 'p(99)<250' p(99)=212ms`,
 * failures in red, aborting thresholds marked.
 */
export function renderThresholds(thresholds: readonly ThresholdOutcome[], ansi: Ansi): string[] {
  const byMetric = new Map<string, ThresholdOutcome[]>();
  for (const outcome of thresholds) {
    const list = byMetric.get(outcome.metric) ?? [];
    list.push(outcome);
    byMetric.set(outcome.metric, list);
  }
  const lines: string[] = [];
  for (const [metric, outcomes] of byMetric) {
    lines.push(metric);
    const rows = outcomes.map((o) => [
      o.ok ? ansi.green('✓') : ansi.red('✗'),
      `'${o.expression}'`,
      o.ok ? formatObserved(o) : ansi.red(formatObserved(o)),
      o.abortOnFail ? ansi.dim('(abortOnFail)') : '',
    ]);
    lines.push(...alignColumns(rows, ['left', 'left', 'left'], 1).map((line) => `  ${line}`));
  }
  return lines;
}

/** Every check with ✓ (never failed) or ✗, its workload, pass percentage and counts. */
export function renderChecks(checks: readonly CheckOutcome[], ansi: Ansi): string[] {
  const rows = checks.map((c) => {
    const total = c.passes + c.fails;
    const share = formatPercent(total > 0 ? c.passes / total : 0);
    return [
      c.fails === 0 ? ansi.green('✓') : ansi.red('✗'),
      c.name,
      ansi.dim(c.workload),
      c.fails === 0 ? share : ansi.red(share),
      `${c.passes} / ${total}`,
    ];
  });
  return alignColumns(rows, ['left', 'left', 'left', 'right', 'right']);
}

/**
 * The consistency check for the terminal: a line per kind of write with ✓ or ✗ (✗ when the
 * target lost writes of it), in the form `✓ users  acknowledged 386  stored +386  sampled 386
 * missing 0`, failing figures in red and at most 10 missing ids named; then every problem in
 * red, or a line saying the target kept every acknowledged write.
 */
export function renderConsistency(consistency: ConsistencyOutcome, ansi: Ansi): string[] {
  const rows = consistency.kinds.map((kind) => {
    const lost = lostWrites(kind);
    const stored = formatStored(kind.stored);
    const missing = formatMissing(kind, MISSING_IDS_SHOWN);
    // Empty cells between the label/value pairs widen those gaps to two spaces.
    return [
      lost ? ansi.red('✗') : ansi.green('✓'),
      kind.kind,
      '',
      'acknowledged',
      String(kind.acknowledged),
      '',
      'stored',
      countGap(kind) > 0 ? ansi.red(stored) : stored,
      '',
      'sampled',
      String(kind.sampled),
      '',
      'missing',
      kind.missing.length > 0 ? ansi.red(missing) : missing,
    ];
  });
  const lines = alignColumns(rows, CONSISTENCY_ALIGN, 1);
  if (lines.length > 0) lines.push('');
  if (consistency.ok) lines.push(ansi.green('the target kept every write it acknowledged'));
  else lines.push(...consistency.problems.map((problem) => ansi.red(`✗ ${problem}`)));
  return lines;
}
