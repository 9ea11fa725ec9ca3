import type { HdrHistogram } from '../../metrics/hdr-histogram.js';
import { forEachBucketValue } from './bucket-values.js';
import type { ClassicBucket } from './types.js';

/**
 * The `le` bounds (seconds) of the scraped classic histograms: 100 µs to 60 s, three per decade
 * (1, 2.5, 5) up to 10 s, then 30 s and 60 s. A superset of the feed service's own request
 * buckets, so the runner's and the target's latencies line up bucket for bucket on a panel.
 */
export const CLASSIC_BUCKETS: readonly number[] = Object.freeze([
  0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10,
  30, 60,
]);

/**
 * The cumulative classic buckets of a microsecond HDR histogram, one per bound of `bounds`
 * (seconds, increasing), without `+Inf` (that is the histogram's count). Each HDR bucket counts
 * under the first bound at or above its value (see {@link forEachBucketValue}).
 */
export function toClassicBuckets(
  histogram: HdrHistogram,
  bounds: readonly number[] = CLASSIC_BUCKETS,
): ClassicBucket[] {
  const counts = bounds.map(() => 0);
  let bound = 0;
  forEachBucketValue(histogram, (seconds, count) => {
    while (bound < bounds.length && seconds > bounds[bound]!) bound++;
    if (bound < bounds.length) counts[bound]! += count;
  });
  let cumulative = 0;
  return bounds.map((le, i) => {
    cumulative += counts[i]!;
    return { le, count: cumulative };
  });
}
