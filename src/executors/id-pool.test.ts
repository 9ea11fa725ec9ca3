import { describe, expect, it } from 'vitest';
import { IdPool } from './id-pool.js';
import { createPrng } from './prng.js';

describe('IdPool', () => {
  it('always hands out the lowest free id', () => {
    const pool = new IdPool();
    expect([pool.acquire(), pool.acquire(), pool.acquire(), pool.acquire()]).toEqual([0, 1, 2, 3]);
    pool.release(2);
    pool.release(0);
    expect(pool.acquire()).toBe(0);
    expect(pool.acquire()).toBe(2);
    expect(pool.acquire()).toBe(4);
  });

  it('agrees with a reference over a long random sequence', () => {
    const pool = new IdPool();
    const held = new Set<number>();
    const random = createPrng(3);
    for (let step = 0; step < 20_000; step++) {
      if (held.size > 0 && random() < 0.5) {
        const ids = [...held];
        const id = ids[Math.floor(random() * ids.length)]!;
        held.delete(id);
        pool.release(id);
      } else {
        let lowest = 0;
        while (held.has(lowest)) lowest++;
        const id = pool.acquire();
        expect(id).toBe(lowest);
        held.add(id);
      }
    }
  });
});
