import { describe, expect, it } from 'vitest';
import { globalId, shareCount } from './worker-share.js';

describe('sharing among workers', () => {
  it('splits any total so the shares add up and the ids are the totals 1..n', () => {
    for (const workerCount of [1, 2, 3, 7]) {
      for (const total of [0, 1, 2, 5, 100, 1001]) {
        const ids: number[] = [];
        for (let workerIndex = 0; workerIndex < workerCount; workerIndex++) {
          const share = { workerIndex, workerCount, seed: 1 };
          const count = shareCount(total, share);
          expect(count).toBeGreaterThanOrEqual(Math.floor(total / workerCount));
          expect(count).toBeLessThanOrEqual(Math.ceil(total / workerCount));
          for (let local = 0; local < count; local++) ids.push(globalId(local, share));
        }
        expect(ids.sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
      }
    }
  });
});
