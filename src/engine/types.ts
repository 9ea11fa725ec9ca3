import type { ResolvedWorkload } from '../config/types.js';
import type { ExecutionSegment } from '../executors/index.js';
import type { HttpOptions } from '../http/index.js';
import type { IntervalSnapshot } from '../metrics/types.js';
import type { WriteLog } from '../metrics/write-sampler.js';
import type { ParamSpecs, ParamValues } from '../scenario/index.js';

/** What the main thread gives each worker thread when it starts it (structured-cloned). */
export interface WorkerInit {
  workerIndex: number;
  workerCount: number;
  /** The bundled scenario module the worker imports for its journeys. */
  bundleFile: string;
  params: ParamValues<ParamSpecs>;
  /** What the scenario's setup() returned, frozen again in the worker. */
  data: unknown;
  baseUrl: string | undefined;
  seed: number;
  http: HttpOptions;
  allowedHosts: readonly string[];
  /** The process's resident-memory limit the worker's watchdog stops the run at. */
  maxMemoryBytes: number;
  workloads: readonly ResolvedWorkload[];
  /** The run's segment: the worker's share is of this segment's part of every workload. */
  segment: ExecutionSegment;
}

/** Messages from the main thread to a worker. */
export type ToWorker =
  /** Begin the run: interval 0 starts at `startAt` (epoch ms). */
  | { type: 'start'; startAt: number }
  /** Stop scheduling; finish in-flight iterations within each workload's gracefulStop. */
  | { type: 'stop' }
  /** Stop at once, without gracefulStop: the run is aborted. */
  | { type: 'abort' };

/** Messages from a worker to the main thread. */
export type FromWorker =
  /** The scenario is loaded and the executors are ready. */
  | { type: 'ready' }
  | { type: 'interval'; snapshot: IntervalSnapshot }
  /** The memory watchdog found memory near its limit (`reason` says which); it is stopping. */
  | { type: 'memory'; reason: string }
  /**
   * The worker's last interval, with its write log for the whole run; it has stopped all
   * executors and aborted what was still in flight.
   */
  | { type: 'done'; snapshot: IntervalSnapshot; interrupted: number; writes: WriteLog }
  | { type: 'fatal'; message: string; stack?: string };
