import type { RunSlices, SliceSeries } from '../core/result.js';
import { HdrHistogram } from './hdr-histogram.js';
import { seriesKey } from './series-store.js';
import type { SeriesDelta } from './types.js';

/** One second of one series, merged over the workers. */
type SecondValue =
  | { kind: 'trend'; histogram: HdrHistogram }
  | { kind: 'counter'; count: number }
  | { kind: 'rate'; passes: number; total: number };

/**
 * Keeps every trend, counter and rate series second by second for result.json `slices`, which
 * `compare` resamples. Fed once per interval, in order, with the interval's deltas from every
 * worker (with their final tags, as `RunMetrics.latestSeries` has them); each trend's
 * second is encoded at once, so what it holds is the encoded result, not live histograms.
 * Seconds a series missed (it appeared late, recorded nothing, or an interval never arrived)
 * hold null (trends) or 0.
 */
export class SliceRecorder {
  private readonly byKey = new Map<string, SliceSeries>();
  private count = 0;

  /**
   * Records interval `index` (covering [index, index + 1) s): `deltas` are those of every
   * worker, merged here per series. Gauges are left out. Indexes arrive in order, but a gap is
   * padded, and a late interval (a worker's snapshot after its second was handed on) is added
   * to the second it belongs to.
   */
  add(index: number, deltas: readonly SeriesDelta[]): void {
    if (!Number.isInteger(index) || index < 0)
      throw new RangeError(`slice index ${index} is not a whole number >= 0`);
    for (const [key, { delta, value }] of mergeByKey(deltas)) {
      const series = this.seriesFor(key, delta, value.kind);
      if (series.kind !== value.kind)
        throw new Error(`metric ${delta.metric} recorded as both ${series.kind} and ${value.kind}`);
      pad(series, index + 1);
      addAt(series, index, value);
    }
    this.count = Math.max(this.count, index + 1);
  }

  /** The slices so far: every series padded to the same number of seconds. */
  toSlices(): RunSlices {
    const series = [...this.byKey.values()].map((entry) => {
      const copy = copyOf(entry);
      pad(copy, this.count);
      return copy;
    });
    return { count: this.count, series };
  }

  private seriesFor(key: string, delta: SeriesDelta, kind: SecondValue['kind']): SliceSeries {
    let series = this.byKey.get(key);
    if (series === undefined) {
      const identity = { metric: delta.metric, tags: { ...delta.tags } };
      series =
        kind === 'trend'
          ? { ...identity, kind, histograms: [] }
          : kind === 'counter'
            ? { ...identity, kind, counts: [] }
            : { ...identity, kind, passes: [], totals: [] };
      this.byKey.set(key, series);
    }
    return series;
  }
}

/** The non-gauge deltas of one interval merged per series key, with the first delta of each. */
function mergeByKey(
  deltas: readonly SeriesDelta[],
): Map<string, { delta: SeriesDelta; value: SecondValue }> {
  const merged = new Map<string, { delta: SeriesDelta; value: SecondValue }>();
  for (const delta of deltas) {
    if (delta.kind === 'gauge') continue;
    const key = seriesKey(delta.metric, delta.tags);
    const entry = merged.get(key);
    if (entry === undefined) merged.set(key, { delta, value: secondOf(delta) });
    else mergeInto(entry.value, delta);
  }
  return merged;
}

function secondOf(delta: Exclude<SeriesDelta, { kind: 'gauge' }>): SecondValue {
  switch (delta.kind) {
    case 'trend':
      return { kind: 'trend', histogram: HdrHistogram.fromTransfer(delta.histogram) };
    case 'counter':
      return { kind: 'counter', count: delta.count };
    case 'rate':
      return { kind: 'rate', passes: delta.passes, total: delta.total };
  }
}

function mergeInto(value: SecondValue, delta: Exclude<SeriesDelta, { kind: 'gauge' }>): void {
  if (value.kind === 'trend' && delta.kind === 'trend') {
    value.histogram.add(HdrHistogram.fromTransfer(delta.histogram));
  } else if (value.kind === 'counter' && delta.kind === 'counter') {
    value.count += delta.count;
  } else if (value.kind === 'rate' && delta.kind === 'rate') {
    value.passes += delta.passes;
    value.total += delta.total;
  } else {
    throw new Error(`metric ${delta.metric} recorded as both ${value.kind} and ${delta.kind}`);
  }
}

/** Fills `series` with empty seconds up to (not including) second `length`. */
function pad(series: SliceSeries, length: number): void {
  switch (series.kind) {
    case 'trend':
      while (series.histograms.length < length) series.histograms.push(null);
      return;
    case 'counter':
      while (series.counts.length < length) series.counts.push(0);
      return;
    case 'rate':
      while (series.passes.length < length) series.passes.push(0);
      while (series.totals.length < length) series.totals.push(0);
  }
}

/** Adds `value` to second `index` of `series`, which is padded that far. */
function addAt(series: SliceSeries, index: number, value: SecondValue): void {
  if (series.kind === 'trend' && value.kind === 'trend') {
    const earlier = series.histograms[index];
    if (earlier != null) value.histogram.add(HdrHistogram.decode(earlier));
    series.histograms[index] = value.histogram.count > 0 ? value.histogram.encode() : null;
  } else if (series.kind === 'counter' && value.kind === 'counter') {
    series.counts[index]! += value.count;
  } else if (series.kind === 'rate' && value.kind === 'rate') {
    series.passes[index]! += value.passes;
    series.totals[index]! += value.total;
  }
}

function copyOf(series: SliceSeries): SliceSeries {
  const identity = { metric: series.metric, tags: { ...series.tags } };
  switch (series.kind) {
    case 'trend':
      return { ...identity, kind: 'trend', histograms: [...series.histograms] };
    case 'counter':
      return { ...identity, kind: 'counter', counts: [...series.counts] };
    case 'rate':
      return { ...identity, kind: 'rate', passes: [...series.passes], totals: [...series.totals] };
  }
}
