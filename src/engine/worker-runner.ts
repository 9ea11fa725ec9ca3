import { performance } from 'node:perf_hooks';
import type { ResolvedWorkload } from '../config/types.js';
import { epochNow } from '../core/clock.js';
import { createRuntime, type ExecutorRuntime } from '../executors/index.js';
import { HttpClient } from '../http/index.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import { WorkerMetrics } from '../metrics/worker-metrics.js';
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
  /** Iterations still running when gracefulStop ran out. */
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
  private readonly runtimes: ExecutorRuntime[] = [];
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
      this.runtimes.push(this.createWorkload(workload, journey));
    }
  }

  /** Starts every workload with interval 0 at `startAt`; resolves when all have finished. */
  async run(startAt: number): Promise<WorkerOutcome> {
    this.startAt = startAt;
    this.elu = performance.eventLoopUtilization();
    this.scheduleInterval();
    for (const runtime of this.runtimes) runtime.start(startAt);
    const outcomes = await Promise.all(this.runtimes.map((runtime) => runtime.done));
    clearTimeout(this.timer);
    await this.client.close();
    const interrupted = outcomes.reduce((sum, outcome) => sum + outcome.interrupted, 0);
    return { snapshot: this.takeSnapshot(), interrupted, writes: this.metrics.writes.log() };
  }

  /** Stops scheduling in every workload; in-flight iterations finish within gracefulStop. */
  stop(): void {
    for (const runtime of this.runtimes) runtime.stop();
  }

  private createWorkload(workload: ResolvedWorkload, journey: Journey): ExecutorRuntime {
    const { workerIndex, workerCount, seed, baseUrl, params, data } = this.init;
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
    const runtime = createRuntime(workload.plan, { workerIndex, workerCount, seed }, runner);
    return runtime;
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
