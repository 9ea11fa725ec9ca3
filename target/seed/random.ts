/**
 * A seeded pseudo-random source for seeding: xoshiro128** (128 bits of state, period 2^128 - 1),
 * seeded through splitmix32. Only 32-bit integer arithmetic (`Math.imul`, shifts), so the same
 * seed and stream give the same sequence on every platform and Node version. Not for secrets.
 */
export interface Random {
  /** A float in [0, 1), with 32 bits of randomness. */
  float(): number;
  /** An integer in [0, `bound`), for `bound` from 1 to 2^32. */
  int(bound: number): number;
}

const TWO_TO_32 = 4_294_967_296;

/**
 * The random source of sub-stream `stream` of `seed` (a safe integer, negatives allowed).
 * Each part of the population draws from its own stream, so changing how one part is drawn
 * leaves the others as they were.
 */
export function createRandom(seed: number, stream: number): Random {
  if (!Number.isSafeInteger(seed) || !Number.isSafeInteger(stream)) {
    throw new RangeError(`seed and stream must be safe integers, got ${seed} and ${stream}`);
  }
  const next32 = splitmix32(mix(seed, stream));
  const nextUint32 = xoshiro128(next32(), next32(), next32(), next32());
  return {
    float: () => nextUint32() / TWO_TO_32,
    int: (bound) => Math.floor((nextUint32() / TWO_TO_32) * bound),
  };
}

/** Folds a safe integer seed (53 bits, sign included) and a stream number into 32 bits. */
function mix(seed: number, stream: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / TWO_TO_32) >>> 0;
  let h = Math.imul(low ^ 0x9e3779b9, 0x85ebca6b) ^ high;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) ^ Math.imul(stream ^ 0x7f4a7c15, 0x27d4eb2f);
  return (h ^ (h >>> 16)) >>> 0;
}

function splitmix32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
}

function xoshiro128(a: number, b: number, c: number, d: number): () => number {
  let [s0, s1, s2, s3] = [a, b, c, d];
  // An all-zero state would only ever give zeros.
  if ((s0 | s1 | s2 | s3) === 0) s0 = 1;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
