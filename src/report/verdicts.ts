import type { CheckOutcome, ThresholdOutcome } from '../core/result.js';
import { isMetricName, METRICS } from '../metrics/catalogue.js';
import type { Ansi } from './ansi.js';
import { formatBytes, formatPercent, formatRate, formatTime } from './format.js';
import { baseMetric, unitOf } from './metric-list.js';
import { alignColumns } from './table.js';

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
