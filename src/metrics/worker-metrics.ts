import { RequestSeries } from './request-series.js';
import type {
  IntervalSnapshot,
  RequestRecorderFactory,
  SeriesDelta,
  Tags,
  WorkloadState,
} from './types.js';
import { describeError, WorkloadRecorder } from './workload-recorder.js';

const MAX_UNCAUGHT_MESSAGES = 5;

import { WriteSampler } from './write-sampler.js';

/**
 * All the metrics of one worker thread: hands out the hot-path recorders, and once per interval
 * drains them into an {@link IntervalSnapshot} for the main thread. Memory is bounded by the
 * number of series, never by the length of the run. The acknowledged writes are not per
 * interval: {@link WorkerMetrics.writes} gathers them for the whole run.
 */
export class WorkerMetrics implements RequestRecorderFactory {
  /** The thread's acknowledged writes (`ctx.recordWrite`), sent once when the worker is done. */
  readonly writes = new WriteSampler();
  private readonly requests = new Map<string, RequestSeries>();
  private readonly workloads = new Map<string, WorkloadRecorder>();
  private readonly uncaught: string[] = [];

  constructor(
    private readonly workerIndex: number,
    private readonly workloadTags: Readonly<Record<string, Tags>> = {},
  ) {}

  requestRecorder(workload: string, name: string, method: string): RequestSeries {
    const key = `${workload}\u0000${method}\u0000${name}`;
    let series = this.requests.get(key);
    if (series === undefined) {
      series = new RequestSeries({
        ...this.workloadTags[workload],
        scenario: workload,
        name,
        method,
      });
      this.requests.set(key, series);
    }
    return series;
  }

  /** Registers a workload; returns the recorder its iterations and checks use. */
  addWorkload(workload: string): WorkloadRecorder {
    const recorder = new WorkloadRecorder({ ...this.workloadTags[workload], scenario: workload });
    this.workloads.set(workload, recorder);
    return recorder;
  }

  /**
   * An error no journey awaited (thrown in a timer, a rejection nobody handled): logged with
   * the journey errors of the interval, the first few only; the run goes on.
   */
  uncaughtError(error: unknown): void {
    if (this.uncaught.length < MAX_UNCAUGHT_MESSAGES)
      this.uncaught.push(`uncaught in a journey: ${describeError(error)}`);
  }

  /** Drains everything recorded since the last call into the snapshot of interval `index`. */
  snapshot(index: number, eventLoopUtilization: number): IntervalSnapshot {
    const series: SeriesDelta[] = [];
    const errors: string[] = [];
    const workloads: Record<string, WorkloadState> = {};
    for (const request of this.requests.values()) request.drain(series);
    for (const [name, recorder] of this.workloads) workloads[name] = recorder.drain(series, errors);
    errors.push(...this.uncaught.splice(0));
    return {
      workerIndex: this.workerIndex,
      index,
      series,
      workloads,
      errors,
      eventLoopUtilization,
    };
  }
}
