import type { HdrHistogram } from '../../metrics/hdr-histogram.js';
import { forEachBucketValue, MICROSECONDS_PER_SECOND } from './bucket-values.js';
import type { BucketSpan, NativeHistogram } from './types.js';

/**
 * The bucket schema of launchday's native histograms: 3, each power of two split into 8
 * buckets 2^(1/8) ≈ 9 % wide, so a quantile read from them is off by at most about 4.5 % of the
 * value (half a bucket; HDR's own error, 0.1 %, is far below). It is what a bucket factor of
 * 1.1 gives, the typical choice Prometheus' Go client documents, and it keeps the histograms
 * small: latencies from 100 µs to 60 s span 154 buckets, within the 160 that OpenTelemetry's
 * exponential histograms hold by default. Finer schemas would multiply the buckets sent every
 * second for a precision the HDR percentiles in result.json already give.
 */
export const NATIVE_SCHEMA = 3;

/**
 * The zero bucket's width, seconds: 2^−128, as Prometheus' clients use by default, so that it
 * holds exactly the zero observations (no connection time on a reused connection, no TLS on
 * plain HTTP) and merges with other producers' histograms without widening.
 */
export const NATIVE_ZERO_THRESHOLD = 2 ** -128;

/**
 * Converts a microsecond HDR histogram into a native histogram in seconds: each HDR bucket's
 * count goes to the native bucket holding its value (see {@link forEachBucketValue}), zeros to
 * the zero bucket; count and sum are the histogram's exact ones. Cumulative input gives a
 * cumulative (counter) histogram, as Prometheus expects. Called once a second per trend series
 * by the remote-write output; the cost is one pass over the HDR buckets.
 */
export function toNativeHistogram(
  histogram: HdrHistogram,
  schema: number = NATIVE_SCHEMA,
): NativeHistogram {
  const indexes: number[] = [];
  const counts: number[] = [];
  let zeroCount = 0;
  // HDR buckets come in increasing order, many to a native bucket: the logarithm is taken once
  // per native bucket, not once per HDR bucket.
  let upperBound = Number.NEGATIVE_INFINITY;
  forEachBucketValue(histogram, (seconds, count) => {
    if (seconds <= NATIVE_ZERO_THRESHOLD) {
      zeroCount += count;
    } else if (seconds <= upperBound) {
      counts[counts.length - 1]! += count;
    } else {
      const index = nativeBucketIndex(seconds, schema);
      upperBound = nativeBucketUpperBound(index, schema);
      indexes.push(index);
      counts.push(count);
    }
  });
  return {
    count: histogram.count,
    sum: histogram.sum / MICROSECONDS_PER_SECOND,
    schema,
    zeroThreshold: NATIVE_ZERO_THRESHOLD,
    zeroCount,
    ...spansAndDeltas(indexes, counts),
  };
}

/**
 * The index of the native bucket of `schema` (0–8) holding `value` (> 0): the i with
 * 2^((i−1)/2^schema) < value ≤ 2^(i/2^schema). Exact at the boundaries, whatever the rounding
 * of the logarithm.
 */
export function nativeBucketIndex(value: number, schema: number): number {
  // `+ 0`: Math.ceil gives -0 for values just below 1; callers should only ever see 0.
  let index = Math.ceil(Math.log2(value) * 2 ** schema) + 0;
  if (value > nativeBucketUpperBound(index, schema)) index++;
  else if (value <= nativeBucketUpperBound(index - 1, schema)) index--;
  return index;
}

/** The upper bound (inclusive) of native bucket `index` of `schema`: 2^(index/2^schema). */
export function nativeBucketUpperBound(index: number, schema: number): number {
  return 2 ** (index / 2 ** schema);
}

/** Spans of consecutive indexes (the first offset absolute, the next ones gaps) and deltas. */
function spansAndDeltas(
  indexes: readonly number[],
  counts: readonly number[],
): { positiveSpans: BucketSpan[]; positiveDeltas: number[] } {
  const spans: { offset: number; length: number }[] = [];
  const deltas: number[] = [];
  let previous: number | undefined;
  indexes.forEach((index, i) => {
    const last = spans.at(-1);
    if (last !== undefined && previous !== undefined && index === previous + 1) last.length++;
    else spans.push({ offset: previous === undefined ? index : index - previous - 1, length: 1 });
    deltas.push(counts[i]! - (i === 0 ? 0 : counts[i - 1]!));
    previous = index;
  });
  return { positiveSpans: spans, positiveDeltas: deltas };
}
