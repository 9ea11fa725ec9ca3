/**
 * The charts of compare.html from a {@link CompareReport}: per request name, both sides'
 * latency distributions on an HDR percentile plot, and the per-second p99 and throughput of
 * every run of both sides.
 */
import type {
  CompareCharts,
  CompareReport,
  PercentileCurve,
  RunSeconds,
} from '../../compare/types.js';
import { displayName } from '../html/chart-data.js';
import { sideLabel } from './format.js';
import type { CompareChart, CompareChartGroup, CompareSeries } from './types.js';

/** Palette entries of each side: the baseline's blues, then the candidate's oranges. */
const FIRST_COLOUR = { baseline: 0, candidate: 4 } as const;
const SHADES = 4;

/**
 * Where percentile `p` (0 ≤ p < 100) sits on the x axis of an HDR percentile plot: 1/(1 − p),
 * so 0 → 1, 90 → 10, 99 → 100, 99.9 → 1000 and each nine takes the same width on a log scale.
 */
export function percentileX(p: number): number {
  return 1 / (1 - p / 100);
}

/**
 * The chart groups of compare.html, charts numbered `chart-1`, `chart-2`, ... in page order:
 * a distribution chart per entry of `charts.distributions` (the maximum, p100, has no place on
 * the plot and is left out, and so is a request name neither side has a percentile of), then
 * per-second p99 and requests per second of every run. A group without charts carries the
 * note shown in their place.
 */
export function buildCompareCharts(report: CompareReport): CompareChartGroup[] {
  const { distributions, seconds } = report.charts;
  const names = {
    baseline: sideLabel('baseline', report.baseline),
    candidate: sideLabel('candidate', report.candidate),
  };
  let count = 0;
  const numbered = (charts: Omit<CompareChart, 'id'>[]): CompareChart[] =>
    charts.map((chart) => ({ id: `chart-${++count}`, ...chart }));
  return [
    {
      title: 'Latency distributions (HDR percentile plot)',
      emptyNote: 'The comparison holds no latency distribution.',
      charts: numbered(
        distributions.map((d) => distributionChart(d, names)).filter((chart) => chart.x.length > 0),
      ),
    },
    {
      title: 'Per second, every run',
      emptyNote: 'The runs recorded no per-second data.',
      charts: numbered(seconds.length === 0 ? [] : secondsCharts(seconds)),
    },
  ];
}

/** p99 (seconds without requests have none) and requests per second of every run. */
function secondsCharts(seconds: readonly RunSeconds[]): Omit<CompareChart, 'id'>[] {
  return [
    secondsChart(seconds, 'p99 per second', 'ms', (run) =>
      run.p99Ms.map((ms, i) => (run.requests[i] === 0 ? null : ms)),
    ),
    secondsChart(seconds, 'Requests per second', 'requests/s', (run) => [...run.requests]),
  ];
}

function distributionChart(
  distribution: CompareCharts['distributions'][number],
  names: Readonly<Record<'baseline' | 'candidate', string>>,
): Omit<CompareChart, 'id'> {
  const { requestName, baseline, candidate } = distribution;
  const points = (curve: PercentileCurve) =>
    new Map(
      curve.percentiles.flatMap((p, i) => (p < 100 ? [[percentileX(p), curve.valuesMs[i]!]] : [])),
    );
  const sides = { baseline: points(baseline), candidate: points(candidate) };
  const x = [...new Set([...sides.baseline.keys(), ...sides.candidate.keys()])].sort(
    (a, b) => a - b,
  );
  const line = (side: keyof typeof sides): CompareSeries => ({
    label: names[side],
    values: x.map((at) => sides[side].get(at) ?? null),
    dashed: side === 'candidate',
    colour: FIRST_COLOUR[side],
  });
  const title = requestName === null ? 'all requests' : displayName(requestName);
  return {
    title: `${title}: latency by percentile`,
    unit: 'ms',
    xAxis: 'percentile',
    x,
    series: [line('baseline'), line('candidate')],
  };
}

function secondsChart(
  runs: readonly RunSeconds[],
  title: string,
  unit: string,
  pick: (run: RunSeconds) => (number | null)[],
): Omit<CompareChart, 'id'> {
  const x = [...new Set(runs.flatMap((run) => run.t))].sort((a, b) => a - b);
  const shade = { baseline: 0, candidate: 0 };
  const series = runs.map((run) => {
    const values = pick(run);
    const at = new Map(run.t.map((t, i) => [t, values[i] ?? null]));
    const colour = FIRST_COLOUR[run.side] + (shade[run.side]++ % SHADES);
    return {
      label: `${run.side} ${run.runId}`,
      values: x.map((t) => at.get(t) ?? null),
      dashed: run.side === 'candidate',
      colour,
    };
  });
  return { title, unit, xAxis: 'seconds', x, series };
}
