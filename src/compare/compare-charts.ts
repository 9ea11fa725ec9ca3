/**
 * What compare.html charts, from both sides' runs: per request name and for all requests, the
 * merged latency distribution of each side as percentile curves, and every run's per-second
 * series.
 */
import type { RunResult } from '../core/result.js';
import { HdrHistogram } from '../metrics/hdr-histogram.js';
import { requestNames } from './run-value.js';
import type { CompareCharts, PercentileCurve, RunSeconds } from './types.js';

/** The percentiles of a curve: the nines an HDR percentile plot spreads out, and the maximum. */
const CURVE_PERCENTILES = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];

/** The charts of a comparison of `baseline` and `candidate` runs. */
export function buildCharts(
  baseline: readonly RunResult[],
  candidate: readonly RunResult[],
): CompareCharts {
  const names = [null, ...requestNames([...baseline, ...candidate])];
  return {
    distributions: names.map((requestName) => ({
      requestName,
      baseline: percentileCurve(mergedLatency(baseline, requestName)),
      candidate: percentileCurve(mergedLatency(candidate, requestName)),
    })),
    seconds: [
      ...baseline.map((run) => runSeconds('baseline', run)),
      ...candidate.map((run) => runSeconds('candidate', run)),
    ],
  };
}

/**
 * The curve of `histogram` (µs) in milliseconds, at the percentiles that at least one sample
 * lies beyond (p(99.99) needs 10,000 samples), and the maximum; empty when it has no samples.
 */
export function percentileCurve(histogram: HdrHistogram): PercentileCurve {
  if (histogram.count === 0) return { percentiles: [], valuesMs: [] };
  const percentiles = CURVE_PERCENTILES.filter(
    (p) => p === 100 || histogram.count * (1 - p / 100) >= 1,
  );
  return {
    percentiles,
    valuesMs: percentiles.map((p) => histogram.percentile(p) / 1000),
  };
}

/** `http_req_duration` of every run merged, for one request name or (null) all of them. */
function mergedLatency(runs: readonly RunResult[], requestName: string | null): HdrHistogram {
  const merged = new HdrHistogram();
  for (const run of runs)
    for (const series of run.series)
      if (
        series.kind === 'trend' &&
        series.metric === 'http_req_duration' &&
        (requestName === null || series.tags.name === requestName)
      )
        merged.add(HdrHistogram.decode(series.histogram));
  return merged;
}

function runSeconds(side: RunSeconds['side'], run: RunResult): RunSeconds {
  const points = run.intervals;
  return {
    side,
    runId: run.runId,
    t: points.map((point) => point.t),
    requests: points.map((point) => point.requests),
    failed: points.map((point) => point.failed),
    p50Ms: points.map((point) => point.latency.p50),
    p99Ms: points.map((point) => point.latency.p99),
  };
}
