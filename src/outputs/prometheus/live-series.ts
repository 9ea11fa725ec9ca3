import type { ResolvedRun } from '../../config/types.js';
import type { IntervalPoint } from '../../core/result.js';
import type { HdrHistogram } from '../../metrics/hdr-histogram.js';
import { SeriesStore, type StoredSeries } from '../../metrics/series-store.js';
import type { ThresholdResult } from '../../metrics/threshold-types.js';
import type { LiveState } from '../types.js';
import { MICROSECONDS_PER_SECOND } from './bucket-values.js';
import {
  labelsOf,
  metricHelp,
  promName,
  TREND_STATS,
  type TrendStat,
  trendStatName,
} from './metric-names.js';
import type { Labels, PromSeries } from './types.js';

/** launchday's own series: what the rehearsal dashboard reads beside k6's. */
const OWN_HELP = {
  launchday_target_rate:
    'The planned arrival rate now (iterations/s; for VU executors the planned VUs).',
  launchday_iterations_started_total:
    'Iterations started: the achieved arrival rate is its rate().',
  launchday_iterations_in_flight: 'Iterations running at the end of the second.',
  launchday_threshold_ok: '1 while the threshold holds, 0 while it fails.',
  launchday_run_active: '1 every second while the run goes.',
} as const;

/** A workload's state for its gauges and its started counter. */
interface WorkloadTotals {
  target: number;
  started: number;
  inFlight: number;
}

/**
 * The run's metrics as Prometheus series, kept up to date second by second from what the engine
 * hands outputs ({@link add}): every launchday series under k6's remote-write name (counters
 * summed over the run, rates as passes over total so far, trends as the run's cumulative
 * histogram with p95, p99, min and max gauges in seconds, `k6_vus` and `k6_vus_max`), plus
 * launchday's own per-workload and threshold series. Every series carries `testid` (the run id
 * unless a test-wide tag sets it) and the test-wide tags. Both Prometheus outputs read it.
 */
export class LiveSeries {
  private readonly store = new SeriesStore();
  private readonly workloads = new Map<string, WorkloadTotals>();
  private thresholds: readonly ThresholdResult[] = [];
  private readonly runLabels: Labels;
  private readonly ownLabels: Labels;

  /** For the run `runId`: its test-wide tags and its workloads (names and tags) from `run`. */
  constructor(runId: string, run: Pick<ResolvedRun, 'tags' | 'workloads'>) {
    this.runLabels = { testid: runId };
    this.ownLabels = labelsOf(run.tags, this.runLabels);
    // A workload that never drops has no dropped_iterations series: start each at 0 (with the
    // tags the engine gives it), so "dropped" panels show 0 rather than no data.
    this.store.mergeInterval(
      run.workloads.map((workload) => ({
        metric: 'dropped_iterations',
        tags: { ...run.tags, ...workload.tags, scenario: workload.name },
        kind: 'counter',
        count: 0,
      })),
    );
  }

  /** Merges one second: its series deltas, workload states and thresholds. Called in order. */
  add(point: IntervalPoint, live: LiveState): void {
    this.store.mergeInterval(live.series);
    for (const [name, workload] of Object.entries(point.workloads)) {
      const totals = this.workloads.get(name) ?? { target: 0, started: 0, inFlight: 0 };
      totals.target = workload.target;
      totals.started += workload.started;
      totals.inFlight = workload.inFlight;
      this.workloads.set(name, totals);
    }
    this.thresholds = live.thresholds;
  }

  /** Every series with its value now; `running` adds `launchday_run_active` = 1. */
  current(running: boolean): PromSeries[] {
    const series: PromSeries[] = [];
    for (const stored of this.store.all()) series.push(...this.metricSeries(stored));
    series.push(...this.workloadSeries(), ...this.thresholdSeries());
    if (running)
      series.push(gauge('launchday_run_active', OWN_HELP.launchday_run_active, this.ownLabels, 1));
    return series;
  }

  private metricSeries({ metric, tags, sink }: StoredSeries): PromSeries[] {
    const labels = labelsOf(tags, this.runLabels);
    const help = metricHelp(metric);
    switch (sink.kind) {
      case 'counter':
        return [counter(promName(metric, 'counter'), help, labels, sink.count)];
      case 'rate':
        return sink.total === 0
          ? []
          : [gauge(promName(metric, 'rate'), help, labels, sink.passes / sink.total)];
      case 'gauge':
        return [
          gauge(promName(metric, 'gauge'), help, labels, sink.value),
          ...(metric === 'vus'
            ? [gauge('k6_vus_max', 'The most VUs active at once so far.', labels, sink.max)]
            : []),
        ];
      case 'trend':
        return sink.histogram.count === 0 ? [] : trendSeries(metric, help, labels, sink.histogram);
    }
  }

  private workloadSeries(): PromSeries[] {
    return [...this.workloads].flatMap(([scenario, totals]) => {
      const labels = { ...this.ownLabels, scenario };
      return [
        gauge('launchday_target_rate', OWN_HELP.launchday_target_rate, labels, totals.target),
        counter(
          'launchday_iterations_started_total',
          OWN_HELP.launchday_iterations_started_total,
          labels,
          totals.started,
        ),
        gauge(
          'launchday_iterations_in_flight',
          OWN_HELP.launchday_iterations_in_flight,
          labels,
          totals.inFlight,
        ),
      ];
    });
  }

  private thresholdSeries(): PromSeries[] {
    return this.thresholds.map((threshold) =>
      gauge(
        'launchday_threshold_ok',
        OWN_HELP.launchday_threshold_ok,
        { ...this.ownLabels, metric: threshold.key, threshold: threshold.expression },
        threshold.ok ? 1 : 0,
      ),
    );
  }
}

function gauge(name: string, help: string, labels: Labels, value: number): PromSeries {
  return { type: 'gauge', name, help, labels, value };
}

function counter(name: string, help: string, labels: Labels, value: number): PromSeries {
  return { type: 'counter', name, help, labels, value };
}

/** A trend's cumulative histogram and its statistics' gauges, in seconds. */
function trendSeries(
  metric: string,
  help: string,
  labels: Labels,
  histogram: HdrHistogram,
): PromSeries[] {
  const stats: Record<TrendStat, number> = {
    p95: histogram.percentile(95),
    p99: histogram.percentile(99),
    min: histogram.min,
    max: histogram.max,
  };
  return [
    { type: 'histogram', name: promName(metric, 'trend'), help, labels, histogram },
    ...TREND_STATS.map((stat) =>
      gauge(
        trendStatName(metric, stat),
        `${help} (${stat}, seconds)`,
        labels,
        stats[stat] / MICROSECONDS_PER_SECOND,
      ),
    ),
  ];
}
