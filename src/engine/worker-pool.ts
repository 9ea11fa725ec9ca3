import { Worker } from 'node:worker_threads';
import type { ResolvedRun } from '../config/types.js';
import { LaunchdayError } from '../core/errors.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import { mergeWriteLogs, type WriteLog } from '../metrics/write-sampler.js';
import type { FromWorker, ToWorker, WorkerInit } from './types.js';

const WORKER_ENTRY = new URL('./worker-entry.js', import.meta.url);
const READY_TIMEOUT_MS = 60_000;

/** What the pool reports as the workers run. */
export interface PoolEvents {
  snapshot(snapshot: IntervalSnapshot, last: boolean): void;
  /** A worker found memory near its limit: the run must stop at once; `reason` says why. */
  memoryLimit(reason: string): void;
  /**
   * A worker that was running failed (it crashed, ran out of memory, or was terminated): it
   * sends nothing more; the run must stop at once, keeping what the others measured.
   */
  lost(workerIndex: number, reason: string): void;
}

/** What the workers of a run add up to once all are done. */
export interface PoolOutcome {
  /** Iterations still running when gracefulStop ran out, over all workers. */
  interrupted: number;
  /** The acknowledged writes of all workers, merged (samples in worker order). */
  writes: WriteLog;
}

/**
 * The load-generating worker threads of a run: starts them, relays their snapshots, and says
 * when all are done. A worker that fails before it is ready fails the start; one that fails
 * later is reported as lost, and counts as done.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private interrupted = 0;
  private readonly writeLogs: WriteLog[] = [];

  constructor(
    private readonly run: ResolvedRun,
    private readonly data: unknown,
    private readonly events: PoolEvents,
  ) {}

  /** Starts the workers and resolves once every one has loaded the scenario. */
  async start(): Promise<void> {
    const ready = Array.from({ length: this.run.workers }, (_, index) => this.spawn(index));
    await Promise.all(ready.map(({ ready }) => ready));
    this.done = Promise.all(ready.map(({ done }) => done)).then(() => ({
      interrupted: this.interrupted,
      writes: mergeWriteLogs(this.writeLogs),
    }));
  }

  /** Resolves when every worker has finished or been lost. */
  done: Promise<PoolOutcome> = Promise.resolve({ interrupted: 0, writes: {} });

  /** Tells every worker that interval 0 begins at `startAt` (epoch ms). */
  begin(startAt: number): void {
    this.post({ type: 'start', startAt });
  }

  /** Asks every worker to stop scheduling and finish in-flight work within gracefulStop. */
  stop(): void {
    this.post({ type: 'stop' });
  }

  /** Asks every worker to stop at once, interrupting what still runs. */
  abort(): void {
    this.post({ type: 'abort' });
  }

  /** Ends every worker at once. */
  async terminate(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private post(message: ToWorker): void {
    for (const worker of this.workers) worker.postMessage(message);
  }

  private spawn(workerIndex: number): { ready: Promise<void>; done: Promise<void> } {
    const { run } = this;
    const init: WorkerInit = {
      workerIndex,
      workerCount: run.workers,
      bundleFile: run.scenario.bundleFile,
      params: run.params,
      data: this.data,
      baseUrl: run.baseUrl,
      seed: run.seed,
      http: run.http,
      allowedHosts: run.allowedHosts,
      maxMemoryBytes: run.maxMemoryBytes,
      workloads: run.workloads,
      segment: run.segment,
    };
    const worker = new Worker(WORKER_ENTRY, {
      workerData: init,
      name: `launchday-worker-${workerIndex}`,
    });
    this.workers.push(worker);
    let isReady = false;
    let markReady: () => void = () => {};
    const ready = new Promise<void>((resolve, reject) => {
      markReady = () => {
        isReady = true;
        resolve();
      };
      const timer = setTimeout(
        () => reject(workerFailure(workerIndex, 'did not load the scenario within 60 s')),
        READY_TIMEOUT_MS,
      );
      worker.once('message', () => clearTimeout(timer));
      worker.once('error', reject);
    });
    const done = new Promise<void>((resolve, reject) => {
      let finished = false;
      const fail = (detail: string) => {
        if (finished) return;
        finished = true;
        if (!isReady) reject(workerFailure(workerIndex, detail));
        else {
          this.events.lost(workerIndex, `worker thread ${workerIndex} failed: ${detail}`);
          resolve();
        }
      };
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') markReady();
        else if (message.type === 'interval') this.events.snapshot(message.snapshot, false);
        else if (message.type === 'memory') this.events.memoryLimit(message.reason);
        else if (message.type === 'fatal') fail(message.stack ?? message.message);
        else if (!finished) {
          finished = true;
          this.interrupted += message.interrupted;
          this.writeLogs[workerIndex] = message.writes;
          this.events.snapshot(message.snapshot, true);
          resolve();
        }
      });
      worker.once('error', (error) => fail(error.stack ?? error.message));
      worker.once('exit', (code) => fail(`exited with code ${code} before finishing`));
    });
    ready.catch(() => {});
    done.catch(() => {});
    return { ready: Promise.race([ready, done.then(() => {})]), done };
  }
}

function workerFailure(workerIndex: number, detail: string): LaunchdayError {
  return new LaunchdayError(
    'LAUNCHDAY_ERR_INTERNAL',
    `worker thread ${workerIndex} failed: ${detail}`,
    {
      hint: 'this is a bug in launchday or in the scenario module; the message above says where it happened',
    },
  );
}
