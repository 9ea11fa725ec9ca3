import type { IntervalPoint, RunResult, WorkloadPoint } from '../../core/result.js';
import { loadModels } from '../workload-stats.js';
import type { ChartGroup, ChartSeries, ChartSpec } from './types.js';

/** A chart before it is numbered: the page gives ids in order. */
type ChartDraft = Omit<ChartSpec, 'id' | 'x'>;

const NO_INTERVALS = 'The run recorded no per-second data.';

/**
 * The report's charts from the run's per-second points, grouped as the page shows them: the
 * achieved vs planned rate of each workload, latency percentiles per request name, failed
 * requests by error class, and iterations in flight and dropped. Chart ids are `chart-<n>` in
 * page order. Seconds without data for a series are null (a gap), not zero.
 */
export function buildChartGroups(result: RunResult): ChartGroup[] {
  const { intervals } = result;
  const workloads = workloadNames(intervals);
  const names = requestNames(result);
  const groups: { title: string; emptyNote: string; drafts: ChartDraft[] }[] = [
    {
      title: 'Arrival rate: achieved vs target',
      emptyNote: NO_INTERVALS,
      drafts: workloads.map((name) => workloadChart(result, name)),
    },
    {
      title: 'Latency by request name',
      emptyNote: names.length === 0 ? 'The run made no request.' : NO_INTERVALS,
      drafts: names.map((name) => latencyChart(intervals, name)),
    },
    { title: 'Errors by class', emptyNote: NO_INTERVALS, drafts: [errorChart(intervals)] },
    {
      title: 'Iterations in flight and dropped',
      emptyNote: NO_INTERVALS,
      drafts: [iterationChart(intervals, workloads)],
    },
  ];
  const x = intervals.map((point) => point.t);
  let count = 0;
  return groups.map(({ title, emptyNote, drafts }) => ({
    title,
    emptyNote,
    charts:
      intervals.length === 0
        ? []
        : drafts.map((draft) => ({ id: `chart-${++count}`, x, ...draft })),
  }));
}

/** A request name as the report shows it: the empty name is `(unnamed)`, as in the terminal. */
export function displayName(name: string): string {
  return name === '' ? '(unnamed)' : name;
}

function workloadChart(result: RunResult, name: string): ChartDraft {
  const model = loadModels(result.config).get(name);
  const values = (pick: (w: WorkloadPoint) => number) =>
    workloadValues(result.intervals, name, pick);
  if (model === 'vus') {
    return {
      title: `${name}: VUs and iterations started`,
      unit: 'VUs, iterations/s',
      series: [
        line(
          'target VUs',
          values((w) => w.target),
          true,
        ),
        line(
          'active VUs',
          values((w) => w.vus),
        ),
        line(
          'iterations started/s',
          values((w) => w.started),
        ),
      ],
    };
  }
  return {
    title: `${name}: iterations started per second`,
    unit: 'iterations/s',
    series: [
      line(
        'target',
        values((w) => w.target),
        true,
      ),
      line(
        'achieved',
        values((w) => w.started),
      ),
    ],
  };
}

function latencyChart(intervals: readonly IntervalPoint[], name: string): ChartDraft {
  const stat = (key: 'p50' | 'p95' | 'p99' | 'max') =>
    line(
      key,
      intervals.map((point) => {
        const entry = point.byName[name];
        return entry === undefined || entry.requests === 0 ? null : entry[key];
      }),
    );
  return {
    title: `${displayName(name)}: latency`,
    unit: 'ms',
    series: [stat('p50'), stat('p95'), stat('p99'), stat('max')],
  };
}

function errorChart(intervals: readonly IntervalPoint[]): ChartDraft {
  const classes = firstSeen(intervals.map((point) => Object.keys(point.errors)));
  return {
    title: 'Failed requests per second by error class',
    unit: 'requests/s',
    series: [
      line(
        'all failed',
        intervals.map((point) => point.failed),
      ),
      ...classes.map((errorClass) =>
        line(
          errorClass,
          intervals.map((point) => point.errors[errorClass] ?? 0),
        ),
      ),
    ],
  };
}

function iterationChart(intervals: readonly IntervalPoint[], workloads: string[]): ChartDraft {
  return {
    title: 'Iterations in flight (end of second) and dropped (per second)',
    unit: 'iterations',
    series: workloads.flatMap((name) => [
      line(
        `${name} in flight`,
        workloadValues(intervals, name, (w) => w.inFlight),
      ),
      line(
        `${name} dropped`,
        workloadValues(intervals, name, (w) => w.dropped),
      ),
    ]),
  };
}

/** One figure of workload `name` per second; null in seconds where the workload was not active. */
function workloadValues(
  intervals: readonly IntervalPoint[],
  name: string,
  pick: (w: WorkloadPoint) => number,
): (number | null)[] {
  return intervals.map((point) => {
    const w = point.workloads[name];
    return w === undefined ? null : pick(w);
  });
}

function line(label: string, values: (number | null)[], dashed = false): ChartSeries {
  return { label, values, dashed };
}

function workloadNames(intervals: readonly IntervalPoint[]): string[] {
  return firstSeen(intervals.map((point) => Object.keys(point.workloads)));
}

/** The names of the request table, then any that only the per-second points know. */
function requestNames(result: RunResult): string[] {
  return firstSeen([
    result.summary.requests.map((row) => row.name),
    ...result.intervals.map((point) => Object.keys(point.byName)),
  ]);
}

function firstSeen(lists: readonly string[][]): string[] {
  return [...new Set(lists.flat())];
}
