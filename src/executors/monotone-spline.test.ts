import { describe, expect, it } from 'vitest';
import { createMonotoneSpline } from './monotone-spline.js';

// The Threads launch in (hours, millions), with the launch itself at (0, 0).
const XS = [0, 1, 2, 4, 5, 7, 16, 32.25, 41, 102];
const YS = [0, 1, 2, 5, 6.52, 10, 30, 60.61, 70, 100];
// A curve with a flat stretch and a sharp jump, where naive cubics overshoot.
const STEP_XS = [0, 1, 2, 3, 4, 10];
const STEP_YS = [0, 0, 0, 50, 51, 51];

function samples(xs: readonly number[], perInterval = 200): number[] {
  const out: number[] = [];
  for (let i = 0; i < xs.length - 1; i++) {
    for (let k = 0; k < perInterval; k++)
      out.push(xs[i]! + ((xs[i + 1]! - xs[i]!) * k) / perInterval);
  }
  out.push(xs.at(-1)!);
  return out;
}

describe('createMonotoneSpline', () => {
  it.each([
    ['the Threads curve', XS, YS],
    ['a flat stretch and a jump', STEP_XS, STEP_YS],
  ])('passes through every point of %s', (_, xs, ys) => {
    const spline = createMonotoneSpline(xs, ys);
    expect(xs.map((x) => spline.valueAt(x))).toEqual(ys.map((y) => expect.closeTo(y, 12)));
  });

  it.each([
    ['the Threads curve', XS, YS],
    ['a flat stretch and a jump', STEP_XS, STEP_YS],
  ])('never decreases and has a slope of at least 0 on %s', (_, xs, ys) => {
    const spline = createMonotoneSpline(xs, ys);
    const at = samples(xs);
    for (let k = 1; k < at.length; k++) {
      expect(spline.valueAt(at[k]!)).toBeGreaterThanOrEqual(spline.valueAt(at[k - 1]!) - 1e-12);
      expect(spline.slopeAt(at[k]!)).toBeGreaterThanOrEqual(-1e-12);
    }
    // Flat stretches stay flat: no overshoot before the jump or after it.
    if (xs === STEP_XS) {
      expect(spline.valueAt(1.5)).toBe(0);
      expect(spline.valueAt(7)).toBe(51);
    }
  });

  it('has a continuous slope: the same on both sides of every knot', () => {
    const spline = createMonotoneSpline(XS, YS);
    for (const x of XS.slice(1, -1)) {
      expect(spline.slopeAt(x - 1e-9)).toBeCloseTo(spline.slopeAt(x + 1e-9), 6);
    }
  });

  it('has the slope its values change by', () => {
    const spline = createMonotoneSpline(XS, YS);
    for (const x of [0.5, 3, 6.2, 20, 50, 90]) {
      const numeric = (spline.valueAt(x + 1e-6) - spline.valueAt(x - 1e-6)) / 2e-6;
      expect(spline.slopeAt(x)).toBeCloseTo(numeric, 5);
    }
  });

  it('is the straight line through two points, with slope 0 outside them', () => {
    const spline = createMonotoneSpline([2, 6], [10, 30]);
    expect(spline.valueAt(3)).toBeCloseTo(15, 12);
    expect(spline.slopeAt(5)).toBeCloseTo(5, 12);
    expect([spline.valueAt(0), spline.valueAt(9)]).toEqual([10, 30]);
    expect([spline.slopeAt(1), spline.slopeAt(7)]).toEqual([0, 0]);
  });

  it('finds where the slope turns inside an interval', () => {
    const spline = createMonotoneSpline(XS, YS);
    const turn = spline.slopeTurnIn(6);
    expect(turn).toBeGreaterThan(16);
    expect(turn).toBeLessThan(32.25);
    const peak = spline.slopeAt(turn!);
    for (const x of samples([16, 32.25]))
      expect(spline.slopeAt(x)).toBeLessThanOrEqual(peak + 1e-12);
    expect(createMonotoneSpline([0, 1], [0, 1]).slopeTurnIn(0)).toBeUndefined();
  });
});
