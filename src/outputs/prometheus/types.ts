import type { HdrHistogram } from '../../metrics/hdr-histogram.js';

/** The labels of one Prometheus series, without `__name__`; names match `[a-zA-Z_][a-zA-Z0-9_]*`. */
export type Labels = Readonly<Record<string, string>>;

/**
 * One series as both Prometheus outputs expose it, with its run-long value now: counters and
 * gauges as a number, histograms as the cumulative HDR histogram of the run (in microseconds,
 * live: read it before the next second is merged). `help` is the metric's one-line description.
 */
export type PromSeries =
  | {
      readonly type: 'counter' | 'gauge';
      readonly name: string;
      readonly help: string;
      readonly labels: Labels;
      readonly value: number;
    }
  | {
      readonly type: 'histogram';
      readonly name: string;
      readonly help: string;
      readonly labels: Labels;
      readonly histogram: HdrHistogram;
    };

/** A bucket span of a native histogram: `offset` empty buckets skipped, then `length` buckets. */
export interface BucketSpan {
  readonly offset: number;
  readonly length: number;
}

/**
 * A Prometheus native histogram with integer counts and positive buckets only (latencies are
 * never negative), as remote write carries it: bucket i of `schema` s covers
 * (2^((i−1)/2^s), 2^(i/2^s)] seconds; values at or below `zeroThreshold` count in the zero bucket.
 */
export interface NativeHistogram {
  readonly count: number;
  /** Sum of the observations, seconds. */
  readonly sum: number;
  readonly schema: number;
  readonly zeroThreshold: number;
  readonly zeroCount: number;
  readonly positiveSpans: readonly BucketSpan[];
  /** Each bucket's count minus the previous bucket's (the first minus 0), in span order. */
  readonly positiveDeltas: readonly number[];
}

/** One bucket of a classic Prometheus histogram: observations at or below `le` seconds. */
export interface ClassicBucket {
  readonly le: number;
  /** Cumulative: every observation up to `le`. */
  readonly count: number;
}
