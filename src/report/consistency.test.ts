import { describe, expect, it } from 'vitest';
import type { ConsistencyKind } from '../core/result.js';
import { countGap, formatIdList, formatMissing, formatStored, lostWrites } from './consistency.js';

const kept: ConsistencyKind = {
  kind: 'users',
  acknowledged: 120,
  stored: 120,
  sampled: 120,
  missing: [],
};

describe('lostWrites and countGap', () => {
  it('keeps a kind whose count grew by at least what was acknowledged and whose ids are there', () => {
    expect(lostWrites(kept)).toBe(false);
    expect(lostWrites({ ...kept, stored: 125 })).toBe(false);
    expect(countGap({ ...kept, stored: 125 })).toBe(0);
  });

  it('loses writes when the count grew by less, or when a looked-up id is missing', () => {
    expect(countGap({ ...kept, stored: 118 })).toBe(2);
    expect(lostWrites({ ...kept, stored: 118 })).toBe(true);
    expect(lostWrites({ ...kept, missing: ['17'] })).toBe(true);
  });

  it('judges a kind the target does not count by its ids alone', () => {
    expect(countGap({ ...kept, stored: null })).toBe(0);
    expect(lostWrites({ ...kept, stored: null })).toBe(false);
    expect(lostWrites({ ...kept, stored: null, missing: ['9'] })).toBe(true);
  });
});

describe('formatting', () => {
  it('signs the growth of a count, and says when there is none', () => {
    expect(formatStored(118)).toBe('+118');
    expect(formatStored(0)).toBe('+0');
    expect(formatStored(-3)).toBe('-3');
    expect(formatStored(null)).toBe('not counted');
  });

  it('lists ids up to a cap, then says how many more', () => {
    expect(formatIdList([], 3)).toBe('');
    expect(formatIdList(['17', '42'], 3)).toBe('17, 42');
    expect(formatIdList(['1', '2', '3'], 3)).toBe('1, 2, 3');
    expect(formatIdList(['1', '2', '3', '4', '5'], 3)).toBe('1, 2, 3 and 2 more');
  });

  it('gives the missing cell as a count with the first ids', () => {
    expect(formatMissing(kept, 20)).toBe('0');
    expect(formatMissing({ ...kept, missing: ['17', '42'] }, 20)).toBe('2 (17, 42)');
    expect(formatMissing({ ...kept, missing: ['17', '42', '99'] }, 1)).toBe('3 (17 and 2 more)');
  });
});
