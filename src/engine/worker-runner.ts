import { performance } from 'node:perf_hooks';
import type { ResolvedWorkload } from '../config/types.js';
import { epochNow } from '../core/clock.js';
import { createRuntime, type ExecutorRuntime, segmentShare } from '../executors/index.js';
import { HttpClient } from '../http/index.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
import type { WorkloadRecorder } from '../metrics/workload-recorder.js';
import type { WriteLog } from '../metrics/write-sampler.js';
import type { Journey, ScenarioDefinition } from '../scenario/index.js';
import { JourneyRunner } from './journey-runner.js';
import type { WorkerInit } from './types.js';

/** Where a worker sends what it measured. */
export interface WorkerSink {
  interval(snapshot: IntervalSnapshot): void;
}

/** What a worker thread reports when its share of the run is over. */
export interface WorkerOutcome {
  /** The last interval's snapshot. */
  snapshot: IntervalSnapshot;
  /** Iterations still running when gracefulStop ran out (or the run was aborted). */
  interrupted: number;
  /** The thread's acknowledged writes over the whole run. */
  writes: WriteLog;
}

/**
 * One worker thread's share of a run: the HTTP client, the metrics, and an executor runtime per
 * workload driving its journey. Sends a snapshot at the end of every second of the run.
 */
export class WorkerRunner {
  private readonly metrics: WorkerMetrics;
  private readonly client: HttpClient;
  private readonly workloads: { runtime: ExecutorRuntime; recorder: WorkloadRecorder }[] = [];
  private startAt = 0;
  private nextIndex = 0;
  private timer: NodeJS.Timeout | undefined;
  private elu = performance.eventLoopUtilization();

  constructor(
    private readonly init: WorkerInit,
    definition: ScenarioDefinition,
    private readonly sink: WorkerSink,
  ) {
    const workloadTags = Object.fromEntries(init.workloads.map((w) => [w.name, w.tags]));
    this.metrics = new WorkerMetrics(init.workerIndex, workloadTags);
    this.client = new HttpClient({ ...init.http, allowedHosts: init.allowedHosts }, this.metrics);
    const journeys =
      typeof definition.workloads === 'function'
        ? definition.workloads(init.params)
        : definition.workloads;
    for (const workload of init.workloads) {
      const journey = journeys[workload.name]?.journey;
      if (journey === undefined)
        throw new Error(`workload ${workload.name} has no journey in the worker's module`);
      this.workloads.push(this.createWorkload(workload, journey));
    }
  }

  /**
   * Starts every workload with interval 0 at `startAt`; resolves when all have finished. An
   * iteration still running when its workload's gracefulStop runs out (or at {@link abort}) is
   * counted in `interrupted_iterations` and cut off: the last snapshot is taken, then every
   * request in flight is aborted, so nothing is left waiting and nothing measured after the
   * end is reported.
   */
  async run(startAt: number): Promise<WorkerOutcome> {
    this.startAt = startAt;
    this.elu = performance.eventLoopUtilization();
    this.scheduleInterval();
    for (const { runtime } of this.workloads) runtime.start(startAt);
    const outcomes = await Promise.all(this.workloads.map(({ runtime }) => runtime.done));
    clearTimeout(this.timer);
    let interrupted = 0;
    outcomes.forEach((outcome, index) => {
      this.workloads[index]!.recorder.iterationsInterrupted(outcome.interrupted);
      interrupted += outcome.interrupted;
    });
    const snapshot = this.takeSnapshot();
    await this.client.destroy();
    return { snapshot, interrupted, writes: this.metrics.writes.log() };
  }

  /** Stops scheduling in every workload; in-flight iterations finish within gracefulStop. */
  stop(): void {
    for (const { runtime } of this.workloads) runtime.stop();
  }

  /** Stops every workload at once, without gracefulStop: what still runs is interrupted. */
  abort(): void {
    for (const { runtime } of this.workloads) runtime.abort();
  }

  /** An error no journey awaited: logged with the journey errors; the run goes on. */
  uncaughtError(error: unknown): void {
    this.metrics.uncaughtError(error);
  }

  private createWorkload(
    workload: ResolvedWorkload,
    journey: Journey,
  ): { runtime: ExecutorRuntime; recorder: WorkloadRecorder } {
    const { workerIndex, workerCount, seed, baseUrl, params, data, segment } = this.init;
    const recorder = this.metrics.addWorkload(workload.name);
    const iterationsPerVu = workload.plan.model === 'vus';
    const runner = new JourneyRunner({
      workload: workload.name,
      journey,
      client: this.client,
      baseUrl,
      params,
      data,
      seed,
      recorder,
      writes: this.metrics.writes,
      iterationsPerVu,
    });
    const share = segmentShare(segment, { workerIndex, workerCount, seed });
    const runtime = createRuntime(workload.plan, share, runner);
    return { runtime, recorder };
  }

  private scheduleInterval(): void {
    const due = this.startAt + (this.nextIndex + 1) * 1000;
    this.timer = setTimeout(
      () => {
        this.sink.interval(this.takeSnapshot());
        this.scheduleInterval();
      },
      Math.max(0, due - epochNow()),
    );
  }

  private takeSnapshot(): IntervalSnapshot {
    const elu = performance.eventLoopUtilization(this.elu);
    this.elu = performance.eventLoopUtilization();
    return this.metrics.snapshot(this.nextIndex++, elu.utilization);
  }
}
