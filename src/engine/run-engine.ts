import type { ResolvedRun } from '../config/types.js';
import { epochNow } from '../core/clock.js';
import { LaunchdayError } from '../core/errors.js';
import type { Environment, IntervalPoint, RunResult, RunStatus } from '../core/result.js';
import { RunMetrics } from '../metrics/run-metrics.js';
import { SliceRecorder } from '../metrics/slice-recorder.js';
import { evaluateThresholds } from '../metrics/threshold-evaluator.js';
import type { ThresholdResult } from '../metrics/threshold-types.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import type { Output } from '../outputs/types.js';
import { buildResult } from './build-result.js';
import { IntervalAssembler } from './interval-assembler.js';
import { OutputGuard } from './output-guard.js';
import { planTargetAt } from './plan-target.js';
import { ServiceScraper } from './service-scraper.js';
import { type PoolOutcome, WorkerPool } from './worker-pool.js';

/** Time given to workers to get going between "start" and interval 0. */
const START_DELAY_MS = 50;
/** How late a given start time may be found and still line up with the other segments. */
const LATE_START_MS = 1000;
/**
 * How long past its planned end (gracefulStop included) a run may go before its workers are
 * terminated. Workers cut off what still runs when gracefulStop ends, so only a worker whose
 * event loop is blocked (a journey stuck in a synchronous loop) can get here.
 */
const OVERRUN_MS = 10_000;

/** What a run needs besides its configuration. */
export interface EngineOptions {
  readonly runId: string;
  /** What the scenario's setup() returned. */
  readonly data: unknown;
  readonly outputs: readonly Output[];
  readonly environment: Environment;
  /** Amends the result before the outputs see it, e.g. with a consistency check's outcome. */
  readonly afterRun?: (result: RunResult) => Promise<RunResult>;
  /** Told of a live output that failed; the run goes on without it. Default: stderr. */
  readonly onOutputProblem?: (message: string) => void;
}

/**
 * Runs a resolved scenario on worker threads: starts them together, assembles their per-second
 * snapshots, evaluates thresholds live (stopping the run when one with abortOnFail fails), feeds
 * the outputs, and returns the run's result. `stop()` ends a run early and gracefully. Once the
 * load has started, the run always ends with a result: a worker near its memory limit or lost
 * aborts it (status `aborted`), a worker that overruns is terminated with a note in
 * `generator.reasons`, and a failing output is set aside.
 */
export class RunEngine {
  private readonly metrics: RunMetrics;
  private readonly intervals: IntervalPoint[] = [];
  private readonly slices = new SliceRecorder();
  private readonly journeyErrors: string[] = [];
  private readonly generatorProblems: string[] = [];
  private readonly outputs: OutputGuard;
  private thresholdResults: ThresholdResult[] = [];
  private pool: WorkerPool | undefined;
  private readonly scraper: ServiceScraper | undefined;
  private startAt = 0;
  private overran = false;
  private stopped: { status: RunStatus; reason: string } | undefined;

  constructor(
    private readonly run: ResolvedRun,
    private readonly options: EngineOptions,
  ) {
    this.metrics = new RunMetrics(run.tags);
    this.outputs = new OutputGuard(options.outputs, options.onOutputProblem);
    this.scraper = run.serviceMetrics === null ? undefined : new ServiceScraper(run.serviceMetrics);
  }

  /** Runs to the end (or until stopped) and returns the result; rejects only before the load. */
  async execute(): Promise<RunResult> {
    const startedAt = new Date();
    const assembler = new IntervalAssembler(this.run.workers, (index, snapshots) =>
      this.addInterval(index, snapshots),
    );
    const pool = new WorkerPool(this.run, this.options.data, {
      snapshot: (s, last) => assembler.add(s, last),
      memoryLimit: (reason) => this.abort(`the memory watchdog stopped the run at once: ${reason}`),
      lost: (workerIndex, reason) => {
        assembler.lost(workerIndex);
        if (this.overran) return;
        this.abort(reason);
      },
    });
    this.pool = pool;
    try {
      await pool.start();
      this.startAt = loadStart(this.run.startAtMs);
      await this.outputs.start({ runId: this.options.runId, run: this.run, startAt: this.startAt });
      pool.begin(this.startAt);
      this.scraper?.start(this.startAt);
      if (this.stopped) pool.stop();
      const timer = setTimeout(
        () => this.terminateOverrun(),
        this.startAt + this.run.maxDurationMs + OVERRUN_MS - epochNow(),
      );
      const outcome = await pool.done.finally(() => clearTimeout(timer));
      assembler.flush();
      return await this.finish(startedAt, outcome);
    } finally {
      this.scraper?.cancel();
      await pool.terminate();
    }
  }

  /** Stops scheduling; in-flight iterations finish within gracefulStop. Idempotent. */
  stop(status: RunStatus, reason: string): void {
    if (this.stopped !== undefined) return;
    this.stopped = { status, reason };
    this.pool?.stop();
  }

  /** Stops at once with status `aborted`: what still runs is interrupted. */
  private abort(reason: string): void {
    if (this.stopped?.status !== 'aborted') this.stopped = { status: 'aborted', reason };
    this.pool?.abort();
  }

  private terminateOverrun(): void {
    this.overran = true;
    this.generatorProblems.push(
      `the run went on ${OVERRUN_MS / 1000} s past its planned end and gracefulStop, so its ` +
        'worker threads were terminated: a journey blocked its thread (a synchronous loop?); ' +
        'the figures miss what those threads measured in their last seconds',
    );
    void this.pool?.terminate();
  }

  private addInterval(index: number, snapshots: IntervalSnapshot[]): void {
    const endMs = (index + 1) * 1000;
    const elapsedMs = Math.max(1, Math.min(endMs, epochNow() - this.startAt));
    const targets = Object.fromEntries(
      this.run.workloads.map((w) => [w.name, planTargetAt(w.plan, endMs - 1)]),
    );
    const point = this.metrics.addInterval(index, snapshots, targets, elapsedMs);
    this.intervals.push(point);
    this.slices.add(index, this.metrics.latestSeries);
    for (const snapshot of snapshots)
      this.journeyErrors.push(...snapshot.errors.slice(0, 20 - this.journeyErrors.length));
    this.thresholdResults = evaluateThresholds(this.run.thresholds, this.metrics, elapsedMs, false);
    const failing = this.thresholdResults.find((result) => result.shouldAbort);
    if (failing)
      this.stop(
        'aborted-by-threshold',
        `threshold ${failing.key}: ${failing.expression} failed (abortOnFail)`,
      );
    this.outputs.interval(point, {
      elapsedMs,
      thresholds: this.thresholdResults,
      series: this.metrics.latestSeries,
      service: this.scraper?.latest() ?? null,
    });
  }

  private async finish(startedAt: Date, { interrupted, writes }: PoolOutcome): Promise<RunResult> {
    const endedAt = new Date();
    const elapsedMs = Math.max(1, epochNow() - this.startAt);
    this.metrics.setElapsed(elapsedMs);
    const thresholds = evaluateThresholds(this.run.thresholds, this.metrics, elapsedMs, true);
    const service = (await this.scraper?.stop()) ?? null;
    const result = buildResult({
      run: this.run,
      runId: this.options.runId,
      environment: this.options.environment,
      metrics: this.metrics,
      intervals: this.intervals,
      slices: this.slices.toSlices(),
      thresholds,
      journeyErrors: this.journeyErrors,
      startedAt,
      loadStartMs: this.startAt,
      endedAt,
      stopped: this.stopped,
      interrupted,
      writes,
      generatorProblems: this.generatorProblems,
      service,
    });
    const amended = (await this.options.afterRun?.(result)) ?? result;
    await this.outputs.end(amended);
    return amended;
  }
}

/**
 * When the load starts: the given start (`--start-at`) when it is still ahead, else in
 * {@link START_DELAY_MS}. A start that passed more than a second ago would not line up with the
 * other instances of a segmented run: a `LAUNCHDAY_ERR_USAGE`.
 */
function loadStart(startAtMs: number | undefined): number {
  const earliest = epochNow() + START_DELAY_MS;
  if (startAtMs === undefined) return earliest;
  const lateMs = earliest - startAtMs;
  if (lateMs > LATE_START_MS)
    throw new LaunchdayError(
      'LAUNCHDAY_ERR_USAGE',
      `--start-at ${new Date(startAtMs).toISOString()} passed ${(lateMs / 1000).toFixed(1)} s before the load could start`,
      { hint: 'give every instance the same start a little in the future, leaving time for setup' },
    );
  return Math.max(earliest, startAtMs);
}
