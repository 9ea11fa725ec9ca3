import { decodeFromCompressedBase64 } from 'hdr-histogram-js';
import { describe, expect, it } from 'vitest';
import { HdrHistogram } from './hdr-histogram.js';

function filled(values: number[]): HdrHistogram {
  const histogram = new HdrHistogram();
  for (const value of values) histogram.record(value);
  return histogram;
}

describe('HdrHistogram', () => {
  it('reports percentiles within three significant digits and exact min, max, mean', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => i + 1);
    const histogram = filled(values);
    expect(histogram.count).toBe(10_000);
    expect(histogram.min).toBe(1);
    expect(histogram.max).toBe(10_000);
    expect(histogram.mean).toBe(5000.5);
    for (const p of [50, 90, 99, 99.9]) {
      const truth = Math.ceil((p / 100) * 10_000);
      expect(Math.abs(histogram.percentile(p) - truth) / truth).toBeLessThan(0.001);
    }
    expect(histogram.percentile(100)).toBe(10_000);
  });

  it('merges exactly: the merge of parts equals the histogram of the whole', () => {
    const values = Array.from({ length: 5000 }, (_, i) => (i * 7919) % 3_000_000);
    const whole = filled(values);
    const merged = filled(values.slice(0, 1234));
    merged.add(filled(values.slice(1234)));
    for (const p of [1, 50, 95, 99, 99.99]) expect(merged.percentile(p)).toBe(whole.percentile(p));
    expect(merged.count).toBe(whole.count);
    expect(merged.sum).toBe(whole.sum);
  });

  it('round-trips through the thread transfer form without loss', () => {
    const histogram = filled([3, 3, 700, 45_000, 2_000_000]);
    const copy = HdrHistogram.fromTransfer(structuredClone(histogram.toTransfer()));
    expect(copy.count).toBe(5);
    expect(copy.mean).toBe(histogram.mean);
    expect(copy.percentile(80)).toBe(histogram.percentile(80));
  });

  it('encodes the standard V2 format that hdr-histogram-js reads', () => {
    const histogram = filled(Array.from({ length: 1000 }, (_, i) => 100 + i * 37));
    const encoded = histogram.encode();
    const theirs = decodeFromCompressedBase64(encoded);
    expect(theirs.totalCount).toBe(1000);
    for (const p of [50, 99]) {
      expect(Math.abs(theirs.getValueAtPercentile(p) - histogram.percentile(p))).toBeLessThan(
        histogram.percentile(p) * 0.001 + 1,
      );
    }
    const ours = HdrHistogram.decode(encoded);
    expect(ours.count).toBe(1000);
    expect(ours.percentile(99)).toBe(histogram.percentile(99));
  });

  it('lists its non-empty buckets in order with the values each one stands for', () => {
    const buckets: [number, number, number][] = [];
    filled([0, 5, 5, 2047, 5000, 5001]).forEachBucket((lowest, highest, count) =>
      buckets.push([lowest, highest, count]),
    );
    expect(buckets).toEqual([
      [0, 0, 1],
      [5, 5, 2],
      [2047, 2047, 1],
      [5000, 5003, 2],
    ]);
  });

  it('clamps values above the range and counts negatives as zero', () => {
    const histogram = filled([-5, 1e12]);
    expect(histogram.min).toBe(0);
    expect(histogram.max).toBe(0xffff_ffff);
  });
});
