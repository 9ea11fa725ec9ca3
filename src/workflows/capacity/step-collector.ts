import type { StepWindow, WindowMeasurement } from '../../capacity/types.js';
import type { IntervalPoint } from '../../core/result.js';
import { HdrHistogram } from '../../metrics/hdr-histogram.js';
import type { SeriesDelta } from '../../metrics/types.js';
import type { LiveState, Output } from '../../outputs/types.js';

/** Told when a window's last second has been measured, and when its warm-up ends. */
export interface StepEvents {
  warmedUp?(measurement: WindowMeasurement): void;
  completed?(measurement: WindowMeasurement): void;
}

/**
 * The output that cuts a run into load levels (windows of whole seconds) and measures each
 * over its steady part: every second after the window's warm-up adds its requests, failures
 * and latency histograms (merged exactly, from the second's series deltas), and the workload's
 * completed and dropped iterations. Seconds outside every window are ignored.
 */
export class StepCollector implements Output {
  readonly measurements: WindowMeasurement[];

  constructor(
    windows: readonly StepWindow[],
    private readonly workload: string,
    private readonly events: StepEvents = {},
  ) {
    this.measurements = windows.map((window) => ({
      window,
      seconds: 0,
      requests: 0,
      failed: 0,
      completed: 0,
      dropped: 0,
      latency: new HdrHistogram(),
      byName: new Map(),
    }));
  }

  interval(point: IntervalPoint, live: LiveState): void {
    const step = this.measurements.find(
      ({ window }) => point.t >= window.startS && point.t < window.endS,
    );
    if (step === undefined) return;
    const measuredFrom = step.window.startS + step.window.warmupS;
    if (point.t === measuredFrom) this.events.warmedUp?.(step);
    if (point.t < measuredFrom) return;
    step.seconds++;
    step.dropped += point.workloads[this.workload]?.dropped ?? 0;
    for (const delta of live.series) addDelta(step, delta, this.workload);
    if (point.t === step.window.endS - 1) this.events.completed?.(step);
  }
}

function addDelta(step: WindowMeasurement, delta: SeriesDelta, workload: string): void {
  if (delta.metric === 'iterations' && delta.kind === 'counter') {
    if (delta.tags.scenario === workload) step.completed += delta.count;
  } else if (delta.metric === 'http_req_failed' && delta.kind === 'rate') {
    step.requests += delta.total;
    step.failed += delta.passes;
    nameEntry(step, delta.tags.name).requests += delta.total;
  } else if (delta.metric === 'http_req_duration' && delta.kind === 'trend') {
    const histogram = HdrHistogram.fromTransfer(delta.histogram);
    step.latency.add(histogram);
    nameEntry(step, delta.tags.name).latency.add(histogram);
  }
}

function nameEntry(
  step: WindowMeasurement,
  name = '',
): { requests: number; latency: HdrHistogram } {
  let entry = step.byName.get(name);
  if (entry === undefined) {
    entry = { requests: 0, latency: new HdrHistogram() };
    step.byName.set(name, entry);
  }
  return entry;
}
