import type { IntervalPoint, RunResult } from '../core/result.js';

/** How a workload's load is specified: an arrival rate (open model) or a number of VUs. */
export type LoadModel = 'arrival-rate' | 'vus';

/** What one workload did over a run, from its per-second points and its series. */
export interface WorkloadStats {
  readonly name: string;
  /** From the result's config; undefined when the config does not say (a hand-made result). */
  readonly model: LoadModel | undefined;
  /** Seconds in which the workload had a planned rate or VU count above zero. */
  readonly plannedSeconds: number;
  /** Sum and peak over the seconds of the planned rate (iterations/s) or VU count. */
  readonly targetSum: number;
  readonly targetPeak: number;
  /** Iterations started (the achieved arrival rate, summed over seconds). */
  readonly started: number;
  /** Iterations completed (the `iterations` series tagged with the workload). */
  readonly completed: number;
  readonly dropped: number;
  readonly journeyErrors: number;
  readonly peakInFlight: number;
  readonly peakVus: number;
}

/**
 * Every workload's totals and peaks, in the order the workloads first appear in the per-second
 * points. For the terminal and Markdown reports; the mean target and achieved rates while the workload was
 * planned to run are `targetSum / plannedSeconds` and `started / plannedSeconds`.
 */
export function workloadStats(result: RunResult): WorkloadStats[] {
  const stats = new Map<string, Mutable<WorkloadStats>>();
  const models = loadModels(result.config);
  const entry = (name: string) => {
    let found = stats.get(name);
    if (found === undefined) {
      found = { ...EMPTY, name, model: models.get(name) };
      stats.set(name, found);
    }
    return found;
  };
  for (const point of result.intervals) addPoint(point, entry);
  for (const series of result.series) {
    const name = series.tags.scenario;
    if (name !== undefined && series.kind === 'counter' && series.metric === 'iterations')
      entry(name).completed += series.count;
  }
  return [...stats.values()];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const EMPTY: Omit<WorkloadStats, 'name' | 'model'> = {
  plannedSeconds: 0,
  targetSum: 0,
  targetPeak: 0,
  started: 0,
  completed: 0,
  dropped: 0,
  journeyErrors: 0,
  peakInFlight: 0,
  peakVus: 0,
};

function addPoint(point: IntervalPoint, entry: (name: string) => Mutable<WorkloadStats>): void {
  for (const [name, w] of Object.entries(point.workloads)) {
    const t = entry(name);
    if (w.target > 0) t.plannedSeconds++;
    t.targetSum += w.target;
    t.targetPeak = Math.max(t.targetPeak, w.target);
    t.started += w.started;
    t.dropped += w.dropped;
    t.journeyErrors += w.journeyErrors;
    t.peakInFlight = Math.max(t.peakInFlight, w.inFlight);
    t.peakVus = Math.max(t.peakVus, w.vus);
  }
}

// The config is the resolved run as plain JSON (typed unknown in RunResult), so it is read
// defensively: a result edited by hand still renders, only without the model.
/** Each workload's load model, from a result's config (read defensively: it is plain JSON). */
export function loadModels(config: unknown): Map<string, LoadModel> {
  const models = new Map<string, LoadModel>();
  const workloads = (config as { workloads?: unknown } | null)?.workloads;
  if (!Array.isArray(workloads)) return models;
  for (const workload of workloads as { name?: unknown; plan?: { model?: unknown } }[]) {
    const model = workload?.plan?.model;
    if (typeof workload?.name === 'string' && (model === 'arrival-rate' || model === 'vus'))
      models.set(workload.name, model);
  }
  return models;
}
