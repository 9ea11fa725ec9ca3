import type { Knee } from './types.js';

/** What {@link findKnee} reads of a step. */
export interface KneePoint {
  /** The offered arrival rate (iterations/s). */
  readonly offered: number;
  /** Requests completed per second. */
  readonly throughput: number;
  /** p99 latency, ms. */
  readonly p99Ms: number;
}

/**
 * The knee of p99 latency against offered load, by Kneedle (Satopää et al., "Finding a
 * 'Kneedle' in a Haystack", 2011) on the whole curve: the steps, sorted by offered load, are
 * normalised to [0, 1] on both axes, and the knee is the step where the normalised latency lies
 * furthest below the chord from the lowest to the highest load (the largest x − y) — where
 * latency stops growing slowly and starts climbing. Returns that step's offered load,
 * throughput and p99. Null with fewer than 3 steps, when offered load or p99 does not vary,
 * or when no step lies below the chord (latency grows linearly or ever more slowly: no knee).
 * Called by the capacity command on the staircase's steps.
 */
export function findKnee(steps: readonly KneePoint[]): Knee | null {
  if (steps.length < 3) return null;
  const sorted = [...steps].sort((a, b) => a.offered - b.offered);
  const x = normalise(sorted.map((step) => step.offered));
  const y = normalise(sorted.map((step) => step.p99Ms));
  if (!x || !y) return null;
  let best = -1;
  let bestGap = 0;
  for (let i = 1; i < sorted.length - 1; i++) {
    const gap = x[i]! - y[i]!;
    if (gap > bestGap) [best, bestGap] = [i, gap];
  }
  if (best < 0) return null;
  const { offered, throughput, p99Ms } = sorted[best]!;
  return { offered, throughput, p99Ms };
}

/** `values` mapped linearly onto [0, 1], or null when they are all the same. */
function normalise(values: readonly number[]): number[] | null {
  const low = Math.min(...values);
  const range = Math.max(...values) - low;
  if (!(range > 0)) return null;
  return values.map((value) => (value - low) / range);
}
