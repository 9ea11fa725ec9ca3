import protobuf from 'protobufjs';
import SnappyJS from 'snappyjs';
import type { Labels, NativeHistogram } from './types.js';

/**
 * The part of Prometheus' remote-write protocol launchday sends (prompb/remote.proto and
 * types.proto, version 0.1.0), with the field numbers of those files: a WriteRequest of time
 * series, each with its labels and either float samples or native histograms.
 */
const REMOTE_WRITE_PROTO = `
syntax = "proto3";
package prometheus;

message WriteRequest {
  repeated TimeSeries timeseries = 1;
}

message TimeSeries {
  repeated Label labels = 1;
  repeated Sample samples = 2;
  repeated Histogram histograms = 4;
}

message Label {
  string name = 1;
  string value = 2;
}

message Sample {
  double value = 1;
  int64 timestamp = 2;
}

message Histogram {
  enum ResetHint {
    UNKNOWN = 0;
    YES = 1;
    NO = 2;
    GAUGE = 3;
  }
  oneof count {
    uint64 count_int = 1;
    double count_float = 2;
  }
  double sum = 3;
  sint32 schema = 4;
  double zero_threshold = 5;
  oneof zero_count {
    uint64 zero_count_int = 6;
    double zero_count_float = 7;
  }
  repeated BucketSpan negative_spans = 8;
  repeated sint64 negative_deltas = 9;
  repeated double negative_counts = 10;
  repeated BucketSpan positive_spans = 11;
  repeated sint64 positive_deltas = 12;
  repeated double positive_counts = 13;
  ResetHint reset_hint = 14;
  int64 timestamp = 15;
}

message BucketSpan {
  sint32 offset = 1;
  uint32 length = 2;
}

// Wire-compatible twins of WriteRequest, TimeSeries and Sample for stale markers: the value as
// its raw 64 bits (fixed64 and double share a wire type), because a JavaScript number cannot
// carry the stale NaN: V8 turns the signalling NaN 0x7ff0000000000002 into a quiet one.
message StaleWriteRequest {
  repeated StaleTimeSeries timeseries = 1;
}

message StaleTimeSeries {
  repeated Label labels = 1;
  repeated StaleSample samples = 2;
}

message StaleSample {
  fixed64 value = 1;
  int64 timestamp = 2;
}
`;

const root = protobuf.parse(REMOTE_WRITE_PROTO).root;

/** The WriteRequest message type, for encoding here and decoding in tests. */
export const WriteRequestType = root.lookupType('prometheus.WriteRequest');

/** WriteRequest with sample values as raw bits: how stale markers are encoded (and checked). */
export const StaleWriteRequestType = root.lookupType('prometheus.StaleWriteRequest');

/** A float sample: a value at a time (epoch ms). */
export interface FloatPoint {
  readonly value: number;
  readonly timestamp: number;
}

/** A native histogram at a time (epoch ms). */
export interface HistogramPoint {
  readonly histogram: NativeHistogram;
  readonly timestamp: number;
}

/** One series of a write request: its name, labels and points, oldest first. */
export interface WriteSeries {
  readonly name: string;
  readonly labels: Labels;
  readonly samples?: readonly FloatPoint[];
  readonly histograms?: readonly HistogramPoint[];
}

/**
 * The bits of Prometheus' stale marker: a sample whose value is this NaN tells Prometheus the
 * series ended, so queries stop returning it at once instead of 5 minutes later.
 */
export const STALE_NAN_BITS = 0x7ff0000000000002n;

/** The headers of every remote-write request. */
export const REMOTE_WRITE_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-encoding': 'snappy',
  'content-type': 'application/x-protobuf',
  'x-prometheus-remote-write-version': '0.1.0',
});

/**
 * Encodes `series` as a WriteRequest and compresses it with snappy's block format: the body of
 * a remote-write request. Labels go out with `__name__` and sorted by name, as the protocol
 * requires.
 */
export function encodeWriteRequest(series: readonly WriteSeries[]): Uint8Array {
  const message = {
    timeseries: series.map((s) => ({
      labels: sortedLabels(s.name, s.labels),
      samples: s.samples ?? [],
      histograms: (s.histograms ?? []).map(histogramMessage),
    })),
  };
  return SnappyJS.compress(WriteRequestType.encode(message).finish());
}

/**
 * Encodes and compresses (as {@link encodeWriteRequest}) a WriteRequest marking each series
 * stale at `timestamp` (epoch ms): the last request an output sends for them.
 */
export function encodeStaleMarkers(
  series: readonly Pick<WriteSeries, 'name' | 'labels'>[],
  timestamp: number,
): Uint8Array {
  // protobufjs takes a 64-bit integer as its two 32-bit halves.
  const value = {
    low: Number(STALE_NAN_BITS & 0xffff_ffffn),
    high: Number(STALE_NAN_BITS >> 32n),
    unsigned: true,
  };
  const message = {
    timeseries: series.map((s) => ({
      labels: sortedLabels(s.name, s.labels),
      samples: [{ value, timestamp }],
    })),
  };
  return SnappyJS.compress(StaleWriteRequestType.encode(message).finish());
}

/** Decompresses and decodes a remote-write body (tests, and anyone checking what was sent). */
export function decodeWriteRequest(body: Uint8Array): Record<string, unknown> {
  const message = WriteRequestType.decode(SnappyJS.uncompress(body));
  return WriteRequestType.toObject(message, { longs: Number, enums: String, defaults: true });
}

function sortedLabels(name: string, labels: Labels): { name: string; value: string }[] {
  const all: Labels = { ...labels, __name__: name };
  return Object.keys(all)
    .sort()
    .map((label) => ({ name: label, value: all[label]! }));
}

function histogramMessage({ histogram, timestamp }: HistogramPoint) {
  return {
    countInt: histogram.count,
    sum: histogram.sum,
    schema: histogram.schema,
    zeroThreshold: histogram.zeroThreshold,
    zeroCountInt: histogram.zeroCount,
    positiveSpans: histogram.positiveSpans,
    positiveDeltas: histogram.positiveDeltas,
    resetHint: 0,
    timestamp,
  };
}
