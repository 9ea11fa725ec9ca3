import { faker } from '@faker-js/faker/locale/en';
import { describe, expect, it } from 'vitest';
import {
  heavyTailedCount,
  invalidParams,
  pickPopularRanks,
  pickPopularUsernames,
  runTag,
  signupKey,
  signupProfile,
  zipfRank,
} from '../scenarios/lib/index.js';
import { isLaunchdayError } from '../src/core/errors.js';

/** `steps` evenly spaced values in [0, 1): a deterministic stand-in for a uniform stream. */
function grid(steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => (i + 0.5) / steps);
}

/** A small seeded uniform stream (mulberry32). */
function stream(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

describe('zipfRank', () => {
  it('stays within 1…n, and exponent 0 is uniform', () => {
    for (const exponent of [0, 0.5, 1, 2]) {
      for (const u of [0, 0.25, 0.5, 0.999999]) {
        const rank = zipfRank(u, 1000, exponent);
        expect(rank).toBeGreaterThanOrEqual(1);
        expect(rank).toBeLessThanOrEqual(1000);
      }
    }
    const counts = new Map<number, number>();
    for (const u of grid(10_000)) {
      const rank = zipfRank(u, 10, 0);
      counts.set(rank, (counts.get(rank) ?? 0) + 1);
    }
    expect([...counts.values()]).toEqual(Array(10).fill(1000));
  });

  it('gives rank k a share of ln((k+1)/k) / ln(n+1) with exponent 1', () => {
    const n = 10_000;
    const draws = grid(100_000).map((u) => zipfRank(u, n, 1));
    const share = (rank: number) => draws.filter((r) => r === rank).length / draws.length;
    for (const rank of [1, 2, 10]) {
      expect(share(rank)).toBeCloseTo(Math.log((rank + 1) / rank) / Math.log(n + 1), 3);
    }
    const top1Percent = draws.filter((rank) => rank <= n / 100).length / draws.length;
    expect(top1Percent).toBeCloseTo(0.5, 2);
  });
});

describe('pickPopularRanks', () => {
  it('picks distinct ranks, mostly popular ones', () => {
    const ranks = pickPopularRanks(stream(1), 10_000, 200, 1);
    expect(new Set(ranks).size).toBe(200);
    expect(Math.min(...ranks)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...ranks)).toBeLessThanOrEqual(10_000);
    expect(ranks.filter((rank) => rank <= 1000).length).toBeGreaterThan(100);
  });

  it('returns every rank when asked for as many as there are, or more', () => {
    const ranks = pickPopularRanks(stream(2), 50, 80, 2);
    expect([...ranks].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('names seeded accounts', () => {
    expect(pickPopularUsernames(() => 0, 100, 3, 1)).toEqual(['user1', 'user2', 'user3']);
  });
});

describe('heavyTailedCount', () => {
  it('is 0 at u = 0, capped at max, with the mean about mean - 0.5', () => {
    expect(heavyTailedCount(0, 50, 1000)).toBe(0);
    expect(heavyTailedCount(0.999999, 50, 1000)).toBe(1000);
    const counts = grid(100_000).map((u) => heavyTailedCount(u, 20, 5000));
    const mean = counts.reduce((sum, c) => sum + c, 0) / counts.length;
    expect(mean).toBeGreaterThan(18.5);
    expect(mean).toBeLessThan(20.5);
    const sorted = [...counts].sort((a, b) => a - b);
    expect(sorted[counts.length / 2]).toBe(Math.floor(20 * (Math.SQRT2 - 1)));
  });
});

describe('sign-up profiles', () => {
  it('fit the feed service limits and are unique per iteration', () => {
    faker.seed(3);
    const tag = runTag();
    expect(tag).toMatch(/^[0-9a-z]{6}$/);
    const usernames = new Set<string>();
    for (let iteration = 0; iteration < 3000; iteration += 7) {
      const profile = signupProfile(faker, tag, iteration * 1_000_003);
      expect(profile.username).toMatch(/^[A-Za-z0-9_.]{3,30}$/);
      expect([...profile.displayName].length).toBeGreaterThanOrEqual(1);
      expect([...profile.displayName].length).toBeLessThanOrEqual(50);
      expect([...profile.bio].length).toBeLessThanOrEqual(160);
      expect(profile.password.length).toBeGreaterThanOrEqual(8);
      usernames.add(profile.username.toLowerCase());
    }
    expect(usernames.size).toBe(Math.ceil(3000 / 7));
    expect(signupKey(tag, 12)).toBe(`signup-${tag}-12`);
  });
});

describe('invalidParams', () => {
  it('is a usage error naming each parameter', () => {
    const error = invalidParams([{ param: 'peak', message: 'must be above 0' }]);
    expect(isLaunchdayError(error)).toBe(true);
    expect(error.code).toBe('LAUNCHDAY_ERR_INVALID_CONFIG');
    expect(error.exitCode).toBe(2);
    expect(error.issues).toEqual([{ path: '--param peak', message: 'must be above 0' }]);
    expect(error.message).toContain('--param peak: must be above 0');
  });
});
