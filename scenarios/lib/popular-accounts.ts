import { seededUsername } from './seeded-accounts.js';

/** Draws beyond `count` × this give up on rejection and fill the rest by rank. */
const MAX_DRAWS_PER_PICK = 20;

/**
 * A Zipf-like popularity rank in 1…`n` from `u` in [0, 1): the inverse of the continuous density
 * x^-exponent on [1, n + 1), floored, so P(rank k) is about proportional to k^-exponent (with
 * exponent 1 and 10,000 accounts, user1 gets 7.5% of the draws, the top 1% of ranks half of
 * them). O(1), no table: it costs the same for a million seeded accounts as for a hundred.
 * `exponent` ≥ 0; 0 is uniform.
 */
export function zipfRank(u: number, n: number, exponent: number): number {
  const top = n + 1;
  const x =
    exponent === 1 ? top ** u : (1 + u * (top ** (1 - exponent) - 1)) ** (1 / (1 - exponent));
  return Math.min(n, Math.max(1, Math.floor(x)));
}

/**
 * `count` distinct ranks of 1…`n` (at most `n`), each drawn with {@link zipfRank} from `random`
 * (a journey's `ctx.random`), so they point mostly at the most followed accounts. When the
 * popular ranks are used up and draws keep repeating, the rest is filled with the best ranks not
 * picked yet, so the cost stays bounded by `count` × 20 draws.
 */
export function pickPopularRanks(
  random: () => number,
  n: number,
  count: number,
  exponent: number,
): number[] {
  const wanted = Math.min(count, n);
  const picked = new Set<number>();
  for (let draws = 0; picked.size < wanted && draws < wanted * MAX_DRAWS_PER_PICK; draws++) {
    picked.add(zipfRank(random(), n, exponent));
  }
  for (let rank = 1; picked.size < wanted; rank++) picked.add(rank);
  return [...picked];
}

/** {@link pickPopularRanks} as seeded usernames (`user<rank>`), e.g. for a sign-up's follows. */
export function pickPopularUsernames(
  random: () => number,
  n: number,
  count: number,
  exponent: number,
): string[] {
  return pickPopularRanks(random, n, count, exponent).map(seededUsername);
}
