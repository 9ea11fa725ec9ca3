/**
 * How every rendering of a comparison (Markdown, JUnit, HTML) writes its figures: values in
 * their unit, changes and their intervals, budgets, p-values, run and sample counts, the method.
 * Plain text; each renderer escapes it for its medium.
 */
import type {
  Budget,
  CompareReport,
  CompareSide,
  CompareUnit,
  Direction,
  MetricComparison,
  Verdict,
} from '../../compare/types.js';
import { formatMs, formatPercent, formatRate } from '../format.js';

/** Every verdict, worst first: the order of counts and legends. */
const VERDICTS: readonly Verdict[] = ['regressed', 'improved', 'unchanged', 'inconclusive'];

/** What a cell shows for a figure the comparison does not have. */
const NO_FIGURE = '–';

/** `value` in its unit: `12.4 ms`, `1.25%`, `200.5/s`, `3`; a dash when null. */
export function formatValue(value: number | null, unit: CompareUnit): string {
  if (value === null) return NO_FIGURE;
  if (unit === 'ms') return `${formatMs(value)} ms`;
  if (unit === 'fraction') return formatPercent(value);
  if (unit === 'per-second') return `${formatRate(value)}/s`;
  return String(Number(value.toPrecision(6)));
}

/** A signed magnitude, `-` for a fall (ASCII, as benchstat writes it). */
function signed(value: number, magnitude: (abs: number) => string): string {
  return `${value < 0 ? '-' : '+'}${magnitude(Math.abs(value))}`;
}

/**
 * A change as `intervalOf` measures it: relative as a percentage (`+18.2%`), absolute in the
 * unit, rates in percentage points (`+3.30 points`), latencies in ms (`+4.60 ms`).
 */
function formatChangeOf(
  change: number,
  of: MetricComparison['intervalOf'],
  unit: CompareUnit,
): string {
  if (of === 'relative') return signed(change, (abs) => `${(abs * 100).toFixed(1)}%`);
  if (unit === 'fraction') return signed(change, (abs) => `${(abs * 100).toFixed(2)} points`);
  if (unit === 'ms') return signed(change, (abs) => `${formatMs(abs)} ms`);
  return signed(change, (abs) => formatValue(abs, unit));
}

/** The change of `c` the interval is about (relative, or absolute for rates); null when none. */
function changeOf(c: MetricComparison): number | null {
  return c.intervalOf === 'relative' ? c.relativeChange : c.absoluteChange;
}

/** The change of `c`: `+18.2%`, `+3.30 points`; a dash when either side has no value. */
export function formatChange(c: MetricComparison): string {
  const change = changeOf(c);
  return change === null ? NO_FIGURE : formatChangeOf(change, c.intervalOf, c.unit);
}

/** The interval of `c` as `+12.1% to +24.3%`; null when there is none. */
export function formatInterval(c: MetricComparison): string | null {
  if (c.interval === null) return null;
  const bound = (value: number) => formatChangeOf(value, c.intervalOf, c.unit);
  return `${bound(c.interval.low)} to ${bound(c.interval.high)}`;
}

/** The change with its interval, for a table cell: `+18.2% [+12.1%, +24.3%]`. */
export function formatDelta(c: MetricComparison): string {
  if (c.interval === null) return formatChange(c);
  const bound = (value: number) => formatChangeOf(value, c.intervalOf, c.unit);
  return `${formatChange(c)} [${bound(c.interval.low)}, ${bound(c.interval.high)}]`;
}

/**
 * A budget as the user writes it, signed in the direction that is worse: `+10% and +1.00 ms`
 * for a latency, `-10%` for throughput, `+0.50 points` for an error rate; `none` when unset.
 */
export function formatBudget(budget: Budget, unit: CompareUnit, direction: Direction): string {
  const sign = direction === 'higher-is-worse' ? 1 : -1;
  const bounds: string[] = [];
  if (budget.relative !== null)
    bounds.push(signed(sign * budget.relative, (abs) => `${Number((abs * 100).toFixed(2))}%`));
  if (budget.absolute !== null)
    bounds.push(formatChangeOf(sign * budget.absolute, 'absolute', unit));
  return bounds.length === 0 ? 'none' : bounds.join(' and ');
}

/** `p=0.008`, `p<0.001`, or a dash when the comparison has no p-value. */
export function formatPValue(pValue: number | null): string {
  if (pValue === null) return NO_FIGURE;
  return pValue < 0.001 ? 'p<0.001' : `p=${pValue.toFixed(3)}`;
}

/** A count for reading: `11,982`. */
function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** How many runs and samples stand behind each side: `2+2 runs, 8,990+9,030 samples`. */
export function formatN(c: MetricComparison): string {
  const { baseline: b, candidate: k } = c;
  return `${b.runs}+${k.runs} runs, ${formatCount(b.samples)}+${formatCount(k.samples)} samples`;
}

/**
 * One line of figures for `c`, for a regression's description: `12.2 ms → 16.8 ms, +37.7%
 * (95% CI +24.0% to +52.0%), p=0.002, 2+2 runs, 8,990+9,030 samples`.
 */
export function formatFigures(c: MetricComparison): string {
  const interval = formatInterval(c);
  const level = c.interval === null ? '' : `${Math.round(c.interval.level * 100)}% CI `;
  return (
    `${formatValue(c.baseline.value, c.unit)} → ${formatValue(c.candidate.value, c.unit)}, ` +
    `${formatChange(c)}${interval === null ? '' : ` (${level}${interval})`}, ` +
    `${formatPValue(c.pValue)}, ${formatN(c)}`
  );
}

/** How many metrics got each verdict, worst first, zeros left out: `2 regressed, 4 unchanged`. */
export function formatVerdictCounts(report: CompareReport): string {
  const counts = VERDICTS.map(
    (verdict) => [verdict, report.comparisons.filter((c) => c.verdict === verdict).length] as const,
  ).filter(([, count]) => count > 0);
  const of = `of ${report.comparisons.length} compared metric${report.comparisons.length === 1 ? '' : 's'}`;
  return counts.length === 0
    ? 'no metric compared'
    : `${counts.map(([verdict, count]) => `${count} ${verdict}`).join(', ')} ${of}`;
}

/** What the method did, with the settings it ran with, as one sentence. */
export function formatMethod(report: CompareReport): string {
  const { settings: s } = report;
  const level = `${Math.round(s.confidence * 100)}% intervals`;
  const bootstrap = `${s.resamples} resamples, seed ${s.seed}`;
  const how =
    report.method === 'block-bootstrap'
      ? `Block bootstrap over seconds: blocks of ${s.blockSeconds} s of each side's runs resampled (${bootstrap})`
      : `Mann-Whitney U over the runs' values (one per run), with a bootstrap interval of the ratio of medians (${bootstrap})`;
  return `${how}; ${level}, significant at α = ${s.alpha}; a verdict needs both significance and a change beyond the metric's budget.`;
}

/** What a side is called: `baseline main` (from `--baseline main`), `baseline`, `candidate`. */
export function sideLabel(role: 'baseline' | 'candidate', side: CompareSide): string {
  return side.baselineName === undefined ? role : `${role} ${side.baselineName}`;
}

/**
 * What a side was made of, as a phrase: `reports/baseline, 2 runs of feed-mix (base-1,
 * base-2), 2024-07-05T16:00:00.000Z to 2024-07-05T16:06:10.000Z, on AMD EPYC 7B13 ×2, …`.
 */
export function formatSide(side: CompareSide): string {
  const runs = side.runIds.length;
  return (
    `${side.source}, ${runs} run${runs === 1 ? '' : 's'} of ${side.scenario} ` +
    `(${side.runIds.join(', ')}), ${side.startedAt} to ${side.endedAt}, on ${side.machine}`
  );
}
