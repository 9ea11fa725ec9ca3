import type { Random } from './random.js';

/** Draws ranks 1..n with P(rank k) proportional to 1 / k^exponent. */
export type ZipfSampler = (random: Random) => number;

/**
 * A Zipf sampler over ranks 1..`n` by inversion of the cumulative table (8 bytes per rank,
 * built once in O(n)), with a guide table (Chen and Asau; 4 bytes per rank) that points each
 * draw to within a step or two of its rank: O(1) expected per draw instead of a bisection's
 * log2(n) cache misses. With `exponent` 1 the weights are 1 / k, exact in IEEE arithmetic, so
 * the tables and the draws are the same on every platform.
 */
export function createZipfSampler(n: number, exponent: number): ZipfSampler {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  if (!(exponent > 0)) throw new RangeError(`exponent must be positive, got ${exponent}`);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let k = 1; k <= n; k++) {
    total += exponent === 1 ? 1 / k : k ** -exponent;
    cumulative[k - 1] = total;
  }
  // guide[j]: the first index whose cumulative weight exceeds the start of bucket j.
  const guide = new Int32Array(n);
  for (let bucket = 0, index = 0; bucket < n; bucket++) {
    while (cumulative[index]! <= (bucket / n) * total && index < n - 1) index++;
    guide[bucket] = index;
  }
  return (random) => {
    const uniform = random.float();
    const target = uniform * total;
    let index = guide[Math.floor(uniform * n)]!;
    // A rounding of `uniform * n` up into the next bucket can start the search one too far.
    while (index > 0 && cumulative[index - 1]! > target) index--;
    while (cumulative[index]! <= target && index < n - 1) index++;
    return index + 1;
  };
}
