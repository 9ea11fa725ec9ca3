import { describe, expect, it } from 'vitest';
import type { VuSegment } from './types.js';
import { nextVuChange, vusAt } from './vu-profile.js';

// k6's ramping-vus example: 0 → 10 VUs over 20 s, then back to 0 over 10 s.
const upDown: VuSegment[] = [
  { startMs: 0, durationMs: 20_000, from: 0, to: 10 },
  { startMs: 20_000, durationMs: 10_000, from: 10, to: 0 },
];

describe('vusAt', () => {
  it('adds a VU when the ramp up reaches the next integer', () => {
    expect(vusAt(upDown, 0)).toBe(0);
    expect(vusAt(upDown, 1999)).toBe(0);
    expect(vusAt(upDown, 2000)).toBe(1);
    expect(vusAt(upDown, 19_999)).toBe(9);
    expect(vusAt(upDown, 20_000)).toBe(10);
  });

  it('removes a VU when the ramp down reaches the next integer below', () => {
    expect(vusAt(upDown, 20_999)).toBe(10);
    expect(vusAt(upDown, 21_000)).toBe(9);
    expect(vusAt(upDown, 29_999)).toBe(1);
    expect(vusAt(upDown, 30_000)).toBe(0);
  });

  it('jumps at once on a stage of duration 0', () => {
    const jump: VuSegment[] = [
      { startMs: 0, durationMs: 1000, from: 5, to: 5 },
      { startMs: 1000, durationMs: 0, from: 5, to: 3 },
      { startMs: 1000, durationMs: 1000, from: 3, to: 3 },
    ];
    expect(vusAt(jump, 999)).toBe(5);
    expect(vusAt(jump, 1000)).toBe(3);
    expect(nextVuChange(jump, 0)).toBe(1000);
    expect(nextVuChange(jump, 1000)).toBe(Infinity);
  });
});

describe('nextVuChange', () => {
  it('gives the exact times the count changes', () => {
    expect(nextVuChange(upDown, 0)).toBe(2000);
    expect(nextVuChange(upDown, 2000)).toBe(4000);
    expect(nextVuChange(upDown, 19_000)).toBe(20_000);
    expect(nextVuChange(upDown, 20_000)).toBe(21_000);
    expect(nextVuChange(upDown, 29_500)).toBe(30_000);
    expect(nextVuChange(upDown, 30_000)).toBe(Infinity);
  });

  it('agrees with vusAt at every change', () => {
    const segments: VuSegment[] = [
      { startMs: 0, durationMs: 3000, from: 1, to: 7 },
      { startMs: 3000, durationMs: 5000, from: 7, to: 7 },
      { startMs: 8000, durationMs: 700, from: 7, to: 2 },
    ];
    const changes: number[] = [];
    for (let ms = 0; ms < 9000; ms = nextVuChange(segments, ms)) {
      changes.push(ms);
      if (changes.length > 50) break;
    }
    expect(changes.map((ms) => vusAt(segments, ms))).toEqual([1, 2, 3, 4, 5, 6, 7, 6, 5, 4, 3, 2]);
    for (const [i, ms] of changes.entries()) {
      if (i > 0) expect(vusAt(segments, ms - 0.001)).toBe(vusAt(segments, changes[i - 1]!));
    }
  });
});
