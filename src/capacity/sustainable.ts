import type { CapacityStep } from './types.js';

/**
 * The highest sustainable step at or below the first broken one: steps are taken in order of
 * offered load, and the answer is the last sustainable step before the first step that is not.
 * A sustainable step above a broken one is ignored — a service that breaks at 800/s and holds
 * at 900/s got lucky once, and a launch cannot plan on luck. Null when there are no steps or
 * the lowest one is already broken. Called by the capacity command for the maximum
 * sustainable rate.
 */
export function maxSustainable(steps: readonly CapacityStep[]): CapacityStep | null {
  const sorted = [...steps].sort((a, b) => a.offered - b.offered);
  const firstBroken = sorted.findIndex((step) => !step.sustainable);
  const held = firstBroken < 0 ? sorted : sorted.slice(0, firstBroken);
  return held.at(-1) ?? null;
}

/**
 * Little's law L = X · W: the mean number of requests in the system for a `throughput` in
 * requests/s and a mean latency in milliseconds (W = meanLatencyMs / 1000 s). Called when a
 * step is measured, for its `concurrency` (the USL's N).
 */
export function littleConcurrency(throughput: number, meanLatencyMs: number): number {
  return (throughput * meanLatencyMs) / 1000;
}
