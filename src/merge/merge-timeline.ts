/**
 * The seconds of several instances' results laid on one wall-clock axis and merged as the
 * engine merges its worker threads' seconds: each instance's second is turned back into the
 * snapshot a worker would have sent (its slices' deltas, its workloads' counts), so the merged
 * intervals, slices and series come from the same code as a single run's, exactly.
 */
import type { IntervalPoint, RunResult, RunSlices } from '../core/result.js';
import { RunMetrics } from '../metrics/run-metrics.js';
import { sliceDeltasAt } from '../metrics/slice-deltas.js';
import { SliceRecorder } from '../metrics/slice-recorder.js';
import type { IntervalSnapshot, SeriesDelta } from '../metrics/types.js';
import { loadStartOf } from './merge-input.js';

/** The merged seconds of a set of results. */
export interface MergedTimeline {
  readonly intervals: IntervalPoint[];
  readonly slices: RunSlices;
  /** Every series merged over the instances and their seconds. */
  readonly metrics: RunMetrics;
  /** When the first instance's load started (epoch ms): merged second 0 begins here. */
  readonly loadStartMs: number;
  /** From the first instance's load start to the last one's end, ms. */
  readonly elapsedMs: number;
  /** How far apart the instances' loads started, ms. */
  readonly skewMs: number;
}

/**
 * Merges the seconds of `results` (each with slices), aligned by when their loads started:
 * an instance that started k seconds (rounded) after the first adds its second i to merged
 * second i + k.
 */
export function mergeTimeline(results: readonly RunResult[]): MergedTimeline {
  const starts = results.map(loadStartOf);
  const loadStartMs = Math.min(...starts);
  const sources = results.map((result, i) => secondsOf(result, starts[i]! - loadStartMs));
  const seconds = Math.max(...sources.map((source) => source.offset + source.length));
  const elapsedMs = Math.max(1, ...results.map((r) => Date.parse(r.endedAt) - loadStartMs));
  const metrics = new RunMetrics();
  const recorder = new SliceRecorder();
  const intervals: IntervalPoint[] = [];
  for (let t = 0; t < seconds; t++) {
    const snapshots = sources.flatMap((source) => source.snapshotAt(t - source.offset) ?? []);
    const targets = Object.assign({}, ...snapshots.map((s) => s.targets));
    const elapsed = Math.min((t + 1) * 1000, elapsedMs);
    intervals.push(metrics.addInterval(t, snapshots, targets, elapsed));
    recorder.add(t, metrics.latestSeries);
  }
  metrics.setElapsed(elapsedMs);
  return {
    intervals,
    slices: recorder.toSlices(),
    metrics,
    loadStartMs,
    elapsedMs,
    skewMs: Math.max(...starts) - loadStartMs,
  };
}

/** A snapshot and the planned targets of the workloads it covers. */
type SecondSnapshot = IntervalSnapshot & { targets: Record<string, number> };

/** One result's seconds, shifted by its start: how many, and each as a snapshot. */
function secondsOf(result: RunResult, startOffsetMs: number) {
  const slices = result.slices ?? { count: 0, series: [] };
  const points = new Map(result.intervals.map((point) => [point.t, point]));
  const length = Math.max(slices.count, ...result.intervals.map((point) => point.t + 1));
  const vusTags = new Map<string, SeriesDelta['tags']>();
  const lastGauges: SeriesDelta[] = [];
  for (const series of result.series) {
    if (series.kind !== 'gauge') continue;
    if (series.metric === 'vus') vusTags.set(series.tags.scenario ?? '', series.tags);
    else lastGauges.push({ ...series, kind: 'gauge', value: series.value });
  }
  const snapshotAt = (second: number): SecondSnapshot | undefined => {
    if (second < 0 || second >= length) return undefined;
    const point = points.get(second);
    const series = sliceDeltasAt(slices, second);
    const snapshot: SecondSnapshot = {
      workerIndex: 0,
      index: second,
      series,
      workloads: {},
      errors: [],
      eventLoopUtilization: point?.generator.eventLoopUtilization ?? 0,
      targets: {},
    };
    for (const [name, workload] of Object.entries(point?.workloads ?? {})) {
      const { started, dropped, journeyErrors, inFlight, target, vus } = workload;
      snapshot.workloads[name] = { started, dropped, journeyErrors, inFlight };
      snapshot.targets[name] = target;
      const tags = vusTags.get(name);
      if (tags !== undefined) series.push({ metric: 'vus', tags, kind: 'gauge', value: vus });
    }
    if (second === length - 1) series.push(...lastGauges);
    return snapshot;
  };
  return { offset: Math.round(startOffsetMs / 1000), length, snapshotAt };
}
