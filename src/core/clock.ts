/**
 * Wall-clock time in milliseconds since the Unix epoch, with sub-millisecond resolution and
 * monotonic within a thread. Unlike `performance.now()`, it is comparable across worker
 * threads, which each have their own `performance.timeOrigin`; the engine uses it for planned
 * start times that several threads share.
 */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Resolves after `ms` milliseconds. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
