import { describe, expect, it } from 'vitest';
import {
  MAX_WRITE_KINDS,
  mergeWriteLogs,
  WRITE_SAMPLE_SIZE,
  WriteSampler,
} from './write-sampler.js';

/** `count` writes of `kind` with ids 0 … count-1 recorded into `sampler`. */
function recordRange(sampler: WriteSampler, kind: string, count: number): void {
  for (let id = 0; id < count; id++) sampler.recordWrite(kind, id);
}

describe('WriteSampler', () => {
  it('keeps every id, in order, while a kind has no more than the sample size', () => {
    const sampler = new WriteSampler();
    recordRange(sampler, 'posts', WRITE_SAMPLE_SIZE);
    sampler.recordWrite('follows', '1:2');
    const log = sampler.log();
    expect(Object.keys(log)).toEqual(['follows', 'posts']);
    expect(log.follows).toEqual({ count: 1, sample: ['1:2'] });
    expect(log.posts?.count).toBe(WRITE_SAMPLE_SIZE);
    expect(log.posts?.sample).toEqual(Array.from({ length: WRITE_SAMPLE_SIZE }, (_, i) => `${i}`));
  });

  it('counts every write but keeps at most the sample size, distinct recorded ids', () => {
    const sampler = new WriteSampler();
    recordRange(sampler, 'users', 100_000);
    const { count, sample } = sampler.log().users!;
    expect(count).toBe(100_000);
    expect(sample).toHaveLength(WRITE_SAMPLE_SIZE);
    expect(new Set(sample).size).toBe(WRITE_SAMPLE_SIZE);
    expect(sample.every((id) => Number(id) >= 0 && Number(id) < 100_000)).toBe(true);
  });

  it('samples uniformly: every tenth of the writes gets about a tenth of the sample', () => {
    const deciles = new Array<number>(10).fill(0);
    const rounds = 200;
    for (let round = 0; round < rounds; round++) {
      const sampler = new WriteSampler(50);
      recordRange(sampler, 'posts', 1000);
      for (const id of sampler.log().posts!.sample) deciles[Math.floor(Number(id) / 100)]!++;
    }
    // 10 000 ids drawn; each decile expects 1 000 with a standard deviation of about 30.
    for (const hits of deciles) expect(hits).toBeGreaterThan(800);
    for (const hits of deciles) expect(hits).toBeLessThan(1200);
  });

  it('hands out a copy, so recording on does not change a log already taken', () => {
    const sampler = new WriteSampler(2);
    sampler.recordWrite('likes', '1:1');
    const log = sampler.log();
    sampler.recordWrite('likes', '1:2');
    expect(log).toEqual({ likes: { count: 1, sample: ['1:1'] } });
  });

  it('refuses a kind beyond the most a worker thread records, naming it', () => {
    const sampler = new WriteSampler();
    for (let i = 0; i < MAX_WRITE_KINDS; i++) sampler.recordWrite(`kind_${i}`, 1);
    sampler.recordWrite('kind_0', 2);
    expect(() => sampler.recordWrite('one_more', 1)).toThrow(RangeError);
    expect(() => sampler.recordWrite('one_more', 1)).toThrow(
      `the kind 'one_more' would be kind number ${MAX_WRITE_KINDS + 1}`,
    );
    expect(Object.keys(sampler.log())).toHaveLength(MAX_WRITE_KINDS);
  });
});

describe('mergeWriteLogs', () => {
  it('sums counts and concatenates samples in worker order, kinds in name order', () => {
    const merged = mergeWriteLogs([
      { users: { count: 700, sample: ['1', '2'] }, posts: { count: 1, sample: ['p1'] } },
      {},
      { users: { count: 3, sample: ['9', '8', '7'] }, follows: { count: 1, sample: ['1:2'] } },
    ]);
    expect(merged).toEqual({
      follows: { count: 1, sample: ['1:2'] },
      posts: { count: 1, sample: ['p1'] },
      users: { count: 703, sample: ['1', '2', '9', '8', '7'] },
    });
    expect(Object.keys(merged)).toEqual(['follows', 'posts', 'users']);
    expect(mergeWriteLogs([])).toEqual({});
  });

  it('leaves the logs it merges as they were', () => {
    const first = { posts: { count: 1, sample: ['a'] } };
    mergeWriteLogs([first, { posts: { count: 1, sample: ['b'] } }]);
    expect(first).toEqual({ posts: { count: 1, sample: ['a'] } });
  });
});
