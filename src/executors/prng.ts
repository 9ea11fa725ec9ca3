/** A seeded pseudo-random source: each call returns a float in [0, 1). */
export type Prng = () => number;

/**
 * A small, fast seeded PRNG (mulberry32: 32 bits of state, period 2^32), enough for arrival
 * jitter and test data; not for cryptography. The same seed gives the same sequence on every
 * platform. `seed` is taken modulo 2^32.
 */
export function createPrng(seed: number): Prng {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * Derives the seed of sub-stream `stream` (e.g. a worker index) from `seed`, so that streams of
 * one seed are independent-looking and each is reproducible. Returns a 32-bit unsigned integer.
 */
export function deriveSeed(seed: number, stream: number): number {
  // A murmur3-style finalizer spreads nearby (seed, stream) pairs over the whole state space.
  let h = ((seed >>> 0) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Draws from the exponential distribution with mean 1, by inversion. */
export function exponential(random: Prng): number {
  return -Math.log(1 - random());
}
