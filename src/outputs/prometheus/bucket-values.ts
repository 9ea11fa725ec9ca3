import type { HdrHistogram } from '../../metrics/hdr-histogram.js';

/**
 * launchday's histograms record microseconds, Prometheus wants seconds. Dividing by this (rather
 * than multiplying by 1e-6) gives the double nearest to the exact value, so 2500 µs is exactly
 * the bucket bound 0.0025.
 */
export const MICROSECONDS_PER_SECOND = 1e6;

/**
 * Calls `visit` for each non-empty bucket of `histogram` in increasing order with one value
 * standing for the bucket's observations, in seconds, and their count. The value is the bucket's
 * middle kept within the histogram's exact min and max: exact below 2048 µs, where HDR buckets
 * hold one value each, and within 0.05 % above. Both Prometheus outputs re-bucket through here.
 */
export function forEachBucketValue(
  histogram: HdrHistogram,
  visit: (seconds: number, count: number) => void,
): void {
  const { min, max } = histogram;
  histogram.forEachBucket((lowest, highest, count) => {
    const middle = Math.min(max, Math.max(min, (lowest + highest) / 2));
    visit(middle / MICROSECONDS_PER_SECOND, count);
  });
}
