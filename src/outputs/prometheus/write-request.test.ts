import SnappyJS from 'snappyjs';
import { describe, expect, it } from 'vitest';
import { HdrHistogram } from '../../metrics/hdr-histogram.js';
import { toNativeHistogram } from './native-histogram.js';
import {
  decodeWriteRequest,
  encodeStaleMarkers,
  encodeWriteRequest,
  STALE_NAN_BITS,
  StaleWriteRequestType,
  WriteRequestType,
} from './write-request.js';

describe('encodeWriteRequest', () => {
  it('round-trips labels, samples and a native histogram through protobuf and snappy', () => {
    const hdr = new HdrHistogram();
    for (const us of [0, 1000, 1000, 1500, 1_000_000]) hdr.record(us);
    const native = toNativeHistogram(hdr);
    const body = encodeWriteRequest([
      {
        name: 'k6_http_reqs_total',
        labels: { testid: 't1', status: '200', Zone: 'a', name: 'feed' },
        samples: [
          { value: 0, timestamp: 1_700_000_000_000 },
          { value: 42, timestamp: 1_700_000_001_000 },
        ],
      },
      {
        name: 'k6_http_req_duration_seconds',
        labels: { testid: 't1' },
        histograms: [{ histogram: native, timestamp: 1_700_000_001_000 }],
      },
    ]);
    const decoded = decodeWriteRequest(body) as {
      timeseries: { labels: unknown[]; samples: unknown[]; histograms: unknown[] }[];
    };
    const [counter, histogram] = decoded.timeseries;
    expect(counter?.labels).toEqual([
      { name: 'Zone', value: 'a' },
      { name: '__name__', value: 'k6_http_reqs_total' },
      { name: 'name', value: 'feed' },
      { name: 'status', value: '200' },
      { name: 'testid', value: 't1' },
    ]);
    expect(counter?.samples).toEqual([
      { value: 0, timestamp: 1_700_000_000_000 },
      { value: 42, timestamp: 1_700_000_001_000 },
    ]);
    expect(counter?.histograms).toEqual([]);
    expect(histogram?.samples).toEqual([]);
    expect(histogram?.histograms).toEqual([
      expect.objectContaining({
        countInt: 5,
        sum: 1.0035,
        schema: 3,
        zeroThreshold: 2 ** -128,
        zeroCountInt: 1,
        positiveSpans: [
          { offset: -79, length: 1 },
          { offset: 3, length: 1 },
          { offset: 74, length: 1 },
        ],
        positiveDeltas: [2, -1, 0],
        resetHint: 'UNKNOWN',
        timestamp: 1_700_000_001_000,
      }),
    ]);
  });

  it('writes stale markers as the exact stale NaN, readable as a Sample', () => {
    const body = encodeStaleMarkers([{ name: 'k6_vus', labels: { testid: 't1' } }], 1234);
    const raw = StaleWriteRequestType.toObject(
      StaleWriteRequestType.decode(SnappyJS.uncompress(body)),
      { longs: String },
    );
    expect(raw).toEqual({
      timeseries: [
        {
          labels: [
            { name: '__name__', value: 'k6_vus' },
            { name: 'testid', value: 't1' },
          ],
          samples: [{ value: STALE_NAN_BITS.toString(), timestamp: '1234' }],
        },
      ],
    });
    const asSamples = decodeWriteRequest(body) as {
      timeseries: { samples: { value: number; timestamp: number }[] }[];
    };
    expect(asSamples.timeseries[0]?.samples).toEqual([{ value: Number.NaN, timestamp: 1234 }]);
  });

  it('compresses with snappy block format, which round-trips any bytes', () => {
    const bytes = Uint8Array.from({ length: 10_000 }, (_, i) => (i * 31) % 7);
    const compressed = SnappyJS.compress(bytes);
    expect(compressed.length).toBeLessThan(bytes.length / 4);
    expect(SnappyJS.uncompress(compressed)).toEqual(bytes);
    const body = encodeWriteRequest([{ name: 'x', labels: {}, samples: [] }]);
    expect(WriteRequestType.decode(SnappyJS.uncompress(body)).toJSON()).toEqual({
      timeseries: [{ labels: [{ name: '__name__', value: 'x' }] }],
    });
  });
});
