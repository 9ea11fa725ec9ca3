import type { Randomizer } from '@faker-js/faker';

const TWO_POW_32 = 0x1_0000_0000;

/**
 * A small seeded PRNG (mulberry32) whose `seed()` is O(1) and allocation-free, unlike Faker's
 * default Mersenne Twister (about 90 µs per seed), because journeys reseed once per iteration.
 * Implements Faker's `Randomizer`; `next` and `seed` are bound, as Faker calls them detached.
 */
export class SeededRandom implements Randomizer {
  #state = 0;

  /** A number in [0, 1) with 32 random bits. */
  readonly next = (): number => {
    this.#state = (this.#state + 0x6d2b79f5) | 0;
    let t = this.#state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / TWO_POW_32;
  };

  /** Restarts the sequence from `seed` (a number, or numbers folded into one). */
  readonly seed = (seed: number | number[]): void => {
    this.#state = typeof seed === 'number' ? mixSeed(seed, 0) : seed.reduce(mixSeed, 0);
  };
}

/** A 32-bit FNV-1a hash of `text`; computed once per VU for the workload name. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The seed of one iteration: a hash of the run seed, the workload name's hash and the
 * iteration number. It depends on nothing else (not the VU, not the worker thread), so the
 * same `--seed` reproduces the same data for the same iteration.
 */
export function iterationSeed(runSeed: number, workloadHash: number, iteration: number): number {
  return mixSeed(mixSeed(mixSeed(0, runSeed), workloadHash), iteration);
}

/** Folds `value` (any finite number, up to 2^53 exactly) into the 32-bit hash `hash`. */
function mixSeed(hash: number, value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / TWO_POW_32) >>> 0;
  return fmix(Math.imul(fmix(hash ^ low) ^ high, 0x9e3779b1));
}

/** MurmurHash3's finalizer: every input bit affects every output bit. */
function fmix(value: number): number {
  let h = value ^ (value >>> 16);
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
