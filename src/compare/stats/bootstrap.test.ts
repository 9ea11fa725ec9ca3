import { describe, expect, it } from 'vitest';
import { createPrng } from '../../executors/prng.js';
import { blockChange, changeOf, medianChange } from './bootstrap.js';

const options = (seed: number) => ({ resamples: 2000, confidence: 0.95, random: createPrng(seed) });

/** A side of per-second values whose statistic is their mean over the picked seconds. */
function meanSide(values: readonly number[]) {
  return {
    size: values.length,
    statistic: (picks: Int32Array) => {
      let sum = 0;
      for (const i of picks) sum += values[i]!;
      return sum / picks.length;
    },
  };
}

describe('medianChange', () => {
  const a = [10.2, 9.8, 10.1, 10.0, 9.9];

  it('gives the same interval for the same seed', () => {
    const b = Array.from({ length: 15 }, (_, i) => 12 + ((i * 37) % 11) / 10);
    expect(medianChange(a, b, 'relative', options(7))).toEqual(
      medianChange(a, b, 'relative', options(7)),
    );
  });

  it('brackets a 20% rise of every run, far from no change', () => {
    const change = medianChange(
      a,
      a.map((v) => v * 1.2),
      'relative',
      options(1),
    );
    expect(change.low).toBeGreaterThan(0.15);
    expect(change.high).toBeLessThan(0.25);
    expect(change.low).toBeLessThanOrEqual(0.2);
    expect(change.high).toBeGreaterThanOrEqual(0.2);
    expect(change.pValue).toBeCloseTo(2 / 2001, 6);
  });

  it('brackets no change for the same runs, with a large p-value', () => {
    const change = medianChange(a, [...a].reverse(), 'absolute', options(3));
    expect(change.low).toBeLessThan(0);
    expect(change.high).toBeGreaterThan(0);
    expect(change.pValue).toBeGreaterThan(0.5);
  });
});

describe('blockChange', () => {
  /** Seconds with a slow wave: neighbours are alike, as in a real run. */
  const wave = (level: number, phase: number) =>
    Array.from({ length: 120 }, (_, i) => level + Math.sin(i / 6 + phase) + ((i * 7919) % 13) / 26);

  it('finds a 10% shift of a wavy series significant and brackets it', () => {
    const change = blockChange(
      meanSide(wave(10, 0)),
      meanSide(wave(11, 1)),
      'relative',
      5,
      options(11),
    );
    expect(change.low).toBeGreaterThan(0);
    expect(change.low).toBeLessThan(0.1);
    expect(change.high).toBeGreaterThan(0.1);
    expect(change.pValue).toBeLessThan(0.01);
  });

  it('does not find a change between two phases of one series', () => {
    const change = blockChange(
      meanSide(wave(10, 0)),
      meanSide(wave(10, 2)),
      'relative',
      5,
      options(5),
    );
    expect(change.low).toBeLessThan(0);
    expect(change.high).toBeGreaterThan(0);
    expect(change.pValue).toBeGreaterThan(0.05);
  });

  it('is wider with blocks than with single seconds when neighbours are alike', () => {
    const a = meanSide(wave(10, 0));
    const b = meanSide(wave(10, 0.5));
    const single = blockChange(a, b, 'absolute', 1, options(2));
    const blocks = blockChange(a, b, 'absolute', 10, options(2));
    expect(blocks.high - blocks.low).toBeGreaterThan(single.high - single.low);
  });
});

describe('changeOf', () => {
  it('is b / a − 1 or b − a, and NaN for a relative change from 0', () => {
    expect(changeOf(10, 12, 'relative')).toBeCloseTo(0.2, 12);
    expect(changeOf(0.01, 0.03, 'absolute')).toBeCloseTo(0.02, 12);
    expect(changeOf(0, 1, 'relative')).toBeNaN();
  });
});
