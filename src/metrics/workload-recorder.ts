import { HdrHistogram } from './hdr-histogram.js';
import type { CheckRecorder, SeriesDelta, Tags, WorkloadState } from './types.js';

const MAX_ERROR_MESSAGES = 5;

/**
 * Records what the executor and journeys of one workload do in one worker thread: iterations,
 * their duration and start lag, how many run at once, drops, journey errors and checks. The engine calls it once per
 * iteration; {@link drain} hands an interval's worth to the main thread.
 */
export class WorkloadRecorder implements CheckRecorder {
  private started = 0;
  private completed = 0;
  private dropped = 0;
  private interrupted = 0;
  private journeyErrors = 0;
  private active = 0;
  private peakActive = 0;
  private readonly errorMessages: string[] = [];
  private readonly iterationDuration = new HdrHistogram();
  private readonly schedulerLag = new HdrHistogram();
  private readonly checks = new Map<string, { passes: number; total: number }>();

  constructor(readonly tags: Tags) {}

  /** An iteration started `lagUs` microseconds after its planned time. */
  iterationStarted(lagUs: number): void {
    this.started++;
    if (++this.active > this.peakActive) this.peakActive = this.active;
    this.schedulerLag.record(lagUs);
  }

  /** An iteration ended after `durationUs` microseconds; `error` is what the journey threw. */
  iterationEnded(durationUs: number, error: unknown): void {
    this.completed++;
    this.active--;
    this.iterationDuration.record(durationUs);
    if (error === undefined) return;
    this.journeyErrors++;
    if (this.errorMessages.length < MAX_ERROR_MESSAGES)
      this.errorMessages.push(describeError(error));
  }

  /** An iteration was dropped because maxInFlight iterations were running. */
  iterationDropped(): void {
    this.dropped++;
  }

  /** `count` iterations still running were cut off at the end of the run (gracefulStop). */
  iterationsInterrupted(count: number): void {
    this.interrupted += count;
  }

  recordCheck(name: string, passed: boolean): void {
    let check = this.checks.get(name);
    if (check === undefined) {
      check = { passes: 0, total: 0 };
      this.checks.set(name, check);
    }
    check.total++;
    if (passed) check.passes++;
  }

  /**
   * Appends the interval's series to `out` — with the `vus` gauge at the most iterations that
   * ran at once in the interval, so short spikes are not missed between samples — moves its
   * journey error messages to `errors`, and returns the interval's workload state.
   */
  drain(out: SeriesDelta[], errors: string[]): WorkloadState {
    const tags = this.tags;
    out.push({ metric: 'vus', tags, kind: 'gauge', value: this.peakActive });
    if (this.completed > 0) {
      out.push({ metric: 'iterations', tags, kind: 'counter', count: this.completed });
      out.push({
        metric: 'iteration_duration',
        tags,
        kind: 'trend',
        histogram: this.iterationDuration.toTransfer(),
      });
    }
    if (this.started > 0) {
      out.push({
        metric: 'scheduler_lag',
        tags,
        kind: 'trend',
        histogram: this.schedulerLag.toTransfer(),
      });
    }
    if (this.dropped > 0)
      out.push({ metric: 'dropped_iterations', tags, kind: 'counter', count: this.dropped });
    if (this.interrupted > 0)
      out.push({
        metric: 'interrupted_iterations',
        tags,
        kind: 'counter',
        count: this.interrupted,
      });
    for (const [check, { passes, total }] of this.checks) {
      if (total > 0)
        out.push({ metric: 'checks', tags: { ...tags, check }, kind: 'rate', passes, total });
    }
    errors.push(...this.errorMessages);
    const state = {
      started: this.started,
      dropped: this.dropped,
      journeyErrors: this.journeyErrors,
      inFlight: this.active,
    };
    this.reset();
    return state;
  }

  private reset(): void {
    this.started = this.completed = this.dropped = this.interrupted = this.journeyErrors = 0;
    this.peakActive = this.active;
    this.errorMessages.length = 0;
    this.iterationDuration.reset();
    this.schedulerLag.reset();
    for (const check of this.checks.values()) check.passes = check.total = 0;
  }
}

/** The first lines of an error's stack (or the value as text), for the journey error log. */
export function describeError(error: unknown): string {
  if (error instanceof Error)
    return error.stack?.split('\n').slice(0, 3).join('\n') ?? error.message;
  return String(error);
}
