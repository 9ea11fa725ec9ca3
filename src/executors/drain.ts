import { epochNow } from '../core/clock.js';
import type { RuntimeOutcome } from './types.js';

/**
 * The end of a runtime: once scheduling has ended, waits for the pending work (in-flight
 * iterations, or VU loops) to finish, but no later than a deadline (the end plus
 * gracefulStop). Both runtimes use it.
 */
export class Drain {
  /** Resolves once, with the pending count when it settled (0 unless the deadline passed). */
  readonly done: Promise<RuntimeOutcome>;
  private resolve!: (outcome: RuntimeOutcome) => void;
  private timer: NodeJS.Timeout | undefined;
  private draining = false;
  private settled = false;

  /** `pending` reads what must finish before `done` resolves; calls to `check` follow its drops. */
  constructor(private readonly pending: () => number) {
    this.done = new Promise((resolve) => {
      this.resolve = resolve;
    });
  }

  /** True once {@link Drain.begin} has been called: scheduling has ended. */
  get ended(): boolean {
    return this.draining;
  }

  /** Scheduling has ended: settle when nothing runs, or at `deadlineEpochMs` at the latest. */
  begin(deadlineEpochMs: number): void {
    if (this.draining) return;
    this.draining = true;
    if (this.pending() === 0) {
      this.settle();
      return;
    }
    this.settleAt(deadlineEpochMs);
  }

  /** Ends at once, whatever is pending: what still runs is counted as interrupted. */
  cut(): void {
    this.draining = true;
    this.settle();
  }

  /** Pending work finished: settles if scheduling has ended and nothing is pending. */
  check(): void {
    if (this.draining && !this.settled && this.pending() === 0) this.settle();
  }

  private settleAt(deadlineEpochMs: number): void {
    const left = deadlineEpochMs - epochNow();
    if (left <= 0) {
      this.settle();
      return;
    }
    // Timers round to whole ms and may fire a fraction early: check again rather than settle early.
    this.timer = setTimeout(() => this.settleAt(deadlineEpochMs), Math.ceil(left));
  }

  private settle(): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    this.resolve({ interrupted: this.pending() });
  }
}
