import { deflateSync, inflateSync } from 'node:zlib';

/**
 * Sub-buckets per bucket: 2048 gives three significant decimal digits (relative error at most
 * 1/1024), as HdrHistogram's default. The index layout is HdrHistogram's (unit magnitude 0), so
 * the encoding below is the standard V2 format that other HDR tools read.
 */
const SUB_BUCKET_BITS = 11;
const SUB_BUCKET_COUNT = 1 << SUB_BUCKET_BITS;
const HALF_BITS = SUB_BUCKET_BITS - 1;
const HALF_COUNT = 1 << HALF_BITS;
const SIGNIFICANT_DIGITS = 3;
/** Values are clamped to this: 2^32 − 1 µs, about 71.6 minutes. */
export const HISTOGRAM_MAX_VALUE = 0xffff_ffff;
const ENCODING_COOKIE = 0x1c849303;
const COMPRESSED_COOKIE = 0x1c849304;

/**
 * A high-dynamic-range histogram of non-negative integers (launchday records microseconds):
 * constant memory whatever the number of samples, three significant digits, exact count, min,
 * max and mean. Recording is a few nanoseconds and allocates nothing; the counts array grows
 * only when a larger value than any before arrives. Histograms merge exactly with {@link add}.
 */
export class HdrHistogram {
  private counts: Float64Array = new Float64Array(SUB_BUCKET_COUNT);
  /** Number of samples. */
  count = 0;
  /** Smallest recorded value, exact (Infinity when empty). */
  min = Number.POSITIVE_INFINITY;
  /** Largest recorded value, exact (0 when empty). */
  max = 0;
  /** Sum of the recorded values, for an exact mean. */
  sum = 0;

  /** Records one value; negative values count as 0, values above the range are clamped. */
  record(value: number): void {
    const v =
      value <= 0 ? 0 : value >= HISTOGRAM_MAX_VALUE ? HISTOGRAM_MAX_VALUE : Math.trunc(value);
    const index = indexOf(v);
    if (index >= this.counts.length) this.grow(index);
    this.counts[index]! += 1;
    this.count += 1;
    this.sum += v;
    if (v < this.min) this.min = v;
    if (v > this.max) this.max = v;
  }

  /** The exact mean of the recorded values (0 when empty). */
  get mean(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /**
   * The value at percentile `p` (0–100): the highest value equivalent to the sample at that
   * rank, as HdrHistogram reports it; exact for p = 0 and 100. 0 when empty.
   */
  percentile(p: number): number {
    if (this.count === 0) return 0;
    if (p >= 100) return this.max;
    if (p <= 0) return this.min;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.counts.length; i++) {
      seen += this.counts[i]!;
      if (seen >= rank) return Math.min(highestEquivalentValue(i), this.max);
    }
    return this.max;
  }

  /**
   * Calls `visit` for every non-empty bucket, in increasing order, with the lowest and highest
   * value the bucket stands for (equal below 2048, where buckets hold one value each) and its
   * count. Outputs convert histograms to other bucket layouts with it (Prometheus buckets).
   */
  forEachBucket(visit: (lowest: number, highest: number, count: number) => void): void {
    const counts = this.counts;
    // Block by block of HALF_COUNT indexes, which share one bucket width: no power per index.
    for (let start = 0; start < counts.length; start += HALF_COUNT) {
      const block = start >>> HALF_BITS;
      const width = 2 ** Math.max(0, block - 1);
      const firstSub = block === 0 ? 0 : HALF_COUNT;
      const end = Math.min(counts.length, start + HALF_COUNT);
      for (let i = start; i < end; i++) {
        const count = counts[i]!;
        if (count === 0) continue;
        const lowest = (firstSub + i - start) * width;
        visit(lowest, lowest + width - 1, count);
      }
    }
  }

  /** Adds every sample of `other` to this histogram: merging is exact. */
  add(other: HdrHistogram): void {
    if (other.count === 0) return;
    if (other.counts.length > this.counts.length) this.grow(other.counts.length - 1);
    for (let i = 0; i < other.counts.length; i++) this.counts[i]! += other.counts[i]!;
    this.count += other.count;
    this.sum += other.sum;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Empties the histogram, keeping its memory. */
  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.sum = 0;
    this.min = Number.POSITIVE_INFINITY;
    this.max = 0;
  }

  /** A copy with the same samples. */
  clone(): HdrHistogram {
    const copy = new HdrHistogram();
    copy.add(this);
    return copy;
  }

  /** A compact, structured-clonable form for sending between threads ({@link fromTransfer}). */
  toTransfer(): HistogramTransfer {
    const pairs: number[] = [];
    for (let i = 0; i < this.counts.length; i++) {
      if (this.counts[i]! > 0) pairs.push(i, this.counts[i]!);
    }
    return { pairs: Float64Array.from(pairs), sum: this.sum, min: this.min, max: this.max };
  }

  /** Rebuilds a histogram sent with {@link toTransfer}. */
  static fromTransfer(data: HistogramTransfer): HdrHistogram {
    const histogram = new HdrHistogram();
    const { pairs } = data;
    const last = pairs.length >= 2 ? pairs[pairs.length - 2]! : 0;
    if (last >= histogram.counts.length) histogram.grow(last);
    for (let i = 0; i < pairs.length; i += 2) {
      histogram.counts[pairs[i]!] = pairs[i + 1]!;
      histogram.count += pairs[i + 1]!;
    }
    histogram.sum = data.sum;
    histogram.min = data.min;
    histogram.max = data.max;
    return histogram;
  }

  /**
   * The standard HdrHistogram V2 compressed encoding in base64, readable by HdrHistogram
   * libraries in every language (e.g. hdr-histogram-js `decodeFromCompressedBase64`).
   */
  encode(): string {
    const payload = encodeCounts(this.counts, this.max);
    const header = Buffer.alloc(40);
    header.writeInt32BE(ENCODING_COOKIE, 0);
    header.writeInt32BE(payload.length, 4);
    header.writeInt32BE(0, 8);
    header.writeInt32BE(SIGNIFICANT_DIGITS, 12);
    header.writeBigInt64BE(1n, 16);
    header.writeBigInt64BE(BigInt(HISTOGRAM_MAX_VALUE), 24);
    header.writeDoubleBE(1, 32);
    const compressed = deflateSync(Buffer.concat([header, payload]));
    const envelope = Buffer.alloc(8);
    envelope.writeInt32BE(COMPRESSED_COOKIE, 0);
    envelope.writeInt32BE(compressed.length, 4);
    return Buffer.concat([envelope, compressed]).toString('base64');
  }

  /**
   * Decodes {@link encode}'s output (or any V2 histogram with unit magnitude 0 and at least
   * three significant digits' resolution in the same layout). The exact sum is not part of the
   * format, so the mean of a decoded histogram is computed from bucket midpoints.
   */
  static decode(base64: string): HdrHistogram {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length < 8 || bytes.readInt32BE(0) !== COMPRESSED_COOKIE) {
      throw new Error('not an HdrHistogram V2 compressed encoding');
    }
    const inner = inflateSync(bytes.subarray(8, 8 + bytes.readInt32BE(4)));
    if (inner.readInt32BE(0) !== ENCODING_COOKIE || inner.readInt32BE(12) !== SIGNIFICANT_DIGITS) {
      throw new Error('unsupported HdrHistogram encoding (expected V2, 3 significant digits)');
    }
    return HdrHistogram.fromTransfer(decodeCounts(inner.subarray(40, 40 + inner.readInt32BE(4))));
  }

  private grow(index: number): void {
    const length = (Math.floor(index / HALF_COUNT) + 1) * HALF_COUNT;
    const counts = new Float64Array(length);
    counts.set(this.counts);
    this.counts = counts;
  }
}

/** A histogram as sent between threads: non-zero (index, count) pairs and exact statistics. */
export interface HistogramTransfer {
  readonly pairs: Float64Array;
  readonly sum: number;
  readonly min: number;
  readonly max: number;
}

function indexOf(value: number): number {
  const bucket = 32 - SUB_BUCKET_BITS - Math.clz32(value | (SUB_BUCKET_COUNT - 1));
  return (bucket << HALF_BITS) + (value >>> bucket);
}

function valueFromIndex(index: number): number {
  let bucket = (index >>> HALF_BITS) - 1;
  let sub = (index & (HALF_COUNT - 1)) + HALF_COUNT;
  if (bucket < 0) {
    sub -= HALF_COUNT;
    bucket = 0;
  }
  return sub * 2 ** bucket;
}

function highestEquivalentValue(index: number): number {
  const bucket = Math.max(0, (index >>> HALF_BITS) - 1);
  return valueFromIndex(index) + 2 ** bucket - 1;
}

function encodeCounts(counts: Float64Array, max: number): Buffer {
  const out: number[] = [];
  const end = indexOf(max) + 1;
  for (let i = 0; i < end; ) {
    const count = counts[i]!;
    if (count > 0) {
      writeZigZag(out, count);
      i++;
      continue;
    }
    let zeros = 0;
    while (i < end && counts[i] === 0) {
      zeros++;
      i++;
    }
    writeZigZag(out, zeros > 1 ? -zeros : 0);
  }
  return Buffer.from(out);
}

function decodeCounts(payload: Buffer): HistogramTransfer {
  const pairs: number[] = [];
  const reader = { offset: 0 };
  let sum = 0;
  for (let index = 0; reader.offset < payload.length; ) {
    const value = readZigZag(payload, reader);
    if (value < 0) {
      index += -value;
      continue;
    }
    if (value > 0) {
      pairs.push(index, value);
      sum += ((valueFromIndex(index) + highestEquivalentValue(index)) / 2) * value;
    }
    index++;
  }
  if (pairs.length === 0)
    return { pairs: new Float64Array(), sum: 0, min: Number.POSITIVE_INFINITY, max: 0 };
  const min = valueFromIndex(pairs[0]!);
  const max = Math.min(highestEquivalentValue(pairs[pairs.length - 2]!), HISTOGRAM_MAX_VALUE);
  return { pairs: Float64Array.from(pairs), sum, min, max };
}

function writeZigZag(out: number[], value: number): void {
  let v = value >= 0 ? value * 2 : -value * 2 - 1;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
}

function readZigZag(bytes: Buffer, reader: { offset: number }): number {
  let result = 0;
  let scale = 1;
  for (let i = 0; i < 9; i++) {
    const byte = bytes[reader.offset++]!;
    // The ninth byte of HdrHistogram's LEB128 variant carries eight bits, not seven.
    result += (i === 8 ? byte : byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) break;
    scale *= 0x80;
  }
  return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
}
