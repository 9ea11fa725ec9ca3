import { getHeapStatistics } from 'node:v8';
import { formatByteSize } from '../core/byte-size.js';

/** How often memory is read; a read costs a few microseconds. */
const CHECK_EVERY_MS = 100;
/**
 * The share of V8's heap limit at which the run is stopped: near the limit V8 spends its time
 * collecting garbage, and past it the thread dies without a word.
 */
const HEAP_SHARE = 0.8;

/**
 * Watches the memory of a worker thread: its own V8 heap (against V8's limit for the thread)
 * and the resident memory of the whole process (against the run's `--max-memory`). When either
 * gets near its limit, `onNearLimit` is called once, with a sentence saying which and how much;
 * the worker then stops the run at once rather than be killed by the operating system.
 */
export class MemoryWatchdog {
  private timer: NodeJS.Timeout | undefined;
  private fired = false;

  constructor(
    private readonly rssLimitBytes: number,
    private readonly onNearLimit: (reason: string) => void,
  ) {}

  /** Starts watching; the timer never keeps the thread alive. */
  start(): void {
    this.timer = setInterval(() => this.check(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  /** Stops watching. */
  stop(): void {
    clearInterval(this.timer);
  }

  /** Reads memory now; calls `onNearLimit` (once) when a limit is near. */
  check(): void {
    if (this.fired) return;
    const reason = this.overLimit();
    if (reason === undefined) return;
    this.fired = true;
    this.stop();
    this.onNearLimit(reason);
  }

  private overLimit(): string | undefined {
    const rss = process.memoryUsage.rss();
    if (rss >= this.rssLimitBytes)
      return (
        `the generator's memory reached ${megabytes(rss)}, its limit being ` +
        `${formatByteSize(this.rssLimitBytes)} (--max-memory)`
      );
    const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
    if (used >= HEAP_SHARE * limit)
      return (
        `a worker thread's JavaScript heap reached ${megabytes(used)} of the ` +
        `${megabytes(limit)} V8 allows it`
      );
    return undefined;
  }
}

/** A measured amount of memory, to the megabyte. */
function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1e6)} MB`;
}
