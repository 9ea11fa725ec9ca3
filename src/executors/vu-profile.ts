import type { VuSegment } from './types.js';

// Guards the integer crossings of a ramp against float error (1e-9 of a VU).
const EPSILON = 1e-9;

/**
 * The planned VU count at `ms` (from the workload's start), as k6 steps it: on a ramp the count
 * changes by one exactly when the linear target reaches the next integer (so it is rounded
 * down while ramping up and up while ramping down); a 0-length segment jumps at its start.
 * Before the first segment: its `from`; after the last: its `to`.
 */
export function vusAt(segments: readonly VuSegment[], ms: number): number {
  let value = segments[0]?.from ?? 0;
  for (const segment of segments) {
    if (ms < segment.startMs) break;
    const into = ms - segment.startMs;
    if (into >= segment.durationMs) {
      value = segment.to;
      continue;
    }
    return rampValue(segment, into);
  }
  return value;
}

function rampValue(segment: VuSegment, intoMs: number): number {
  const { from, to } = segment;
  const linear = from + ((to - from) * intoMs) / segment.durationMs;
  if (to > from) return Math.floor(linear + EPSILON);
  if (to < from) return Math.ceil(linear - EPSILON);
  return from;
}

/**
 * The earliest time after `ms` at which {@link vusAt} changes, or Infinity when it no longer
 * does. The VU runtime sleeps until then instead of polling.
 */
export function nextVuChange(segments: readonly VuSegment[], ms: number): number {
  const current = vusAt(segments, ms);
  for (const segment of segments) {
    const { startMs, durationMs, from, to } = segment;
    if (durationMs === 0) {
      if (startMs > ms && to !== current) return startMs;
      continue;
    }
    if (startMs + durationMs <= ms || from === to) continue;
    const step = Math.sign(to - from);
    // The ramp's next integer crossing beyond the count in force when it is reached.
    const next = (startMs > ms ? from : current) + step;
    if ((to - next) * step < 0) continue;
    return startMs + (durationMs * (next - from)) / (to - from);
  }
  return Infinity;
}
