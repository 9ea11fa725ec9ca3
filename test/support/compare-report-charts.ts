/**
 * The charts of the compare report fixture: smooth latency distributions per request name and
 * 30 seconds of per-second figures of every run, with p99 spikes every 11 seconds.
 */
import type { CompareCharts, PercentileCurve, RunSeconds } from '../../src/compare/types.js';

/**
 * A latency distribution around `medianMs` (p0 half of it, p99 three times it), its tail
 * stretched by `tail` per nine beyond p90; the maximum is p100.
 */
function curve(medianMs: number, tail: number): PercentileCurve {
  const percentiles = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 100];
  const valuesMs = percentiles.map((p) => {
    const nines = Math.log10(1 / (1 - Math.min(p, 99.999) / 100));
    const value = medianMs * (0.5 + 1.39 * nines ** 0.853) * tail ** Math.max(0, nines - 1);
    return Number((p === 100 ? value * 1.2 : value).toFixed(3));
  });
  return { percentiles, valuesMs };
}

/** One run's per-second series: 30 seconds of about 200 requests/s with a p99 near `p99Ms`. */
function runSeconds(
  side: RunSeconds['side'],
  runId: string,
  p99Ms: number,
  phase: number,
): RunSeconds {
  const t = Array.from({ length: 30 }, (_, i) => i);
  const wobble = (i: number) => Math.sin(i / 3 + phase);
  return {
    side,
    runId,
    t,
    requests: t.map((i) => Math.round(200 + 6 * wobble(i))),
    failed: t.map((i) => (i % 7 === phase % 7 ? 1 : 0)),
    p50Ms: t.map((i) => Number((p99Ms / 3 + 0.3 * wobble(i)).toFixed(2))),
    p99Ms: t.map((i) => Number((p99Ms + 1.5 * wobble(i + 1) + (i % 11 === 5 ? 6 : 0)).toFixed(2))),
  };
}

/**
 * The charts of a comparison of the runs `baseIds` and `candIds` where the candidate's latency
 * tail is `tail` times longer per nine beyond p90 (1: the same) for all requests and `feed`.
 */
export function fixtureCharts(
  tail: number,
  baseIds: readonly string[],
  candIds: readonly string[],
): CompareCharts {
  return {
    distributions: [
      { requestName: null, baseline: curve(4.2, 1), candidate: curve(4.3, tail) },
      { requestName: 'feed', baseline: curve(5.1, 1), candidate: curve(5.2, tail) },
      { requestName: 'signup', baseline: curve(2.4, 1.1), candidate: curve(2.5, 1.1) },
    ],
    seconds: [
      ...baseIds.map((id, i) => runSeconds('baseline', id, 12.2, i)),
      ...candIds.map((id, i) => runSeconds('candidate', id, 12.2 * tail, i + 2)),
    ],
  };
}
