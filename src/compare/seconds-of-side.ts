/**
 * A side's seconds as the block bootstrap resamples them: for one selector, the per-second
 * samples of every run of the side (from result.json's `slices`), one after the other, and the
 * selector's statistic over any pick of those seconds.
 */
import type { RunResult, SliceSeries } from '../core/result.js';
import { HdrHistogram } from '../metrics/hdr-histogram.js';
import { includesTags } from '../metrics/series-store.js';
import type { Aggregation } from '../metrics/threshold-types.js';
import type { BootstrapSide } from './stats/bootstrap.js';
import type { MetricSelector } from './types.js';

/** Why a side's seconds cannot be resampled for a selector, as a sentence; or its seconds. */
export type SecondsOutcome =
  | { readonly ok: true; readonly a: BootstrapSide; readonly b: BootstrapSide }
  | { readonly ok: false; readonly reason: string };

/**
 * Both sides' seconds for `selector`, ready for {@link blockChange}: `a` the baseline's runs,
 * `b` the candidate's. Not ok when a run has no slices (written before result version 3) or the
 * metric is a gauge, which slices do not keep.
 */
export function secondsOfSides(
  a: readonly RunResult[],
  b: readonly RunResult[],
  selector: MetricSelector,
): SecondsOutcome {
  const missing = [...a, ...b].find((result) => result.slices === null);
  if (missing !== undefined)
    return {
      ok: false,
      reason: `run ${missing.runId} keeps no per-second slices (result.json before version 3); run it again`,
    };
  const kinds = new Set(
    [...a, ...b].flatMap((result) => matching(result, selector).map((s) => s.kind)),
  );
  if (kinds.size === 0) return { ok: false, reason: 'neither side has data for it' };
  const kind = [...kinds][0]!;
  if (kind === 'trend') return trendSides(a, b, selector);
  if (kind === 'rate') return { ok: true, a: rateSide(a, selector), b: rateSide(b, selector) };
  return { ok: true, a: counterSide(a, selector), b: counterSide(b, selector) };
}

function matching(result: RunResult, { metric, filter }: MetricSelector): SliceSeries[] {
  return (result.slices?.series ?? []).filter(
    (series) => series.metric === metric && includesTags(series.tags, filter),
  );
}

/** Per second of the side's runs in order: `read(series, second)` summed over matching series. */
function sumPerSecond(
  results: readonly RunResult[],
  selector: MetricSelector,
  read: (series: SliceSeries, second: number) => number,
): number[] {
  return results.flatMap((result) => {
    const series = matching(result, selector);
    return Array.from({ length: result.slices?.count ?? 0 }, (_, second) =>
      series.reduce((sum, s) => sum + read(s, second), 0),
    );
  });
}

function rateSide(results: readonly RunResult[], selector: MetricSelector): BootstrapSide {
  const passes = sumPerSecond(results, selector, (s, i) => (s.kind === 'rate' ? s.passes[i]! : 0));
  const totals = sumPerSecond(results, selector, (s, i) => (s.kind === 'rate' ? s.totals[i]! : 0));
  return {
    size: passes.length,
    statistic: (picks) => {
      let pass = 0;
      let total = 0;
      for (const i of picks) {
        pass += passes[i]!;
        total += totals[i]!;
      }
      return total === 0 ? Number.NaN : pass / total;
    },
  };
}

/** A counter's `count` over the picked seconds, or its `rate`: per second of them. */
function counterSide(results: readonly RunResult[], selector: MetricSelector): BootstrapSide {
  const counts = sumPerSecond(results, selector, (s, i) =>
    s.kind === 'counter' ? s.counts[i]! : 0,
  );
  const perRun = selector.aggregation.method === 'count' ? results.length : 0;
  return {
    size: counts.length,
    statistic: (picks) => {
      let sum = 0;
      for (const i of picks) sum += counts[i]!;
      // A count is per run: the picked seconds stand for `results.length` runs' worth.
      return perRun > 0 ? sum / perRun : sum / picks.length;
    },
  };
}

/**
 * Trends: each second's merged histogram becomes sparse (bucket, count) pairs on one grid of
 * bucket values shared by both sides, so a resample adds counts and scans the grid once.
 */
function trendSides(
  a: readonly RunResult[],
  b: readonly RunResult[],
  selector: MetricSelector,
): SecondsOutcome {
  const secondsA = histogramsPerSecond(a, selector);
  const secondsB = histogramsPerSecond(b, selector);
  const grid = new BucketGrid([...secondsA, ...secondsB]);
  return {
    ok: true,
    a: grid.side(secondsA, selector.aggregation, a.length),
    b: grid.side(secondsB, selector.aggregation, b.length),
  };
}

function histogramsPerSecond(
  results: readonly RunResult[],
  selector: MetricSelector,
): HdrHistogram[] {
  return results.flatMap((result) => {
    const series = matching(result, selector);
    return Array.from({ length: result.slices?.count ?? 0 }, (_, second) => {
      const merged = new HdrHistogram();
      for (const s of series) {
        const encoded = s.kind === 'trend' ? s.histograms[second] : null;
        if (encoded) merged.add(HdrHistogram.decode(encoded));
      }
      return merged;
    });
  });
}

/** The distinct buckets of a set of histograms, in increasing order, in milliseconds. */
class BucketGrid {
  private readonly index = new Map<number, number>();
  private readonly lowestMs: number[] = [];
  private readonly highestMs: number[] = [];

  constructor(histograms: readonly HdrHistogram[]) {
    const buckets = new Map<number, number>();
    for (const histogram of histograms)
      histogram.forEachBucket((lowest, highest) => buckets.set(lowest, highest));
    for (const lowest of [...buckets.keys()].sort((x, y) => x - y)) {
      this.index.set(lowest, this.lowestMs.length);
      this.lowestMs.push(lowest / 1000);
      this.highestMs.push(buckets.get(lowest)! / 1000);
    }
  }

  /**
   * A side of seconds on this grid, with the trend `aggregation` as its statistic; a `count` is
   * per run, over the side's `runs`.
   */
  side(seconds: readonly HdrHistogram[], aggregation: Aggregation, runs: number): BootstrapSide {
    const sparse = seconds.map((histogram) => {
      const at: number[] = [];
      const counts: number[] = [];
      histogram.forEachBucket((lowest, _highest, count) => {
        at.push(this.index.get(lowest)!);
        counts.push(count);
      });
      return { at, counts };
    });
    const totals = new Float64Array(this.lowestMs.length);
    return {
      size: seconds.length,
      statistic: (picks) => {
        totals.fill(0);
        for (const i of picks) {
          const { at, counts } = sparse[i]!;
          for (let k = 0; k < at.length; k++) totals[at[k]!]! += counts[k]!;
        }
        const value = this.aggregate(totals, aggregation);
        return aggregation.method === 'count' ? value / runs : value;
      },
    };
  }

  /** The aggregation of bucket `totals`, as HdrHistogram computes it (NaN when empty). */
  private aggregate(totals: Float64Array, aggregation: Aggregation): number {
    let count = 0;
    let weighted = 0;
    let first = -1;
    let last = -1;
    for (let i = 0; i < totals.length; i++) {
      if (totals[i] === 0) continue;
      count += totals[i]!;
      weighted += (totals[i]! * (this.lowestMs[i]! + this.highestMs[i]!)) / 2;
      if (first === -1) first = i;
      last = i;
    }
    if (count === 0) return Number.NaN;
    switch (aggregation.method) {
      case 'p':
        return this.valueAtRank(
          totals,
          Math.max(1, Math.ceil((aggregation.percentile / 100) * count)),
        );
      case 'med':
        return this.valueAtRank(totals, Math.max(1, Math.ceil(0.5 * count)));
      case 'avg':
        return weighted / count;
      case 'min':
        return this.lowestMs[first]!;
      case 'max':
        return this.highestMs[last]!;
      default:
        return count;
    }
  }

  private valueAtRank(totals: Float64Array, rank: number): number {
    let seen = 0;
    for (let i = 0; i < totals.length; i++) {
      seen += totals[i]!;
      if (seen >= rank) return this.highestMs[i]!;
    }
    return this.highestMs[this.highestMs.length - 1]!;
  }
}
