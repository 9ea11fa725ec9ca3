import { HdrHistogram } from './hdr-histogram.js';
import type { MetricKind, SeriesDelta, Tags } from './types.js';

/** The run-long aggregate of one series. */
export type SeriesSink =
  | { kind: 'trend'; histogram: HdrHistogram }
  | { kind: 'counter'; count: number }
  | { kind: 'rate'; passes: number; total: number }
  | { kind: 'gauge'; value: number; max: number };

/** One series of the store: a metric, its tags and its aggregate. */
export interface StoredSeries {
  readonly metric: string;
  readonly tags: Tags;
  readonly sink: SeriesSink;
}

/**
 * Every series of a run, keyed by metric and tags, merged from the workers' interval deltas.
 * Lives in the main thread; its size depends on the number of series, not the run's length.
 */
export class SeriesStore {
  private readonly byKey = new Map<string, StoredSeries>();

  /**
   * Merges one interval's deltas (from all workers). Gauges of the same series are summed
   * across the deltas of the interval, then replace the previous value.
   */
  mergeInterval(deltas: readonly SeriesDelta[]): void {
    const gauges = new Map<StoredSeries, number>();
    for (const delta of deltas) {
      const series = this.seriesFor(delta.metric, delta.tags, delta.kind);
      if (delta.kind === 'gauge') gauges.set(series, (gauges.get(series) ?? 0) + delta.value);
      else mergeDelta(series.sink, delta);
    }
    for (const [series, value] of gauges) {
      const sink = series.sink as Extract<SeriesSink, { kind: 'gauge' }>;
      sink.value = value;
      sink.max = Math.max(sink.max, value);
    }
  }

  /** Every series of `metric` whose tags include all of `filter`. */
  *matching(metric: string, filter: Tags = {}): Generator<StoredSeries> {
    for (const series of this.byKey.values()) {
      if (series.metric === metric && includesTags(series.tags, filter)) yield series;
    }
  }

  /** Every series, in insertion order. */
  all(): IterableIterator<StoredSeries> {
    return this.byKey.values();
  }

  private seriesFor(metric: string, tags: Tags, kind: MetricKind): StoredSeries {
    const key = seriesKey(metric, tags);
    let series = this.byKey.get(key);
    if (series === undefined) {
      series = { metric, tags, sink: emptySink(kind) };
      this.byKey.set(key, series);
    }
    return series;
  }
}

/** The identity of a series: its metric and its tags in name order. */
export function seriesKey(metric: string, tags: Tags): string {
  const names = Object.keys(tags).sort();
  return `${metric}{${names.map((name) => `${name}=${tags[name]}`).join(',')}}`;
}

/** True when `tags` has every name and value of `filter`. */
export function includesTags(tags: Tags, filter: Tags): boolean {
  for (const name in filter) if (tags[name] !== filter[name]) return false;
  return true;
}

function emptySink(kind: MetricKind): SeriesSink {
  switch (kind) {
    case 'trend':
      return { kind, histogram: new HdrHistogram() };
    case 'counter':
      return { kind, count: 0 };
    case 'rate':
      return { kind, passes: 0, total: 0 };
    case 'gauge':
      return { kind, value: 0, max: 0 };
  }
}

function mergeDelta(sink: SeriesSink, delta: SeriesDelta): void {
  if (sink.kind === 'trend' && delta.kind === 'trend') {
    sink.histogram.add(HdrHistogram.fromTransfer(delta.histogram));
  } else if (sink.kind === 'counter' && delta.kind === 'counter') {
    sink.count += delta.count;
  } else if (sink.kind === 'rate' && delta.kind === 'rate') {
    sink.passes += delta.passes;
    sink.total += delta.total;
  } else {
    throw new Error(`metric ${delta.metric} recorded as both ${sink.kind} and ${delta.kind}`);
  }
}
