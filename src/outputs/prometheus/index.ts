export { CLASSIC_BUCKETS, toClassicBuckets } from './classic-histogram.js';
export { LiveSeries } from './live-series.js';
export { promName, TREND_STATS, trendStatName } from './metric-names.js';
export {
  NATIVE_SCHEMA,
  NATIVE_ZERO_THRESHOLD,
  nativeBucketIndex,
  nativeBucketUpperBound,
  toNativeHistogram,
} from './native-histogram.js';
export {
  PrometheusRemoteWriteOutput,
  prometheusRemoteWrite,
  type RemoteWriteOptions,
} from './remote-write-output.js';
export { PrometheusScrapeOutput, prometheusScrape, type ScrapeOptions } from './scrape-output.js';
export { renderTextFormat, TEXT_FORMAT_CONTENT_TYPE } from './text-format.js';
export type { BucketSpan, ClassicBucket, Labels, NativeHistogram, PromSeries } from './types.js';
export {
  decodeWriteRequest,
  encodeStaleMarkers,
  encodeWriteRequest,
  REMOTE_WRITE_HEADERS,
  STALE_NAN_BITS,
  type WriteSeries,
} from './write-request.js';
