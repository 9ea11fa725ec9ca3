/** Longest time between two sweeps, in ms: the resolution of long timeouts. */
const MAX_PERIOD_MS = 250;
/** Shortest time between two sweeps, in ms, however short a timeout is. */
const MIN_PERIOD_MS = 10;

/** Something with a deadline a {@link TimeoutSweep} watches; the links are the sweep's. */
export interface Expiring {
  /** Its timeout in ms, > 0. */
  readonly timeoutMs: number;
  /** The `performance.now()` ms from which it has timed out. */
  readonly deadline: number;
  sweepPrev: Expiring | null;
  sweepNext: Expiring | null;
  /** Called by the sweep once the deadline has passed; it must {@link TimeoutSweep.delete} it. */
  expire(): void;
}

/**
 * One coarse timer for many deadlines: an intrusive list of what is pending (O(1) to add and
 * delete, no allocation) and an unref'd interval that expires everything past its deadline.
 * The period is a quarter of the shortest timeout added, between 10 and 250 ms, so a timeout
 * fires at most one period late. The interval runs only while something is listed: it stops
 * at the first sweep that finds the list empty, so a steady load never re-arms it.
 */
export class TimeoutSweep {
  private head: Expiring | null = null;
  private tail: Expiring | null = null;
  private timer: NodeJS.Timeout | undefined;
  private periodMs = MAX_PERIOD_MS;
  private readonly expired: Expiring[] = [];
  private readonly tick = () => this.sweep();

  /** Watches `item` until {@link TimeoutSweep.delete}; called when a request is dispatched. */
  add(item: Expiring): void {
    item.sweepPrev = this.tail;
    item.sweepNext = null;
    if (this.tail === null) this.head = item;
    else this.tail.sweepNext = item;
    this.tail = item;
    const period = periodFor(item.timeoutMs);
    if (this.timer === undefined || period < this.periodMs) this.start(period);
  }

  /** Stops watching `item`; does nothing for an item not listed. */
  delete(item: Expiring): void {
    const prev = item.sweepPrev;
    const next = item.sweepNext;
    if (prev === null && this.head !== item) return;
    if (prev === null) this.head = next;
    else prev.sweepNext = next;
    if (next === null) this.tail = prev;
    else next.sweepPrev = prev;
    item.sweepPrev = null;
    item.sweepNext = null;
  }

  /** Stops the timer; items still listed are no longer expired. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private start(period: number): void {
    clearInterval(this.timer);
    this.periodMs = period;
    this.timer = setInterval(this.tick, period);
    this.timer.unref();
  }

  // Expiring calls into undici and the pool, which may change the list: the walk only collects.
  private sweep(): void {
    if (this.head === null) {
      this.stop();
      return;
    }
    const now = performance.now();
    const expired = this.expired;
    for (let item: Expiring | null = this.head; item !== null; item = item.sweepNext) {
      if (item.deadline <= now) expired.push(item);
    }
    for (const item of expired) item.expire();
    expired.length = 0;
  }
}

function periodFor(timeoutMs: number): number {
  return Math.min(MAX_PERIOD_MS, Math.max(MIN_PERIOD_MS, Math.floor(timeoutMs / 4)));
}
