import { describe, expect, it } from 'vitest';
import { rssGrowth } from './rss-growth.js';
import type { RssSample } from './types.js';

const MiB = 2 ** 20;

/** A reading every 5 s for `seconds`, `rss(t)` MiB each. */
function readings(seconds: number, rss: (t: number) => number): RssSample[] {
  return Array.from({ length: seconds / 5 }, (_, index) => {
    const t = (index + 1) * 5;
    return { t, rssBytes: rss(t) * MiB };
  });
}

describe('rssGrowth', () => {
  it('compares minute-long medians, so a GC sawtooth reads as flat', () => {
    const sawtooth = readings(600, (t) => (t % 20 === 0 ? 220 : 180));
    const growth = rssGrowth(sawtooth, 600);
    expect(growth.baseline).toMatchObject({
      fromS: 60,
      toS: 115,
      readings: 12,
      medianRssBytes: 180 * MiB,
    });
    expect(growth.end).toMatchObject({
      fromS: 545,
      toS: 600,
      readings: 12,
      medianRssBytes: 180 * MiB,
    });
    expect(growth.growthPct).toBe(0);
    expect(growth.atBaseline.rssBytes).toBe(220 * MiB);
    expect(growth.atEnd.rssBytes).toBe(220 * MiB);
  });

  it('reports steady growth, and ignores readings after the load ended', () => {
    const leaking = readings(700, (t) => 100 + t / 10);
    const growth = rssGrowth(leaking, 600);
    expect(growth.atEnd.t).toBe(600);
    expect(growth.pointGrowthPct).toBeCloseTo(((160 - 106) / 106) * 100, 9);
    expect(growth.growthPct).toBeGreaterThan(40);
  });

  it('splits the readings of a short run so the windows never share one', () => {
    const growth = rssGrowth(
      readings(90, () => 150),
      90,
    );
    expect(growth.baseline).toMatchObject({ fromS: 60, toS: 70, readings: 3 });
    expect(growth.end).toMatchObject({ fromS: 80, toS: 90, readings: 3 });
  });

  it('fails when no reading follows the baseline one', () => {
    expect(() =>
      rssGrowth(
        readings(60, () => 150),
        60,
      ),
    ).toThrow(/too few RSS readings/);
  });
});
