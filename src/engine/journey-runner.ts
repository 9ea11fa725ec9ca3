import { epochNow } from '../core/clock.js';
import type { IterationStarter } from '../executors/index.js';
import { type HttpClient, HttpSession, type IterationTiming } from '../http/index.js';
import type { WriteRecorder } from '../metrics/types.js';
import type { WorkloadRecorder } from '../metrics/workload-recorder.js';
import {
  type Journey,
  JourneyContextImpl,
  type ParamSpecs,
  type ParamValues,
} from '../scenario/index.js';

/** What every journey context of a workload shares. */
export interface JourneyDeps {
  readonly workload: string;
  readonly journey: Journey;
  readonly client: HttpClient;
  readonly baseUrl: string | undefined;
  readonly params: ParamValues<ParamSpecs>;
  readonly data: unknown;
  readonly seed: number;
  readonly recorder: WorkloadRecorder;
  /** The worker thread's write log, shared by every workload. */
  readonly writes: WriteRecorder;
  /** Whether the executor numbers iterations per VU (VU models) rather than per workload. */
  readonly iterationsPerVu: boolean;
}

/**
 * Runs a workload's journey for its executor: keeps one context per VU, reused across
 * iterations, and records each iteration's start lag, duration and error. A journey that throws
 * is counted and logged; it never stops the run.
 */
export class JourneyRunner implements IterationStarter {
  private readonly contexts = new Map<number, JourneyContextImpl>();

  constructor(private readonly deps: JourneyDeps) {}

  async run(vu: number, iteration: number, plannedAt?: number): Promise<void> {
    const context = this.contexts.get(vu) ?? this.createContext(vu);
    const { recorder, journey } = this.deps;
    const startedAt = epochNow();
    const planned = plannedAt ?? startedAt;
    recorder.iterationStarted((startedAt - planned) * 1000);
    context.beginIteration(iteration, planned);
    let error: unknown;
    try {
      await journey(context);
    } catch (thrown) {
      error = thrown ?? new Error('the journey threw a nullish value');
    }
    recorder.iterationEnded((epochNow() - startedAt) * 1000, error);
  }

  dropped(): void {
    this.deps.recorder.iterationDropped();
  }

  private createContext(vu: number): JourneyContextImpl {
    const { workload, client, baseUrl, params, data, seed, recorder, writes, iterationsPerVu } =
      this.deps;
    const timing: IterationTiming = { intendedAt: undefined };
    const http = new HttpSession(client, workload, baseUrl, timing);
    const context = new JourneyContextImpl({
      workload,
      vu,
      params,
      data,
      http,
      timing,
      checks: recorder,
      writes,
      seed,
      iterationsPerVu,
    });
    this.contexts.set(vu, context);
    return context;
  }
}
