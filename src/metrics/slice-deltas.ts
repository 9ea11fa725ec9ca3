import type { RunSlices } from '../core/result.js';
import { HdrHistogram } from './hdr-histogram.js';
import type { SeriesDelta } from './types.js';

/**
 * What the series of `slices` recorded in second `second`, as the deltas a worker would have
 * sent for it: the reverse of {@link SliceRecorder}, so a saved run's seconds can be merged
 * again (`launchday merge`) by the code that merged them live. Series that recorded nothing in
 * that second are left out; a second past the end gives none.
 */
export function sliceDeltasAt(slices: RunSlices, second: number): SeriesDelta[] {
  const deltas: SeriesDelta[] = [];
  if (second < 0 || second >= slices.count) return deltas;
  for (const series of slices.series) {
    const { metric, tags } = series;
    if (series.kind === 'trend') {
      const encoded = series.histograms[second];
      if (encoded === null || encoded === undefined) continue;
      const histogram = HdrHistogram.decode(encoded).toTransfer();
      deltas.push({ metric, tags, kind: 'trend', histogram });
    } else if (series.kind === 'counter') {
      const count = series.counts[second] ?? 0;
      if (count !== 0) deltas.push({ metric, tags, kind: 'counter', count });
    } else {
      const total = series.totals[second] ?? 0;
      if (total !== 0)
        deltas.push({ metric, tags, kind: 'rate', passes: series.passes[second] ?? 0, total });
    }
  }
  return deltas;
}
