import { performance } from 'node:perf_hooks';

/**
 * Keeps the calling thread busy for `ms` milliseconds, as CPU-bound work would: nothing else
 * runs on its event loop meanwhile. Used for injected CPU cost and event-loop stalls.
 */
export function busyWait(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // Spinning on the clock is the point: the loop must stay blocked.
  }
}
