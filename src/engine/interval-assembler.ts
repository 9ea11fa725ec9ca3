import type { IntervalSnapshot } from '../metrics/types.js';

/**
 * Puts the workers' snapshots together by interval: interval i is complete once every worker
 * still running has sent its snapshot i (a finished worker sends no more). Complete intervals
 * are handed on in order, so per-second points never go back in time; nothing is dropped.
 */
export class IntervalAssembler {
  private readonly pending = new Map<number, IntervalSnapshot[]>();
  private readonly running = new Set<number>();
  private nextIndex = 0;

  constructor(
    workerCount: number,
    private readonly onInterval: (index: number, snapshots: IntervalSnapshot[]) => void,
  ) {
    for (let worker = 0; worker < workerCount; worker++) this.running.add(worker);
  }

  /** Adds a worker's snapshot; `last` when it is the worker's final one. */
  add(snapshot: IntervalSnapshot, last = false): void {
    const list = this.pending.get(snapshot.index) ?? [];
    list.push(snapshot);
    this.pending.set(snapshot.index, list);
    if (last) this.running.delete(snapshot.workerIndex);
    this.release();
  }

  /** A worker sends nothing more (it failed or was terminated): stop waiting for it. */
  lost(workerIndex: number): void {
    this.running.delete(workerIndex);
    this.release();
  }

  /** Hands on every interval still pending, complete or not: the run is over. */
  flush(): void {
    const indexes = [...this.pending.keys()].sort((a, b) => a - b);
    for (const index of indexes) {
      this.onInterval(index, this.pending.get(index)!);
      this.pending.delete(index);
    }
  }

  private release(): void {
    for (;;) {
      const list = this.pending.get(this.nextIndex);
      const reported = new Set(list?.map((snapshot) => snapshot.workerIndex));
      const waiting = [...this.running].some((worker) => !reported.has(worker));
      if (list === undefined || waiting) return;
      this.pending.delete(this.nextIndex);
      this.onInterval(this.nextIndex++, list);
    }
  }
}
