import type { ResolvedRun } from '../config/types.js';
import { epochNow } from '../core/clock.js';
import type { Environment, IntervalPoint, RunResult, RunStatus } from '../core/result.js';
import { RunMetrics } from '../metrics/run-metrics.js';
import { evaluateThresholds } from '../metrics/threshold-evaluator.js';
import type { ThresholdResult } from '../metrics/threshold-types.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import type { Output } from '../outputs/types.js';
import { buildResult } from './build-result.js';
import { IntervalAssembler } from './interval-assembler.js';
import { planTargetAt } from './plan-target.js';
import { type PoolOutcome, WorkerPool } from './worker-pool.js';

/** Time given to workers to get going between "start" and interval 0. */
const START_DELAY_MS = 50;
/** How long past its planned end a run may go before its workers are terminated. */
const OVERRUN_MS = 30_000;

/** What a run needs besides its configuration. */
export interface EngineOptions {
  readonly runId: string;
  /** What the scenario's setup() returned. */
  readonly data: unknown;
  readonly outputs: readonly Output[];
  readonly environment: Environment;
  /** Amends the result before the outputs see it, e.g. with a consistency check's outcome. */
  readonly afterRun?: (result: RunResult) => Promise<RunResult>;
}

/**
 * Runs a resolved scenario on worker threads: starts them together, assembles their per-second
 * snapshots, evaluates thresholds live (stopping the run when one with abortOnFail fails), feeds
 * the outputs, and returns the run's result. `stop()` ends a run early and gracefully.
 */
export class RunEngine {
  private readonly metrics: RunMetrics;
  private readonly intervals: IntervalPoint[] = [];
  private readonly journeyErrors: string[] = [];
  private thresholdResults: ThresholdResult[] = [];
  private pool: WorkerPool | undefined;
  private startAt = 0;
  private stopped: { status: RunStatus; reason: string } | undefined;

  constructor(
    private readonly run: ResolvedRun,
    private readonly options: EngineOptions,
  ) {
    this.metrics = new RunMetrics(run.tags);
  }

  /** Runs to the end (or until stopped) and returns the result; rejects if a worker fails. */
  async execute(): Promise<RunResult> {
    const startedAt = new Date();
    const assembler = new IntervalAssembler(this.run.workers, (index, snapshots) =>
      this.addInterval(index, snapshots),
    );
    const pool = new WorkerPool(this.run, this.options.data, {
      snapshot: (s, last) => assembler.add(s, last),
    });
    this.pool = pool;
    try {
      await pool.start();
      this.startAt = epochNow() + START_DELAY_MS;
      for (const output of this.options.outputs)
        await output.start?.({ runId: this.options.runId, run: this.run, startAt: this.startAt });
      pool.begin(this.startAt);
      if (this.stopped) pool.stop();
      const outcome = await withDeadline(
        pool.done,
        this.run.maxDurationMs + OVERRUN_MS + START_DELAY_MS,
        () => pool.terminate(),
      );
      assembler.flush();
      return this.finish(startedAt, outcome);
    } catch (error) {
      await pool.terminate();
      throw error;
    }
  }

  /** Stops scheduling; in-flight iterations finish within gracefulStop. Idempotent. */
  stop(status: RunStatus, reason: string): void {
    if (this.stopped !== undefined) return;
    this.stopped = { status, reason };
    this.pool?.stop();
  }

  private addInterval(index: number, snapshots: IntervalSnapshot[]): void {
    const endMs = (index + 1) * 1000;
    const elapsedMs = Math.max(1, Math.min(endMs, epochNow() - this.startAt));
    const targets = Object.fromEntries(
      this.run.workloads.map((w) => [w.name, planTargetAt(w.plan, endMs - 1)]),
    );
    const point = this.metrics.addInterval(index, snapshots, targets, elapsedMs);
    this.intervals.push(point);
    for (const snapshot of snapshots)
      this.journeyErrors.push(...snapshot.errors.slice(0, 20 - this.journeyErrors.length));
    this.thresholdResults = evaluateThresholds(this.run.thresholds, this.metrics, elapsedMs, false);
    const failing = this.thresholdResults.find((result) => result.shouldAbort);
    if (failing)
      this.stop(
        'aborted-by-threshold',
        `threshold ${failing.key}: ${failing.expression} failed (abortOnFail)`,
      );
    for (const output of this.options.outputs)
      output.interval?.(point, {
        elapsedMs,
        thresholds: this.thresholdResults,
        series: this.metrics.latestSeries,
      });
  }

  private async finish(startedAt: Date, { interrupted, writes }: PoolOutcome): Promise<RunResult> {
    const endedAt = new Date();
    const elapsedMs = Math.max(1, epochNow() - this.startAt);
    this.metrics.setElapsed(elapsedMs);
    const thresholds = evaluateThresholds(this.run.thresholds, this.metrics, elapsedMs, true);
    const result = buildResult({
      run: this.run,
      runId: this.options.runId,
      environment: this.options.environment,
      metrics: this.metrics,
      intervals: this.intervals,
      thresholds,
      journeyErrors: this.journeyErrors,
      startedAt,
      endedAt,
      stopped: this.stopped,
      interrupted,
      writes,
    });
    const amended = (await this.options.afterRun?.(result)) ?? result;
    for (const output of this.options.outputs) await output.end?.(amended);
    return amended;
  }
}

async function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  onTimeout: () => Promise<void>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      void onTimeout();
      reject(
        new Error(
          `the run overran its planned length by ${OVERRUN_MS / 1000} s; its workers were terminated`,
        ),
      );
    }, ms);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
