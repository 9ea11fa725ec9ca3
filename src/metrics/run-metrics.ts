import type { IntervalPoint, MetricSummary, RequestSummary, SeriesResult } from '../core/result.js';
import { HdrHistogram } from './hdr-histogram.js';
import { buildIntervalPoint, latencyStats } from './interval-point.js';
import { SeriesStore, type StoredSeries } from './series-store.js';
import type { MetricAggregate, MetricSource } from './threshold-types.js';
import type { IntervalSnapshot, SeriesDelta, Tags } from './types.js';

/**
 * The run's metrics in the main thread: merges the workers' interval snapshots, answers
 * aggregates for thresholds and summaries, and keeps the per-second points. Test-wide tags
 * (`--tag`) are added to every series here, once, instead of on the hot path.
 */
export class RunMetrics implements MetricSource {
  private readonly store = new SeriesStore();
  private elapsedMs = 0;
  private intervalSeries: readonly SeriesDelta[] = [];

  constructor(private readonly testTags: Tags = {}) {}

  /**
   * The metrics of a saved run, to read its aggregates back (`compare`): its series (result.json
   * `series`) over `elapsedMs` of run time, for counter rates. A gauge's max is its last value.
   */
  static fromSeries(series: readonly SeriesResult[], elapsedMs: number): RunMetrics {
    const metrics = new RunMetrics();
    metrics.store.mergeInterval(series.map(toDelta));
    metrics.elapsedMs = elapsedMs;
    return metrics;
  }

  /**
   * The series deltas of the last {@link addInterval}, from every worker, with the test-wide
   * tags: what live outputs (Prometheus) receive each second. Empty before the first interval.
   */
  get latestSeries(): readonly SeriesDelta[] {
    return this.intervalSeries;
  }

  /**
   * Merges the snapshots of interval `index` (one per worker that reported it) and returns its
   * per-second point. `elapsedMs` is the run time so far, for counter rates.
   */
  addInterval(
    index: number,
    snapshots: readonly IntervalSnapshot[],
    targets: Readonly<Record<string, number>>,
    elapsedMs: number,
  ): IntervalPoint {
    this.elapsedMs = elapsedMs;
    const tagged = snapshots.map((snapshot) => ({
      ...snapshot,
      series: snapshot.series.map((delta) => ({
        ...delta,
        tags: { ...this.testTags, ...delta.tags },
      })),
    }));
    this.intervalSeries = tagged.flatMap((snapshot) => snapshot.series);
    this.store.mergeInterval(this.intervalSeries);
    return buildIntervalPoint(index, tagged, targets);
  }

  /** Sets the run time that counter rates divide by (the last interval may be partial). */
  setElapsed(elapsedMs: number): void {
    this.elapsedMs = elapsedMs;
  }

  aggregate(metric: string, filter: Tags): MetricAggregate | undefined {
    if (metric === 'vus_max') return this.vusMax(filter);
    const series = [...this.store.matching(metric, filter)];
    const first = series[0];
    if (first === undefined) return undefined;
    switch (first.sink.kind) {
      case 'trend':
        return trendAggregate(series);
      case 'counter': {
        const count = sum(series, (s) => (s.sink.kind === 'counter' ? s.sink.count : 0));
        return {
          type: 'counter',
          count,
          rate: this.elapsedMs > 0 ? count / (this.elapsedMs / 1000) : 0,
        };
      }
      case 'rate': {
        const passes = sum(series, (s) => (s.sink.kind === 'rate' ? s.sink.passes : 0));
        const total = sum(series, (s) => (s.sink.kind === 'rate' ? s.sink.total : 0));
        return { type: 'rate', passes, total, rate: total > 0 ? passes / total : 0 };
      }
      case 'gauge': {
        const value = sum(series, (s) => (s.sink.kind === 'gauge' ? s.sink.value : 0));
        const max = sum(series, (s) => (s.sink.kind === 'gauge' ? s.sink.max : 0));
        return { type: 'gauge', value, min: 0, max };
      }
    }
  }

  /** The k6-style summary of `metric` (optionally a sub-metric), or undefined without data. */
  summarize(metric: string, filter: Tags = {}): MetricSummary | undefined {
    const aggregate = this.aggregate(metric, filter);
    if (aggregate === undefined) return undefined;
    switch (aggregate.type) {
      case 'trend': {
        const { count, avg, min, med, max } = aggregate;
        const p = (q: number) => aggregate.percentile(q);
        return {
          kind: 'trend',
          count,
          avg,
          min,
          med,
          max,
          p90: p(90),
          p95: p(95),
          p99: p(99),
          'p(99.9)': p(99.9),
        };
      }
      case 'counter':
        return { kind: 'counter', count: aggregate.count, rate: aggregate.rate };
      case 'rate':
        return {
          kind: 'rate',
          rate: aggregate.rate,
          passes: aggregate.passes,
          fails: aggregate.total - aggregate.passes,
        };
      case 'gauge':
        return { kind: 'gauge', value: aggregate.value, max: aggregate.max };
    }
  }

  /** One row per request name: counts, rate, latency percentiles and errors by class. */
  requestSummaries(): RequestSummary[] {
    const names = new Set<string>();
    for (const series of this.store.matching('http_reqs')) names.add(series.tags.name ?? '');
    return [...names].sort().map((name) => this.requestSummary(name));
  }

  /** Every check by workload and name, with how often it passed. */
  checkSeries(): { workload: string; name: string; passes: number; total: number }[] {
    const checks = new Map<
      string,
      { workload: string; name: string; passes: number; total: number }
    >();
    for (const { tags, sink } of this.store.matching('checks')) {
      if (sink.kind !== 'rate') continue;
      const workload = tags.scenario ?? '';
      const name = tags.check ?? '';
      const key = `${workload}\u0000${name}`;
      const entry = checks.get(key) ?? { workload, name, passes: 0, total: 0 };
      entry.passes += sink.passes;
      entry.total += sink.total;
      checks.set(key, entry);
    }
    return [...checks.values()];
  }

  /** Every series with its run-long aggregate, trends as HdrHistogram encodings. */
  seriesResults(): SeriesResult[] {
    return [...this.store.all()].map(({ metric, tags, sink }): SeriesResult => {
      const identity = { metric, tags: { ...tags } };
      if (sink.kind === 'trend')
        return { ...identity, kind: 'trend', histogram: sink.histogram.encode() };
      return { ...identity, ...sink };
    });
  }

  /** k6's `vus_max`: the most VUs active at once, from the `vus` gauge. */
  private vusMax(filter: Tags): MetricAggregate | undefined {
    const vus = this.aggregate('vus', filter);
    return vus?.type === 'gauge'
      ? { type: 'gauge', value: vus.max, min: 0, max: vus.max }
      : undefined;
  }

  private requestSummary(name: string): RequestSummary {
    const histogram = mergedHistogram([...this.store.matching('http_req_duration', { name })]);
    const errors: Record<string, number> = {};
    let count = 0;
    let failed = 0;
    for (const series of this.store.matching('http_req_failed', { name })) {
      if (series.sink.kind !== 'rate') continue;
      count += series.sink.total;
      failed += series.sink.passes;
      if (series.sink.passes === 0) continue;
      const errorClass = series.tags.error_class ?? 'unexpected_status';
      errors[errorClass] = (errors[errorClass] ?? 0) + series.sink.passes;
    }
    const rate = this.elapsedMs > 0 ? count / (this.elapsedMs / 1000) : 0;
    return {
      name,
      count,
      rate,
      ...latencyStats(histogram),
      'p99.9': histogram.percentile(99.9) / 1000,
      failed,
      errors,
    };
  }
}

function toDelta(series: SeriesResult): SeriesDelta {
  const { metric, tags } = series;
  switch (series.kind) {
    case 'trend':
      return {
        metric,
        tags,
        kind: 'trend',
        histogram: HdrHistogram.decode(series.histogram).toTransfer(),
      };
    case 'gauge':
      return { metric, tags, kind: 'gauge', value: series.value };
    default:
      return series;
  }
}

function trendAggregate(series: readonly StoredSeries[]): MetricAggregate {
  const histogram = mergedHistogram(series);
  const ms = (us: number) => us / 1000;
  return {
    type: 'trend',
    count: histogram.count,
    avg: ms(histogram.mean),
    min: histogram.count === 0 ? 0 : ms(histogram.min),
    max: ms(histogram.max),
    med: ms(histogram.percentile(50)),
    percentile: (p: number) => ms(histogram.percentile(p)),
  };
}

function mergedHistogram(series: readonly StoredSeries[]): HdrHistogram {
  const merged = new HdrHistogram();
  for (const { sink } of series) if (sink.kind === 'trend') merged.add(sink.histogram);
  return merged;
}

function sum(series: readonly StoredSeries[], value: (series: StoredSeries) => number): number {
  let total = 0;
  for (const s of series) total += value(s);
  return total;
}
