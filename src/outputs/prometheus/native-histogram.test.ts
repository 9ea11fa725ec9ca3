import { describe, expect, it } from 'vitest';
import { HdrHistogram } from '../../metrics/hdr-histogram.js';
import {
  NATIVE_SCHEMA,
  NATIVE_ZERO_THRESHOLD,
  nativeBucketIndex,
  nativeBucketUpperBound,
  toNativeHistogram,
} from './native-histogram.js';

function histogramOf(microseconds: readonly number[]): HdrHistogram {
  const histogram = new HdrHistogram();
  for (const value of microseconds) histogram.record(value);
  return histogram;
}

/** The buckets of a native histogram as [index, count], rebuilt from spans and deltas. */
function buckets(native: ReturnType<typeof toNativeHistogram>): [number, number][] {
  const out: [number, number][] = [];
  let index = 0;
  let count = 0;
  let d = 0;
  native.positiveSpans.forEach((span, s) => {
    index += span.offset + (s === 0 ? 0 : 1);
    for (let i = 0; i < span.length; i++, d++) {
      if (i > 0) index++;
      count += native.positiveDeltas[d]!;
      out.push([index, count]);
    }
  });
  return out;
}

describe('nativeBucketIndex', () => {
  it('puts every power 2^(k/8) in the bucket it closes and anything above in the next', () => {
    for (let k = -120; k <= 60; k++) {
      const bound = 2 ** (k / 8);
      expect(nativeBucketIndex(bound, 3)).toBe(k);
      expect(nativeBucketIndex(bound * (1 + 1e-12), 3)).toBe(k + 1);
      expect(nativeBucketUpperBound(k, 3)).toBe(bound);
    }
  });

  it('matches the schema-3 boundaries for latencies in seconds', () => {
    expect(nativeBucketIndex(1, 3)).toBe(0);
    expect(nativeBucketIndex(0.001, 3)).toBe(-79); // (2^-10, 2^-9.875] = (0.000977, 0.001064]
    expect(nativeBucketIndex(0.0015, 3)).toBe(-75);
    expect(nativeBucketIndex(0.015625, 3)).toBe(-48); // exactly 2^-6 closes bucket -48
    expect(nativeBucketIndex(60, 3)).toBe(48); // 2^5.875 = 58.7 < 60 <= 2^6
  });
});

describe('toNativeHistogram', () => {
  it('converts microseconds to seconds with a zero bucket, spans and delta-encoded counts', () => {
    const native = toNativeHistogram(histogramOf([0, 0, 1000, 1000, 1070, 1500, 2000, 1e6, 1e6]));
    expect(native).toEqual({
      count: 9,
      sum: (1000 + 1000 + 1070 + 1500 + 2000 + 2e6) / 1e6,
      schema: NATIVE_SCHEMA,
      zeroThreshold: NATIVE_ZERO_THRESHOLD,
      zeroCount: 2,
      positiveSpans: [
        { offset: -79, length: 2 }, // 1 ms ×2 in -79, 1.07 ms in -78
        { offset: 2, length: 1 }, // 1.5 ms in -75
        { offset: 3, length: 1 }, // 2 ms in -71
        { offset: 70, length: 1 }, // 1 s ×2 in 0
      ],
      positiveDeltas: [2, -1, 0, 0, 1],
    });
    expect(buckets(native)).toEqual([
      [-79, 2],
      [-78, 1],
      [-75, 1],
      [-71, 1],
      [0, 2],
    ]);
  });

  it('keeps a value on a boundary in the bucket it closes, also above HDR exact range', () => {
    // 15625 µs = 2^-6 s; its HDR bucket spans 15624–15631 µs, so the exact min/max must decide.
    const native = toNativeHistogram(histogramOf([15_625]));
    expect(buckets(native)).toEqual([[-48, 1]]);
  });

  it('gives an empty histogram for no observations', () => {
    expect(toNativeHistogram(new HdrHistogram())).toMatchObject({
      count: 0,
      sum: 0,
      zeroCount: 0,
      positiveSpans: [],
      positiveDeltas: [],
    });
  });

  it('keeps every observation and brackets each percentile within one bucket', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => 100 + ((i * 7919) % 400_000));
    const hdr = histogramOf(values);
    const native = toNativeHistogram(hdr);
    const list = buckets(native);
    expect(list.reduce((sum, [, count]) => sum + count, 0) + native.zeroCount).toBe(20_000);
    for (const p of [50, 90, 99, 99.9]) {
      const rank = Math.ceil((p / 100) * hdr.count);
      let seen = 0;
      const [index] = list.find(([, count]) => {
        seen += count;
        return seen >= rank;
      })!;
      const seconds = hdr.percentile(p) / 1e6;
      expect(seconds).toBeGreaterThan(nativeBucketUpperBound(index - 1, 3) * 0.999);
      expect(seconds).toBeLessThanOrEqual(nativeBucketUpperBound(index, 3) * 1.001);
    }
  });
});
